using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>An officer with his certificates (status today) and trainings.</summary>
public sealed class DetailModel(OfficerService officers, CurrentUser me) : PageModel
{
    public OfficerDto Officer { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int officerId)
    {
        var o = await officers.FindVisibleAsync(officerId);
        if (o is null) return NotFound();
        Officer = await officers.ToDtoAsync(o);
        CanEdit = await me.CanAdminister(o.AgencyId);
        return Page();
    }
}
