using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// PUB-8 (/publicity/annual-report?agencyId=&amp;year=): the agency's annual report — the figures and charts, generating
/// and refreshing the draft, the approval chain, the downloads and, once released, the portal address.
/// </summary>
public sealed class AnnualReportModel(AnnualReportService reports, PublicationService publications, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Note { get; set; }
    public AnnualReportView? View { get; private set; }
    public ChainView? Chain { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public Task<IActionResult> OnGetDocxAsync() => ShowAsync(v => File(AnnualReportExport.Docx(v.Figures), Documents.DocumentWord.ContentType, AnnualReportService.FileName(v.Figures, "docx")));

    public Task<IActionResult> OnGetXlsxAsync() => ShowAsync(v => File(AnnualReportExport.Xlsx(v.Figures), Matters.MatterImport.XlsxContentType, AnnualReportService.FileName(v.Figures, "xlsx")));

    public Task<IActionResult> OnPostGenerateAsync() => ActAsync(async () =>
    {
        if (reports.WhyNotGenerate(AgencyId!.Value) is { } why) return why;
        await reports.GenerateAsync(AgencyId.Value, Year!.Value);
        StatusMessage = T("publicity.annual.generated");
        return null;
    });

    public Task<IActionResult> OnPostSubmitAsync() => ActOnLatestAsync(p => publications.WhyNotSubmit(p), p => publications.SubmitAsync(p, new ApprovalInput(Note)), T("publicity.annual.submitted"));

    public Task<IActionResult> OnPostApproveAsync() => ActOnLatestAsync(null, p => publications.ApproveAsync(p, new ApprovalInput(Note)), T("publicity.annual.approved"));

    public Task<IActionResult> OnPostReturnAsync() => ActOnLatestAsync(null, p => publications.ReturnAsync(p, new ApprovalInput(Note)), T("publicity.annual.returned"));

    private Task<IActionResult> ActOnLatestAsync(Func<Publication, string?>? whyNot, Func<Publication, Task> act, string done) => ActAsync(async () =>
    {
        if (await reports.LatestAsync(AgencyId!.Value, Year!.Value) is not { } p) return T("publicity.annual.none");
        if ((whyNot is null ? await publications.WhyNotApproveAsync(p) : whyNot(p)) is { } why) return why;
        await act(p);
        StatusMessage = done;
        return null;
    });

    private async Task<IActionResult> ActAsync(Func<Task<string?>> act)
    {
        if (await ResolveAsync() is { } refused) return refused;
        try
        {
            if (await act() is not { } why) return RedirectToPage("/Publicity/AnnualReport", new { agencyId = AgencyId, year = Year });
            ModelState.AddModelError("", why);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return await ShowAsync();
    }

    /// <summary>Fills in the defaults (own agency, last year) and answers 404 outside the user's scope.</summary>
    private async Task<IActionResult?> ResolveAsync()
    {
        AgencyId ??= me.AgencyId;
        Year ??= publications.Today.Year - 1;
        if (AgencyId is not { } a || !await me.CanSee(a) || !await reports.AgencyExistsAsync(a)) return NotFound();
        try
        {
            reports.CheckYear(Year.Value);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return null;
    }

    private async Task<IActionResult> ShowAsync(Func<AnnualReportView, IActionResult>? file = null)
    {
        if (View is null && await ResolveAsync() is { } refused) return refused;
        View = await reports.ViewAsync(AgencyId!.Value, Year!.Value);
        if (file is not null) return file(View);
        if (await reports.LatestAsync(AgencyId.Value, Year.Value) is { } p) Chain = await publications.ChainAsync(p);
        return Page();
    }
}
