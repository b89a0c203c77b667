using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Publicity;

/// <summary>PUB-9 / SUP-1 (/publicity/deadlines): what each unit owes the portal, overdue first.</summary>
public sealed class DeadlinesModel(DeadlinesService deadlines) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    public DeadlinesView View { get; private set; } = new(default, [], []);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await deadlines.ListAsync(AgencyId, UnitId) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
