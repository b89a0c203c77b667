using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.LegalReview;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>
/// A case's legal review (/cases/{caseId}/legal-review): why it is major, the gate, every round, and the forms of
/// whoever may act now — flag, submit, return, review, extend, leader's opinion, consult, coordinate, the 法制审核表.
/// Each form is offered to whom the table lets act; while its conditions are unmet the button is disabled and the
/// table's reasons stand beside it.
/// </summary>
public sealed class CaseReviewModel(LegalReviewService svc) : PageModel
{
    public ReviewViewDto View { get; private set; } = null!;
    /// <summary>Every act of the table as the signed-in account stands now (see <see cref="ReviewActs"/>).</summary>
    public IReadOnlyDictionary<string, MoveCheck> Checks { get; private set; } = new Dictionary<string, MoveCheck>();
    [TempData] public string? StatusMessage { get; set; }
    [BindProperty] public FlagInput Flag { get; set; } = new();
    [BindProperty] public SubmissionInput Submission { get; set; } = new();
    [BindProperty] public ReturnInput Return { get; set; } = new();
    [BindProperty] public OpinionInput Opinion { get; set; } = new();
    [BindProperty] public TextInput Text { get; set; } = new();
    [BindProperty] public LeaderOpinionInput Leader { get; set; } = new();
    [BindProperty] public ConsultationInput Consultation { get; set; } = new();
    [BindProperty] public CoordinationInput Coordination { get; set; } = new();

    public static IReadOnlyList<ReviewItem> Items { get; } = Enum.GetValues<ReviewItem>();

    /// <summary>The actor may make the act (its form is shown), though its conditions may still be unmet.</summary>
    public bool Offers(string act) => Checks.TryGetValue(act, out var c) && c.Forbidden.Count == 0;

    public bool Allows(string act) => Checks.TryGetValue(act, out var c) && c.IsAllowed;

    public IReadOnlyList<UnmetCondition> Unmet(string act) => Checks.TryGetValue(act, out var c) ? c.Unmet : [];

    private async Task LoadAsync(Domain.Cases.Case c)
    {
        View = await svc.ViewAsync(c);
        Checks = await svc.ChecksAsync(c);
    }

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await svc.FindVisibleCaseAsync(caseId);
        if (c is null) return NotFound();
        await LoadAsync(c);
        // A resubmission starts from what was submitted last; the reply and the extra material are new each time.
        if (View.Submissions.LastOrDefault() is { } last)
        {
            Submission = new SubmissionInput
            {
                BasicFacts = last.BasicFacts, LawApplied = last.LawApplied, Discretion = last.Discretion, Investigation = last.Investigation,
                HearingAndAppraisal = last.HearingAndAppraisal, ProcedureFollowed = last.ProcedureFollowed, OtherMatters = last.OtherMatters,
                EvidenceDocumentIds = last.Materials.Where(m => m.Kind == "document").Select(m => m.Id).ToList(),
                EvidenceRecordIds = last.Materials.Where(m => m.Kind == "record").Select(m => m.Id).ToList(),
                UnitOpinion = last.UnitOpinion, ContactName = last.ContactName, ContactPhone = last.ContactPhone,
            };
        }
        return Page();
    }

    /// <summary>
    /// Makes the act; refused, the page is shown again with the table's reasons beside the form (403 when the account
    /// may not act at all) and bad input beside its fields; done, back to the review with <paramref name="done"/>.
    /// </summary>
    private async Task<IActionResult> ActAsync<T>(int caseId, string prefix, Func<Domain.Cases.Case, Task<Outcome<T>>> act, Func<T, string> done,
        Func<T, IActionResult>? next = null)
    {
        var c = await svc.FindVisibleCaseAsync(caseId);
        if (c is null) return NotFound();
        try
        {
            var outcome = await act(c);
            if (outcome.Succeeded)
            {
                StatusMessage = done(outcome.Value!);
                return next?.Invoke(outcome.Value!) ?? RedirectToPage("/LegalReview/CaseReview", new { caseId });
            }
            ModelState.AddRefusal(outcome, prefix);
            if (outcome.Forbidden.Count > 0) Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, prefix);
        }
        await LoadAsync(c);
        return Page();
    }

    public Task<IActionResult> OnPostFlagAsync(int caseId)
        => ActAsync(caseId, nameof(Flag), c => svc.FlagAsync(c, Flag), _ => T("legal_review.review.flagged"));

    public Task<IActionResult> OnPostSubmitAsync(int caseId)
        => ActAsync(caseId, nameof(Submission), c => svc.SubmitAsync(c, Submission), s => T("legal_review.review.submitted", s.Round));

    public Task<IActionResult> OnPostReturnAsync(int caseId)
        => ActAsync(caseId, nameof(Return), c => svc.ReturnAsync(c, Return), _ => T("legal_review.review.returned"));

    public Task<IActionResult> OnPostOpinionAsync(int caseId)
        => ActAsync(caseId, nameof(Opinion), c => svc.ReviewAsync(c, Opinion), o => T("legal_review.review.opinion_given", ReviewRules.Label(o.Outcome)));

    public Task<IActionResult> OnPostExtendAsync(int caseId)
        => ActAsync(caseId, nameof(Text), c => svc.ExtendAsync(c, Text), _ => T("legal_review.review.extended"));

    public Task<IActionResult> OnPostLeaderAsync(int caseId)
        => ActAsync(caseId, nameof(Leader), c => svc.LeaderOpinionAsync(c, Leader), _ => T("legal_review.review.leader_signed"));

    public Task<IActionResult> OnPostConsultAsync(int caseId)
        => ActAsync(caseId, nameof(Consultation), c => svc.ConsultAsync(c, Consultation), _ => T("legal_review.review.consulted"));

    public Task<IActionResult> OnPostCoordinateAsync(int caseId)
        => ActAsync(caseId, nameof(Coordination), c => svc.CoordinateAsync(c, Coordination), _ => T("legal_review.review.coordinated"));

    public Task<IActionResult> OnPostFormAsync(int caseId)
        => ActAsync(caseId, "", svc.GenerateFormAsync, _ => T("legal_review.review.form_made"), d => RedirectToPage("/Documents/Detail", new { documentId = d.Id }));
}
