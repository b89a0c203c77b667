using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>LR-9: who submitted, reviewed, gave the leader's opinion and decided, and when.</summary>
public sealed class ResponsibilityModel(LegalReviewService svc) : PageModel
{
    public ResponsibilityDto Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await svc.FindVisibleCaseAsync(caseId);
        if (c is null) return NotFound();
        Report = await svc.ResponsibilityAsync(c);
        return Page();
    }
}
