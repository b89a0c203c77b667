using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>PUB-9 网上巡查 (/publicity/inspection): the quarter's publication record per agency, with .docx and .xlsx downloads.</summary>
public sealed class InspectionModel(InspectionService inspection, InspectionNoteService notes, DeadlinesService deadlines, CurrentUser me, AgencyService agencies) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    public InspectionReport? Report { get; private set; }
    public List<InspectionNoteView> Notes { get; private set; } = [];
    public Dictionary<int, List<(int Id, string Name)>> Units { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    /// <summary>Records a finding for an agency (or unit) of the inspected quarter; it is sent back to that agency's deadlines list.</summary>
    public async Task<IActionResult> OnPostNoteAsync(int noteAgencyId, int? noteUnitId, string? content)
    {
        if (!await me.CanSee(noteAgencyId)) return NotFound();
        if (!InspectionService.MayView(me)) return Forbid();
        try
        {
            var (year, quarter) = inspection.Period(Year, Quarter);
            await notes.AddAsync(new InspectionNoteInput(noteAgencyId, noteUnitId, year, quarter, content));
            StatusMessage = T("publicity.inspection.noted");
            return RedirectToPage("/Publicity/Inspection", new { agencyId = AgencyId, year, quarter });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return await RunAsync(r => Page());
    }

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
        if (await deadlines.ScopeAsync(AgencyId, null) is { } scope)
        {
            Notes = await notes.ListAsync(scope, year, quarter);
            Units = (await agencies.UnitsOfAsync(scope))
                .GroupBy(u => u.AgencyId).ToDictionary(g => g.Key, g => g.Select(u => (u.Id, u.Name)).ToList());
        }
        return show(report);
    }
}
