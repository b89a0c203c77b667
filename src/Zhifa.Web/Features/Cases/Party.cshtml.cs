using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Cases;

/// <summary>One party with all its cases (/parties/{partyId}, 集中存储).</summary>
public sealed class PartyModel(CaseService cases) : PageModel
{
    public PartyCasesDto View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int partyId)
    {
        var p = await cases.FindVisiblePartyAsync(partyId);
        if (p is null) return NotFound();
        View = await cases.PartyWithCasesAsync(p);
        return Page();
    }
}
