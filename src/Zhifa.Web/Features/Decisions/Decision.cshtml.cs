using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

/// <summary>Form fields of the decision page; each section posts its own handler.</summary>
public sealed class DecisionForms
{
    public bool OtherHeavyPenalty { get; set; }
    public string? Reasons { get; set; }
    public DateTime? ServedAt { get; set; }
    public string? ServiceMethod { get; set; }
    public DateTime? WaivedAt { get; set; }
    public string? WaiverNote { get; set; }
    public string? Form { get; set; }
    public DateTime? MadeAt { get; set; }
    public string? Speaker { get; set; }
    public string? Place { get; set; }
    public string? Content { get; set; }
    public IFormFile? File { get; set; }
    public string? Answer { get; set; }
    public string? AnswerReason { get; set; }
    public DateOnly? RequestedOn { get; set; }
    public string? Note { get; set; }
    public int? ChairOfficerId { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public DateTime? HeldAt { get; set; }
    public int? TargetOfficerId { get; set; }
    public string? TargetName { get; set; }
    public DateTime? RequestedAt { get; set; }
    public bool Granted { get; set; }
    public string? Conclusion { get; set; }
    public List<int> ParticipantIds { get; set; } = [];
    public int? PresiderUserId { get; set; }
    public int? DesignatedByUserId { get; set; }
    public string? Designation { get; set; }
    public Dictionary<int, string?> Opinions { get; set; } = [];
}

/// <summary>/cases/{caseId}/decision: 事先告知, 陈述申辩, 听证 and 回避, 集体讨论 and 决定 of one case, in sections that read on a phone.</summary>
public sealed class DecisionPageModel(CaseService cases, DecisionService decisions, NoticeService notices, HearingService hearings, DiscussionService discussions,
    CurrentUser me) : PageModel
{
    public Domain.Cases.Case Case { get; private set; } = null!;
    public DecisionOverview View { get; private set; } = null!;
    public bool CanChange { get; private set; }
    public bool CanDecideRecusal { get; private set; }
    [BindProperty] public DecisionForms Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return false;
        Case = c;
        View = await decisions.OverviewAsync(c);
        CanChange = await cases.MayChangeAsync(c);
        CanDecideRecusal = HearingService.MayDecideRecusal(me) && me.AgencyId == c.AgencyId;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    /// <summary>Loads the case, checks who may act, runs the act; a refusal shows every reason beside the form and changes nothing.</summary>
    private async Task<IActionResult> ActAsync(int caseId, Func<Domain.Cases.Case, Task> act, string done, string section, bool recusal = false)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        bool allowed = recusal ? CanDecideRecusal : CanChange;
        if (!allowed) return Forbid();
        try
        {
            await act(Case);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input");
            ViewData["FailedSection"] = section;
            await LoadAsync(caseId);
            return Page();
        }
        StatusMessage = done;
        return RedirectToPage("/Decisions/Decision", null, new { caseId }, section);
    }

    public Task<IActionResult> OnPostNoticeAsync(int caseId)
        => ActAsync(caseId, c => notices.CreateAsync(c, new NoticeInput(Input.OtherHeavyPenalty, Input.Reasons)), T("decisions.done.notice"), "notice");

    public Task<IActionResult> OnPostServeAsync(int caseId, int noticeId)
        => ActAsync(caseId, async c =>
        {
            var n = await notices.FindAsync(c.Id, noticeId) ?? throw new DomainValidationException("noticeId", "not_found", T("decisions.notice_not_found"));
            await notices.ServeAsync(c, n, new ServiceInput(Input.ServedAt, Input.ServiceMethod));
        }, T("decisions.done.served"), "notice");

    public Task<IActionResult> OnPostWaiveAsync(int caseId, int noticeId)
        => ActAsync(caseId, async c =>
        {
            var n = await notices.FindAsync(c.Id, noticeId) ?? throw new DomainValidationException("noticeId", "not_found", T("decisions.notice_not_found"));
            await notices.WaiveAsync(c, n, new WaiverInput(Input.WaivedAt, Input.WaiverNote));
        }, T("decisions.done.waived"), "notice");

    public Task<IActionResult> OnPostStatementAsync(int caseId)
        => ActAsync(caseId, c => notices.RecordStatementAsync(c, new StatementInput(Input.Form, Input.MadeAt, Input.Speaker, Input.Content, Input.Place), Input.File),
            T("decisions.done.statement"), "statement");

    public Task<IActionResult> OnPostAnswerAsync(int caseId, int statementId)
        => ActAsync(caseId, async c =>
        {
            var s = await notices.FindStatementAsync(c.Id, statementId) ?? throw new DomainValidationException("statementId", "not_found", T("decisions.statement_not_found"));
            await notices.AnswerAsync(c, s, new AnswerInput(Input.Answer, Input.AnswerReason));
        }, T("decisions.done.answered"), "statement");

    public Task<IActionResult> OnPostHearingRequestAsync(int caseId)
        => ActAsync(caseId, c => hearings.RequestAsync(c, new HearingRequestInput(Input.RequestedOn, Input.Note)), T("decisions.done.hearing_requested"), "hearing");

    private async Task OnHearingAsync(Domain.Cases.Case c, Func<Domain.Decisions.Hearing, Task> act)
        => await act(await hearings.CurrentAsync(c.Id) ?? throw new DomainValidationException("hearing", "hearing.not_requested", T("decisions.hearing_not_requested")));

    public Task<IActionResult> OnPostHearingScheduleAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.ScheduleAsync(c, h, new HearingScheduleInput(Input.ChairOfficerId, Input.ScheduledAt, Input.Place))),
            T("decisions.done.hearing_scheduled"), "hearing");

    public Task<IActionResult> OnPostHearingServeAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.ServeNoticeAsync(c, h, new ServiceInput(Input.ServedAt, Input.ServiceMethod))),
            T("decisions.done.hearing_notice_served"), "hearing");

    public Task<IActionResult> OnPostHearingRecordAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.RecordAsync(c, h, new HearingRecordInput(Input.HeldAt, Input.Content))),
            T("decisions.done.hearing_held"), "hearing");

    public Task<IActionResult> OnPostHearingWithdrawAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.WithdrawAsync(c, h, new WithdrawalInput(Input.Note))), T("decisions.done.hearing_withdrawn"), "hearing");

    public Task<IActionResult> OnPostRecusalAsync(int caseId)
        => ActAsync(caseId, c => hearings.RequestRecusalAsync(c, new RecusalInput(Input.TargetOfficerId, Input.TargetName, Input.Reasons, Input.RequestedAt)),
            T("decisions.done.recusal_requested"), "recusal");

    public Task<IActionResult> OnPostRecusalDecideAsync(int caseId, int recusalId)
        => ActAsync(caseId, async c =>
        {
            var r = await hearings.FindRecusalAsync(c.Id, recusalId) ?? throw new DomainValidationException("recusalId", "not_found", T("decisions.recusal_not_found"));
            await hearings.DecideRecusalAsync(r, new RecusalDecisionInput(Input.Granted, Input.Note));
        }, T("decisions.done.recusal_decided"), "recusal", recusal: true);

    public Task<IActionResult> OnPostDiscussionAsync(int caseId)
        => ActAsync(caseId, c => discussions.RecordAsync(c, new DiscussionInput
        {
            Reason = Input.Reasons, HeldAt = Input.HeldAt, Place = Input.Place, Conclusion = Input.Conclusion,
            PresiderUserId = Input.PresiderUserId, DesignatedByUserId = Input.DesignatedByUserId, Designation = Input.Designation,
            Participants = Input.ParticipantIds.Distinct().Select(id => new ParticipantInput { UserId = id, Opinion = Input.Opinions.GetValueOrDefault(id) }).ToList(),
        }), T("decisions.done.discussion"), "discussion");

    /// <summary>Signing: the service decides who may sign and what still blocks it; a refusal is shown beside the form.</summary>
    public async Task<IActionResult> OnPostIssueAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var issued = await decisions.IssueAsync(Case, new IssueInput(Input.Place, Input.Note));
        if (issued.Forbidden.Count > 0) return Forbid();
        if (!issued.Succeeded)
        {
            ModelState.AddRefusal(issued, "Input");
            ViewData["FailedSection"] = "decision";
            await LoadAsync(caseId);
            return Page();
        }
        StatusMessage = T("decisions.done.issued");
        return RedirectToPage("/Decisions/Decision", null, new { caseId }, "decision");
    }
}
