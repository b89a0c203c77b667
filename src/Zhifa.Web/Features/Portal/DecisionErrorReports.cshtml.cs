using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

using Zhifa.Web.Features.Publicity;

namespace Zhifa.Web.Features.Portal;

/// <summary>
/// /publicity/error-reports: the public's error reports on the visible agencies' published decisions, with their due
/// dates (overdue in red); the agency's own staff reply and mark each corrected or rejected.
/// </summary>
public sealed class DecisionErrorReportsModel(DecisionErrorReportService svc) : PageModel
{
    public List<ErrorReportRow> Rows { get; private set; } = [];
    public string? Status { get; private set; }
    public bool OverdueOnly { get; private set; }
    [BindProperty] public int ReportId { get; set; }
    [BindProperty] public string? Resolution { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(string? status, bool? overdue)
    {
        Status = status;
        OverdueOnly = overdue == true;
        Rows = await svc.ListAsync(null, status, OverdueOnly);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await svc.FindVisibleAsync(ReportId) is not { } r) return NotFound();
        try
        {
            var resolved = await svc.ResolveAsync(r, new ResolveErrorReportInput(Resolution, Reply));
            if (resolved.Succeeded)
            {
                StatusMessage = T("errorreports.page.resolved", r.ReceiptNumber);
                return RedirectToPage("/Portal/DecisionErrorReports");
            }
            ModelState.AddRefusal(resolved, "");
            Response.StatusCode = resolved.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await OnGetAsync(null, null);
        return Page();
    }
}
