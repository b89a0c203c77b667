using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

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
        TempData["StatusMessage"] = done;
        return Redirect($"/cases/{caseId}/decision#{section}");
    }

    public Task<IActionResult> OnPostNoticeAsync(int caseId)
        => ActAsync(caseId, c => notices.CreateAsync(c, new NoticeInput(Input.OtherHeavyPenalty, Input.Reasons)), "已制作行政处罚事先告知书", "notice");

    public Task<IActionResult> OnPostServeAsync(int caseId, int noticeId)
        => ActAsync(caseId, async c =>
        {
            var n = await notices.FindAsync(c.Id, noticeId) ?? throw new DomainValidationException("noticeId", "not_found", "事先告知书不存在");
            await notices.ServeAsync(c, n, new ServiceInput(Input.ServedAt, Input.ServiceMethod));
        }, "已登记告知书送达", "notice");

    public Task<IActionResult> OnPostWaiveAsync(int caseId, int noticeId)
        => ActAsync(caseId, async c =>
        {
            var n = await notices.FindAsync(c.Id, noticeId) ?? throw new DomainValidationException("noticeId", "not_found", "事先告知书不存在");
            await notices.WaiveAsync(c, n, new WaiverInput(Input.WaivedAt, Input.WaiverNote));
        }, "已登记当事人书面放弃", "notice");

    public Task<IActionResult> OnPostStatementAsync(int caseId)
        => ActAsync(caseId, c => notices.RecordStatementAsync(c, new StatementInput(Input.Form, Input.MadeAt, Input.Speaker, Input.Content, Input.Place), Input.File),
            "已记录陈述申辩", "statement");

    public Task<IActionResult> OnPostAnswerAsync(int caseId, int statementId)
        => ActAsync(caseId, async c =>
        {
            var s = await notices.FindStatementAsync(c.Id, statementId) ?? throw new DomainValidationException("statementId", "not_found", "陈述申辩不存在");
            await notices.AnswerAsync(c, s, new AnswerInput(Input.Answer, Input.AnswerReason));
        }, "已答复陈述申辩", "statement");

    public Task<IActionResult> OnPostHearingRequestAsync(int caseId)
        => ActAsync(caseId, c => hearings.RequestAsync(c, new HearingRequestInput(Input.RequestedOn, Input.Note)), "已受理听证申请", "hearing");

    private async Task OnHearingAsync(Domain.Cases.Case c, Func<Domain.Decisions.Hearing, Task> act)
        => await act(await hearings.CurrentAsync(c.Id) ?? throw new DomainValidationException("hearing", "hearing.not_requested", "当事人尚未申请听证"));

    public Task<IActionResult> OnPostHearingScheduleAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.ScheduleAsync(c, h, new HearingScheduleInput(Input.ChairOfficerId, Input.ScheduledAt, Input.Place))),
            "已确定听证并制作听证通知书", "hearing");

    public Task<IActionResult> OnPostHearingServeAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.ServeNoticeAsync(c, h, new ServiceInput(Input.ServedAt, Input.ServiceMethod))),
            "已登记听证通知书送达", "hearing");

    public Task<IActionResult> OnPostHearingRecordAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.RecordAsync(c, h, new HearingRecordInput(Input.HeldAt, Input.Content))),
            "已记录听证并生成听证笔录", "hearing");

    public Task<IActionResult> OnPostHearingWithdrawAsync(int caseId)
        => ActAsync(caseId, c => OnHearingAsync(c, h => hearings.WithdrawAsync(c, h, new WithdrawalInput(Input.Note))), "已登记撤回听证申请", "hearing");

    public Task<IActionResult> OnPostRecusalAsync(int caseId)
        => ActAsync(caseId, c => hearings.RequestRecusalAsync(c, new RecusalInput(Input.TargetOfficerId, Input.TargetName, Input.Reasons, Input.RequestedAt)),
            "已登记回避申请", "recusal");

    public Task<IActionResult> OnPostRecusalDecideAsync(int caseId, int recusalId)
        => ActAsync(caseId, async c =>
        {
            var r = await hearings.FindRecusalAsync(c.Id, recusalId) ?? throw new DomainValidationException("recusalId", "not_found", "回避申请不存在");
            await hearings.DecideRecusalAsync(r, new RecusalDecisionInput(Input.Granted, Input.Note));
        }, "已决定回避申请", "recusal", recusal: true);

    public Task<IActionResult> OnPostDiscussionAsync(int caseId)
        => ActAsync(caseId, c => discussions.RecordAsync(c, new DiscussionInput
        {
            Reason = Input.Reasons, HeldAt = Input.HeldAt, Place = Input.Place, Conclusion = Input.Conclusion,
            PresiderUserId = Input.PresiderUserId, DesignatedByUserId = Input.DesignatedByUserId, Designation = Input.Designation,
            Participants = Input.ParticipantIds.Distinct().Select(id => new ParticipantInput { UserId = id, Opinion = Input.Opinions.GetValueOrDefault(id) }).ToList(),
        }), "已记录集体讨论并生成集体讨论记录", "discussion");

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
        TempData["StatusMessage"] = "决定已签发，案件转入“决定”环节";
        return Redirect($"/cases/{caseId}/decision#decision");
    }
}
