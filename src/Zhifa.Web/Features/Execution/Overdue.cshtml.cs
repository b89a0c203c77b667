using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Execution;

/// <summary>SUP-1 (/execution/overdue): decisions not served in time, overdue fines and cases past their decision limit.</summary>
public sealed class OverdueModel(OverdueService overdue, CurrentUser me) : PageModel
{
    public List<OverdueRow> Rows { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!OverdueService.MayView(me)) return Forbid();
        Rows = await overdue.ListAsync(AgencyId);
        return Page();
    }
}
