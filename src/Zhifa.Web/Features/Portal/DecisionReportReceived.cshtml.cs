using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Portal;

/// <summary>The thank-you page after an error report: the receipt number and the date the owner unit answers by.</summary>
[AllowAnonymous]
public sealed class DecisionReportReceivedModel(DecisionPortalService svc) : PageModel
{
    public ErrorReportReceipt Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int seriesId, string receipt)
    {
        if (await svc.ReceiptAsync(seriesId, receipt) is not { } r) return NotFound();
        Receipt = r;
        return Page();
    }
}
