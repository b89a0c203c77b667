using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>
/// A case's legal review (/cases/{caseId}/legal-review): why it is major, the gate, every round, and the forms of
/// whoever may act now — flag, submit, return, review, extend, leader's opinion, consult, coordinate, the 法制审核表.
/// </summary>
public sealed class CaseReviewModel(LegalReviewService svc) : PageModel
{
    public ReviewViewDto View { get; private set; } = null!;
    [BindProperty] public FlagInput Flag { get; set; } = new();
    [BindProperty] public SubmissionInput Submission { get; set; } = new();
    [BindProperty] public ReturnInput Return { get; set; } = new();
    [BindProperty] public OpinionInput Opinion { get; set; } = new();
    [BindProperty] public TextInput Text { get; set; } = new();
    [BindProperty] public LeaderOpinionInput Leader { get; set; } = new();
    [BindProperty] public ConsultationInput Consultation { get; set; } = new();
    [BindProperty] public CoordinationInput Coordination { get; set; } = new();

    public static IReadOnlyList<ReviewItem> Items { get; } = Enum.GetValues<ReviewItem>();

    private async Task<Domain.Cases.Case?> LoadAsync(int caseId)
    {
        var c = await svc.FindVisibleCaseAsync(caseId);
        if (c is not null) View = await svc.ViewAsync(c);
        return c;
    }

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        if (await LoadAsync(caseId) is null) return NotFound();
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

    private async Task<IActionResult> ActAsync(int caseId, string prefix, Func<Domain.Cases.Case, Task<string>> act)
    {
        var c = await svc.FindVisibleCaseAsync(caseId);
        if (c is null) return NotFound();
        try
        {
            var done = await act(c);
            TempData["StatusMessage"] = done;
            return Redirect($"/cases/{caseId}/legal-review");
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, prefix);
            View = await svc.ViewAsync(c);
            return Page();
        }
    }

    public Task<IActionResult> OnPostFlagAsync(int caseId)
        => ActAsync(caseId, nameof(Flag), async c => { await svc.FlagAsync(c, Flag); return "已标记为重大执法决定"; });

    public Task<IActionResult> OnPostSubmitAsync(int caseId)
        => ActAsync(caseId, nameof(Submission), async c => { var s = await svc.SubmitAsync(c, Submission); return $"已第{s.Round}次送法制审核"; });

    public Task<IActionResult> OnPostReturnAsync(int caseId)
        => ActAsync(caseId, nameof(Return), async c => { await svc.ReturnAsync(c, Return); return "已退回送审材料"; });

    public Task<IActionResult> OnPostOpinionAsync(int caseId)
        => ActAsync(caseId, nameof(Opinion), async c => { var o = await svc.ReviewAsync(c, Opinion); return $"已出具审核意见：{ReviewRules.Label(o.Outcome)}"; });

    public Task<IActionResult> OnPostExtendAsync(int caseId)
        => ActAsync(caseId, nameof(Text), async c => { await svc.ExtendAsync(c, Text); return "已批准延长审核期限5个工作日"; });

    public Task<IActionResult> OnPostLeaderAsync(int caseId)
        => ActAsync(caseId, nameof(Leader), async c => { await svc.LeaderOpinionAsync(c, Leader); return "已签署分管领导意见，法制审核表已归入执法文书"; });

    public Task<IActionResult> OnPostConsultAsync(int caseId)
        => ActAsync(caseId, nameof(Consultation), async c => { await svc.ConsultAsync(c, Consultation); return "已登记咨询论证"; });

    public Task<IActionResult> OnPostCoordinateAsync(int caseId)
        => ActAsync(caseId, nameof(Coordination), async c => { await svc.CoordinateAsync(c, Coordination); return "已登记协调结果"; });

    public async Task<IActionResult> OnPostFormAsync(int caseId)
    {
        var c = await svc.FindVisibleCaseAsync(caseId);
        if (c is null) return NotFound();
        try
        {
            var d = await svc.GenerateFormAsync(c);
            TempData["StatusMessage"] = "已制作法制审核表并归入执法文书";
            return Redirect($"/documents/{d.Id}");
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            View = await svc.ViewAsync(c);
            return Page();
        }
    }
}
