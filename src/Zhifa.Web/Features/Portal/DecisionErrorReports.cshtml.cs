using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

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

    public async Task OnGetAsync(string? status, bool? overdue)
    {
        Status = status;
        OverdueOnly = overdue == true;
        Rows = await svc.ListAsync(null, status, OverdueOnly);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var r = await svc.FindVisibleAsync(ReportId);
        if (r is null) return NotFound();
        if (!svc.MayHandle(r)) return Forbid();
        try
        {
            await svc.ResolveAsync(r, new ResolveErrorReportInput(Resolution, Reply));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync(null, null);
            return Page();
        }
        TempData["StatusMessage"] = $"纠错 {r.ReceiptNumber} 已处理";
        return RedirectToPage();
    }
}
