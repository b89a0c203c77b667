using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.LegalReview;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

public sealed record IssueInput(string? Place, string? Note);

/// <summary>
/// The decision settings as put: the art. 63 amounts, the deputy's signature, the discussion quorum (empty: more than
/// half of the 负责人) and whether the 分管领导 signs after legal review (omitted: unchanged).
/// </summary>
public sealed record SettingsInput(decimal? LargeFineCitizenYuan, decimal? LargeFineOrganisationYuan, decimal? LargeConfiscationCitizenYuan,
    decimal? LargeConfiscationOrganisationYuan, bool DeputyHeadMaySign, int? DiscussionQuorum = null, bool? LeaderOpinionRequired = null);

public sealed record SettingsView(int AgencyId, decimal LargeFineCitizenYuan, decimal LargeFineOrganisationYuan, decimal LargeConfiscationCitizenYuan,
    decimal LargeConfiscationOrganisationYuan, bool DeputyHeadMaySign, int? DiscussionQuorum, bool LeaderOpinionRequired, DateTime UpdatedAt, string UpdatedBy);

public sealed record GateView(bool Required, bool IsOpen, IReadOnlyList<string> Reasons, string Message);

public sealed record NoticeView(int Id, string Number, int DocumentId, string Outcome, string Proposed, bool HearingRight, string HearingReasons,
    DateTime CreatedAt, string CreatedBy, DateTime? ServedAt, string ServiceMethod, DateTime? WaivedAt, string WaiverNote, DateOnly? StatementPeriodEnds);

public sealed record StatementView(int Id, int NoticeId, string Form, string FormLabel, DateTime MadeAt, string Content, int? DocumentId, bool HasFile,
    string FileName, DateTime RecordedAt, string RecordedBy, string Answer, string AnswerLabel, string AnswerReason, DateTime? AnsweredAt, string AnsweredBy);

public sealed record HearingView(int Id, int NoticeId, DateOnly RequestedOn, string RequestNote, int? ChairOfficerId, string ChairName, DateTime? ScheduledAt,
    string Place, int? NoticeDocumentId, DateTime? NoticeServedAt, DateOnly? NoticeServeBy, DateTime? HeldAt, int? RecordDocumentId, DateTime? WithdrawnAt,
    string WithdrawalNote, string Status, string StatusLabel);

public sealed record RecusalView(int Id, int? TargetOfficerId, string TargetName, string Reason, DateTime RequestedAt, string RecordedBy, string Status,
    string StatusLabel, string DecisionReason, DateTime? DecidedAt, string DecidedBy);

public sealed record ParticipantView(int UserId, string Name, string RoleLabel, string Attendance, string AttendanceLabel, string Opinion);

public sealed record DiscussionView(int Id, string Reason, DateTime HeldAt, string Place, string Conclusion, int DocumentId, DateTime RecordedAt,
    string RecordedBy, IReadOnlyList<ParticipantView> Participants, string PresiderName, string PresiderRole, string DesignatedByName, string Designation,
    int Quorum, int LeaderAccounts);

public sealed record DecisionView(int Id, string TypeCode, string TypeName, string Number, int DocumentId, string Outcome, string OutcomeLabel,
    string PenaltyKindsLabel, decimal? FineYuan, decimal? ConfiscationYuan, DateTime IssuedAt, string IssuedBy, string IssuedByRole, string Remedies);

/// <summary>A period that runs now: its last day, whether it counts working or calendar days, and its legal basis (LAW-1).</summary>
/// <summary>A period of the decision steps; <see cref="CalendarNote"/> when it was counted through a year whose holiday notice is not loaded.</summary>
public sealed record DecisionDeadline(string Label, DateOnly Due, bool WorkingDays, bool Passed, string Basis, string? CalendarNote = null)
{
    public bool CalendarEstimated => CalendarNote is not null;
}

public sealed record OfficerOption(int Id, string Name, bool IsCaseOfficer);

/// <summary>Everything of the decision steps of one case, as the page and the API show it.</summary>
public sealed record DecisionOverview(
    int CaseId, string Step, string StepLabel, bool Applies, ProposalDto? Proposal, string ProposedText, GateView LegalReview, bool DiscussionRequired,
    IReadOnlyList<NoticeView> Notices, IReadOnlyList<StatementView> Statements, IReadOnlyList<HearingView> Hearings, IReadOnlyList<RecusalView> Recusals,
    IReadOnlyList<DiscussionView> Discussions, DecisionView? Decision, IReadOnlyList<DecisionDeadline> Deadlines,
    IReadOnlyList<UnmetCondition> IssueProblems, bool MaySign, IReadOnlyList<StaffView> Staff, IReadOnlyList<OfficerOption> Officers,
    QuorumView DiscussionQuorum);

/// <summary>
/// REC-4 and LAW-4: the decision issued from the proposal by the head. Issuing generates and numbers the decision
/// document and moves the case to 决定 in one transaction; a refusal names every unmet condition and changes nothing.
/// </summary>
public sealed class DecisionService(AppDbContext db, CurrentUser me, ProposalService proposals, DocumentService documents, DecisionFactsService facts,
    LegalReviewGateService legalReview, CaseStepService steps, DiscussionService discussions, CaseService cases, Officers.OfficerService officerService)
{
    /// <summary>
    /// May the signed-in account issue the decision now? The case's table answers (REC-4, LR-1, LAW-4 …: the move to
    /// 决定 made by this act); a case outside the general procedure or already decided is refused before it.
    /// </summary>
    public async Task<MoveCheck> CheckIssueAsync(Case c)
    {
        if (!DecisionFactsService.Applies(c))
            return new MoveCheck(c.Step, CaseSteps.Decided, [], [UnmetCondition.Of("decision.not_general") with { Field = "caseId" }]);
        if (await db.Set<Decision>().AnyAsync(d => d.CaseId == c.Id))
            return new MoveCheck(c.Step, CaseSteps.Decided, [], [UnmetCondition.Of("decision.already_issued") with { Field = "caseId" }]);
        return await steps.CheckAsync(c, CaseSteps.Decided, CaseActs.IssueDecision);
    }

    /// <summary>Signs and issues: the decision document numbered and the case moved to 决定 in one act; refused, nothing changes.</summary>
    public async Task<Outcome<Decision>> IssueAsync(Case c, IssueInput input)
    {
        var check = await CheckIssueAsync(c);
        if (!check.IsAllowed) return Outcome<Decision>.Refused(check);
        var p = (await proposals.GetAsync(c.Id))!;
        var statements = await db.Set<Statement>().AsNoTracking().Where(s => s.CaseId == c.Id).OrderBy(s => s.Id).ToListAsync();
        var heard = await db.Set<Hearing>().AsNoTracking().AnyAsync(h => h.CaseId == c.Id && h.HeldAt != null);
        var statementText = statements.Count == 0
            ? (heard ? T("decisions.issue.no_statement_heard") : T("decisions.issue.no_statement"))
            : string.Join("\n", statements.Select((s, i) => T("decisions.issue.statement_line", i + 1, (s.Content.Length > 0 ? s.Content : T("decisions.issue.see_written")), NoticeService.AnswerLabel(s.Answer), s.AnswerReason)));
        if (heard) statementText += T("decisions.issue.hearing_held");
        var typeCode = DecisionRules.DecisionDocumentType(p.Outcome)!;
        var role = me.IsInRole(Roles.Head) ? Roles.Head : Roles.DeputyHead;

        await using var tx = await db.Database.BeginTransactionAsync();
        try
        {
            var doc = await documents.GenerateAsync(c, new GenerateInput(typeCode, new Dictionary<string, string?>
            {
                [Placeholder.LegalBasis] = p.LegalBasis,
                [Placeholder.DecisionContent] = NoticeService.ProposedText(p),
                [Placeholder.EvidenceReason] = p.EvidenceReason, [Placeholder.BasisReason] = p.BasisReason, [Placeholder.DiscretionReason] = p.DiscretionReason,
                [Placeholder.StatementsAnswered] = statementText,
            }), issuingDecision: true);
            var decision = new Decision
            {
                CaseId = c.Id, AgencyId = c.AgencyId, DocumentId = doc.Id, TypeCode = typeCode, Number = doc.Number, Outcome = p.Outcome,
                PenaltyKinds = string.Join(',', p.Kinds), FineYuan = p.FineYuan, ConfiscationYuan = p.ConfiscationYuan, ProposalFingerprint = p.Fingerprint(),
                IssuedAt = db.UtcNow, IssuedBy = me.UserName, IssuedByRole = role,
            };
            db.Add(decision);
            await db.SaveChangesAsync();
            var moved = await steps.MoveAsync(c, new StepMoveInput(CaseSteps.Decided, input.Place, string.IsNullOrWhiteSpace(input.Note) ? T("decisions.issue.step_note", doc.Number) : input.Note),
                CaseActs.IssueDecision);
            if (!moved.Succeeded)
            {
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
                return Outcome<Decision>.Refused(moved.Forbidden, moved.Unmet);
            }
            await tx.CommitAsync();
            return Outcome<Decision>.Done(decision);
        }
        catch
        {
            await tx.RollbackAsync();
            // What the failed act added stays out of this request's later reads.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    // ---- settings ----

    public static SettingsView View(DecisionSettings s) => new(s.AgencyId, s.LargeFineCitizenYuan, s.LargeFineOrganisationYuan, s.LargeConfiscationCitizenYuan,
        s.LargeConfiscationOrganisationYuan, s.DeputyHeadMaySign, s.DiscussionQuorum, s.LeaderOpinionRequired, s.UpdatedAt, s.UpdatedBy);

    public async Task<DecisionSettings> SaveSettingsAsync(int agencyId, SettingsInput input)
    {
        var errors = new ValidationErrors();
        void Amount(string field, decimal? v, string label)
        {
            if (v is null) errors.Add(field, "required", T("decisions.settings.amount_required", label));
            else if (v <= 0 || v > 1_000_000_000m) errors.Add(field, "out_of_range", T("decisions.settings.amount_out_of_range", label));
        }
        Amount("largeFineCitizenYuan", input.LargeFineCitizenYuan, T("decisions.settings.large_fine_citizen"));
        Amount("largeFineOrganisationYuan", input.LargeFineOrganisationYuan, T("decisions.settings.large_fine_organisation"));
        Amount("largeConfiscationCitizenYuan", input.LargeConfiscationCitizenYuan, T("decisions.settings.large_confiscation_citizen"));
        Amount("largeConfiscationOrganisationYuan", input.LargeConfiscationOrganisationYuan, T("decisions.settings.large_confiscation_organisation"));
        errors.AddRange(DiscussionRules.ValidateQuorumSetting(input.DiscussionQuorum).Items);
        errors.ThrowIfAny();
        var s = await db.Set<DecisionSettings>().FirstOrDefaultAsync(x => x.AgencyId == agencyId);
        if (s is null) db.Add(s = new DecisionSettings { AgencyId = agencyId });
        s.LargeFineCitizenYuan = input.LargeFineCitizenYuan!.Value;
        s.LargeFineOrganisationYuan = input.LargeFineOrganisationYuan!.Value;
        s.LargeConfiscationCitizenYuan = input.LargeConfiscationCitizenYuan!.Value;
        s.LargeConfiscationOrganisationYuan = input.LargeConfiscationOrganisationYuan!.Value;
        s.DeputyHeadMaySign = input.DeputyHeadMaySign;
        s.DiscussionQuorum = input.DiscussionQuorum;
        if (input.LeaderOpinionRequired is { } leader) s.LeaderOpinionRequired = leader;
        s.UpdatedAt = db.UtcNow;
        s.UpdatedBy = me.UserName;
        await db.SaveChangesAsync();
        return s;
    }

    // ---- overview ----

    public async Task<DecisionOverview> OverviewAsync(Case c)
    {
        var add = await facts.WorkingDaysAsync();
        var cal = await facts.CalendarAsync();
        string? Note(DateOnly from, DateOnly to) => Zhifa.Domain.Calendar.StatutoryHolidays.Note(cal.YearsWithoutData(from.AddDays(1), to));
        var today = facts.Today;
        var p = await proposals.GetAsync(c.Id);
        var issue = await CheckIssueAsync(c);
        var gate = await legalReview.GateAsync(c);
        var notices = await db.Set<Notice>().AsNoTracking().Where(n => n.CaseId == c.Id).OrderBy(n => n.Id).ToListAsync();
        var statements = await db.Set<Statement>().AsNoTracking().Where(s => s.CaseId == c.Id).OrderBy(s => s.Id).ToListAsync();
        var hearings = await db.Set<Hearing>().AsNoTracking().Where(h => h.CaseId == c.Id).OrderBy(h => h.Id).ToListAsync();
        var recusals = await db.Set<Recusal>().AsNoTracking().Where(r => r.CaseId == c.Id).OrderBy(r => r.Id).ToListAsync();
        var held = await db.Set<CollectiveDiscussion>().AsNoTracking().Include(d => d.Participants).Where(d => d.CaseId == c.Id).OrderBy(d => d.Id).ToListAsync();
        var decision = await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == c.Id);
        var caseOfficers = await cases.OfficerIdsAsync(c.Id);
        var officers = await officerService.OfAgencyAsync(c.AgencyId, activeOnly: false);

        DateOnly? PeriodEnd(Notice n) => n.ServedAt is { } s ? DecisionRules.StatementPeriodEnds(DecisionFactsService.ChinaDay(s), add) : null;
        var deadlines = new List<DecisionDeadline>();
        if (decision is null && notices.LastOrDefault(n => n.ServedAt is not null) is { } served && PeriodEnd(served) is { } end)
        {
            var servedDay = DecisionFactsService.ChinaDay(served.ServedAt!.Value);
            deadlines.Add(new(T("decisions.deadline.statement"), end, true, today > end, T("decisions.deadline.statement_basis"), Note(servedDay, end)));
            if (served.HearingRight)
                deadlines.Add(new(T("decisions.deadline.hearing_request"), end, true, today > end, T("decisions.deadline.hearing_request_basis"), Note(servedDay, end)));
        }
        var hearingViews = hearings.Select(h =>
        {
            DateOnly? serveBy = null;
            if (h.ScheduledAt is { } at && h.NoticeServedAt is null)
            {
                // The latest day the 听证通知书 can still be served: step back until seven working days remain.
                var hearingDay = DecisionFactsService.ChinaDay(at);
                var d = hearingDay.AddDays(-7);
                while (add(d, DecisionRules.HearingNoticeWorkingDays) > hearingDay) d = d.AddDays(-1);
                serveBy = d;
                deadlines.Add(new(T("decisions.deadline.hearing_notice"), d, true, today > d, T("decisions.deadline.hearing_notice_basis"), Note(d, hearingDay)));
            }
            var status = h.WithdrawnAt is not null ? ("Withdrawn", T("decisions.hearing.status.withdrawn")) : h.HeldAt is not null ? ("Held", T("decisions.hearing.status.held"))
                : h.NoticeServedAt is not null ? ("Notified", T("decisions.hearing.status.notified")) : h.ScheduledAt is not null ? ("Scheduled", T("decisions.hearing.status.scheduled")) : ("Requested", T("decisions.hearing.status.requested"));
            return new HearingView(h.Id, h.NoticeId, h.RequestedOn, h.RequestNote, h.ChairOfficerId, h.ChairName, h.ScheduledAt, h.Place, h.NoticeDocumentId,
                h.NoticeServedAt, serveBy, h.HeldAt, h.RecordDocumentId, h.WithdrawnAt, h.WithdrawalNote, status.Item1, status.Item2);
        }).ToList();

        return new DecisionOverview(
            c.Id, c.Step, CaseSteps.Label(c.Step), DecisionFactsService.Applies(c),
            p is null ? null : ProposalService.ToDto(p), p is null ? "" : NoticeService.ProposedText(p),
            new GateView(gate.Required, gate.IsOpen, gate.Reasons, gate.Message), gate.Required,
            notices.Select(n => new NoticeView(n.Id, n.Number, n.DocumentId, n.Outcome.ToString(), DescribeTerms(n), n.HearingRight, n.HearingReasons,
                n.CreatedAt, n.CreatedBy, n.ServedAt, n.ServiceMethod, n.WaivedAt, n.WaiverNote, PeriodEnd(n))).ToList(),
            statements.Select(s => new StatementView(s.Id, s.NoticeId, s.Form.ToString(), s.Form == StatementForm.Oral ? T("decisions.statement.form.oral") : T("decisions.statement.form.written"), s.MadeAt, s.Content,
                s.DocumentId, s.FileSha256 is not null, s.FileName, s.RecordedAt, s.RecordedBy, s.Answer.ToString(), NoticeService.AnswerLabel(s.Answer),
                s.AnswerReason, s.AnsweredAt, s.AnsweredBy)).ToList(),
            hearingViews,
            recusals.Select(r => new RecusalView(r.Id, r.TargetOfficerId, r.TargetName, r.Reason, r.RequestedAt, r.RecordedBy, r.Status.ToString(),
                HearingService.Label(r.Status), r.DecisionReason, r.DecidedAt, r.DecidedBy)).ToList(),
            held.Select(d => new DiscussionView(d.Id, d.Reason, d.HeldAt, d.Place, d.Conclusion, d.DocumentId, d.RecordedAt, d.RecordedBy,
                d.Participants.OrderBy(x => x.Id).Select(x => new ParticipantView(x.UserId, x.Name, x.RoleLabel, x.Attendance.ToString(), DiscussionRules.Label(x.Attendance), x.Opinion)).ToList(),
                d.PresiderName, d.PresiderRole, d.DesignatedByName, d.Designation, d.Quorum, d.LeaderAccounts)).ToList(),
            decision is null ? null : new DecisionView(decision.Id, decision.TypeCode, DocumentService.TypeName(decision.TypeCode), decision.Number, decision.DocumentId,
                decision.Outcome.ToString(), DecisionRules.OutcomeLabel(decision.Outcome), DecisionRules.KindsLabel(DecisionRules.ParseKinds(decision.PenaltyKinds)),
                decision.FineYuan, decision.ConfiscationYuan, decision.IssuedAt, decision.IssuedBy, Roles.Label(decision.IssuedByRole), DecisionRules.Remedies),
            deadlines,
            decision is null ? issue.All : [],
            decision is null && issue.Forbidden.Count == 0,
            await discussions.StaffAsync(c.AgencyId),
            officers.Select(o => new OfficerOption(o.Id, o.Name, caseOfficers.Contains(o.Id))).ToList(),
            await discussions.QuorumAsync(c.AgencyId));
    }

    private static string DescribeTerms(Notice n)
    {
        if (n.Outcome != DecisionOutcome.Penalty) return DecisionRules.OutcomeLabel(n.Outcome);
        var parts = new List<string> { DecisionRules.KindsLabel(n.Kinds) };
        if (n.FineYuan is { } f) parts.Add(T("decisions.terms.fine", DecisionRules.Yuan(f)));
        if (n.ConfiscationYuan is { } x and > 0) parts.Add(T("decisions.terms.confiscation", DecisionRules.Yuan(x)));
        return string.Join("，", parts);
    }
}
