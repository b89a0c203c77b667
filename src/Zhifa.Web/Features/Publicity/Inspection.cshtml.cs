using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

/// <summary>PUB-9 网上巡查 (/publicity/inspection): the quarter's publication record per agency, with .docx and .xlsx downloads.</summary>
public sealed class InspectionModel(InspectionService inspection, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public InspectionReport? Report { get; private set; }

    public Task<IActionResult> OnGetAsync() => RunAsync(r => Page());

    public Task<IActionResult> OnGetDocxAsync()
        => RunAsync(r => File(InspectionExport.Docx(r), Documents.DocumentWord.ContentType, InspectionExport.FileName(r, "docx")));

    public Task<IActionResult> OnGetXlsxAsync()
        => RunAsync(r => File(InspectionExport.Xlsx(r), Matters.MatterImport.XlsxContentType, InspectionExport.FileName(r, "xlsx")));

    private async Task<IActionResult> RunAsync(Func<InspectionReport, IActionResult> show)
    {
        if (!InspectionService.MayView(me)) return Forbid();
        int year, quarter;
        try
        {
            (year, quarter) = inspection.Period(Year, Quarter);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await inspection.ReportAsync(AgencyId, year, quarter) is not { } report) return NotFound();
        Year = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Quarter = quarter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Report = report;
        return show(report);
    }

    public string Query(string handler) => $"/publicity/inspection?handler={handler}&year={Year}&quarter={Quarter}" + (AgencyId is { } a ? $"&agencyId={a}" : "");
}
