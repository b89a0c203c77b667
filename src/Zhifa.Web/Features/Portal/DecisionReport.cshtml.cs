using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Portal;

/// <summary>
/// /gs/decisions/{seriesId}/report: anyone reports an error in a published decision (PUB-10). The report reaches the
/// owner unit; the browser is redirected to the receipt (post/redirect/get), so reloading does not report twice.
/// </summary>
[AllowAnonymous]
public sealed class DecisionReportModel(DecisionPortalService svc) : PageModel
{
    public sealed class InputModel
    {
        public string? Content { get; set; }
        public string? Contact { get; set; }
        /// <summary>Honeypot: hidden from people, filled by bots.</summary>
        public string? Website { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public PublicDecisionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int seriesId)
    {
        if (await svc.DetailAsync(seriesId) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int seriesId)
    {
        if (await svc.DetailAsync(seriesId) is not { } view) return NotFound();
        View = view;
        try
        {
            var receipt = await svc.ReportErrorAsync(seriesId, new ErrorReportInput(Input.Content, Input.Contact, Input.Website));
            if (receipt is null) return NotFound();
            return RedirectToPage("DecisionReportReceived", new { seriesId, receipt = receipt.ReceiptNumber });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, nameof(Input));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
