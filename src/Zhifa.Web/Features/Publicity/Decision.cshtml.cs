using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// /publicity/decisions/{publicationId}: one decision's publication — the summary, the redaction to confirm span by
/// span, non-disclosure, the approval chain, and after release its legal status, withdrawal and new versions.
/// </summary>
public sealed class DecisionModel(PublicationService publications, DecisionPublicationService svc) : PageModel
{
    public PublicationDetail Detail { get; private set; } = null!;
    public RedactionView? Redaction { get; private set; }
    /// <summary>What the table says of each act for the signed-in user now: a form is shown for the state, its button disabled with these reasons.</summary>
    public MoveCheck Prepare { get; private set; } = null!;
    public MoveCheck Submit { get; private set; } = null!;
    public MoveCheck Approve { get; private set; } = null!;
    public MoveCheck Manage { get; private set; } = null!;
    public MoveCheck NewVersion { get; private set; } = null!;

    [TempData] public string? StatusMessage { get; set; }

    [BindProperty] public string? Form { get; set; }
    [BindProperty] public string? TitleText { get; set; }
    [BindProperty] public string? Violation { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public string? Conclusion { get; set; }
    [BindProperty] public string? SourceSha256 { get; set; }
    /// <summary>Each kept span as "start:length:kind".</summary>
    [BindProperty] public List<string> Keep { get; set; } = [];
    [BindProperty] public string? AlsoHide { get; set; }
    [BindProperty] public string? Ground { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Exception { get; set; }
    [BindProperty] public string? ExceptionReason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? LegalStatus { get; set; }
    [BindProperty] public DateOnly? ChangedOn { get; set; }

    private Publication _p = null!;

    private async Task FillAsync()
    {
        Detail = await svc.DetailAsync(_p);
        Redaction = _p.Form == PublicationForm.FullText ? await svc.RedactionAsync(_p) : null;
        Prepare = await svc.CheckPrepareAsync(_p);
        Submit = await publications.CheckAsync(_p, ChainAct.Submit);
        Approve = await publications.CheckAsync(_p, ChainAct.Approve);
        Manage = await svc.CheckManageAsync(_p);
        NewVersion = await publications.CheckNewVersionAsync(_p);
        Form ??= _p.Form.ToString();
        TitleText ??= _p.Title;
        Violation ??= _p.Violation;
        LegalBasis ??= _p.LegalBasis;
        Conclusion ??= _p.Conclusion;
    }

    public async Task<IActionResult> OnGetAsync(int publicationId)
    {
        if (await publications.FindVisibleAsync(publicationId) is not { } p || p.Kind != PublicationKind.Decision) return NotFound();
        _p = p;
        await FillAsync();
        return Page();
    }

    public Task<IActionResult> OnPostContentAsync(int publicationId) => ActAsync(publicationId,
        p => svc.SaveContentAsync(p, new ContentInput(Form, TitleText, Violation, LegalBasis, Conclusion)), T("publication.page.saved"));

    public Task<IActionResult> OnPostRedactionAsync(int publicationId) => ActAsync(publicationId,
        p => svc.ConfirmRedactionAsync(p, new RedactionConfirmInput(SourceSha256, [.. Keep.Select(ParseSpan)],
            [.. Zhifa.Domain.Redaction.RedactionInput.SplitNames(AlsoHide)])), T("publication.page.redaction_confirmed"));

    public Task<IActionResult> OnPostNonDisclosureAsync(int publicationId) => ActAsync(publicationId,
        p => svc.ProposeNonDisclosureAsync(p, new NonDisclosureInput(Ground, Reason, Exception, ExceptionReason)), T("publication.page.non_disclosure_recorded"));

    public Task<IActionResult> OnPostClearNonDisclosureAsync(int publicationId) => ActAsync(publicationId,
        svc.ClearNonDisclosureAsync, T("publication.page.non_disclosure_cleared"));

    public Task<IActionResult> OnPostSubmitAsync(int publicationId) => ActAsync(publicationId,
        p => publications.ActAsync(p, ChainAct.Submit, new ApprovalInput(Note)), T("publication.page.submitted"));

    public Task<IActionResult> OnPostApproveAsync(int publicationId) => ActAsync(publicationId,
        p => publications.ActAsync(p, ChainAct.Approve, new ApprovalInput(Note)), T("publication.page.approved"));

    public Task<IActionResult> OnPostReturnAsync(int publicationId) => ActAsync(publicationId,
        p => publications.ActAsync(p, ChainAct.Return, new ApprovalInput(Note)), T("publication.page.returned"));

    public Task<IActionResult> OnPostLegalStatusAsync(int publicationId) => ActAsync(publicationId,
        p => svc.SetLegalStatusAsync(p, new LegalStatusInput(LegalStatus, Note, ChangedOn)), T("publication.page.legal_status_updated"));

    public Task<IActionResult> OnPostWithdrawAsync(int publicationId) => ActAsync(publicationId,
        p => svc.WithdrawAsync(p, new WithdrawInput(Reason)), T("publication.page.withdrawn"));

    public Task<IActionResult> OnPostNewVersionAsync(int publicationId) => ActAsync(publicationId,
        svc.NewVersionAsync, next => T("publication.page.new_version", next.Version));

    private static SpanInput ParseSpan(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 3 && int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int length)
            ? new SpanInput(start, length, parts[2]) : new SpanInput(-1, 0, null);
    }

    private Task<IActionResult> ActAsync(int publicationId, Func<Publication, Task<Outcome<Publication>>> act, string done)
        => ActAsync(publicationId, act, _ => done);

    /// <summary>
    /// One act through the same service method as the API: done, to the (new) version's page with its message; refused,
    /// the page again with every reason of the table (403 the user may not, 409 not yet) or of the input (400).
    /// </summary>
    private async Task<IActionResult> ActAsync(int publicationId, Func<Publication, Task<Outcome<Publication>>> act, Func<Publication, string> done)
    {
        if (await publications.FindVisibleAsync(publicationId) is not { } p || p.Kind != PublicationKind.Decision) return NotFound();
        _p = p;
        Outcome<Publication> outcome;
        try
        {
            outcome = await act(p);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            return await ShowAgainAsync(StatusCodes.Status400BadRequest);
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusal(outcome, "");
            return await ShowAgainAsync(outcome.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
        }
        StatusMessage = done(outcome.Value!);
        return RedirectToPage("/Publicity/Decision", new { publicationId = outcome.Value!.Id });
    }

    private async Task<IActionResult> ShowAgainAsync(int status)
    {
        await FillAsync();
        Response.StatusCode = status;
        return Page();
    }
}
