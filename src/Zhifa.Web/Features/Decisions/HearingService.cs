using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

/// <summary>The party's request for a hearing; the date is the day it reached the agency (China date).</summary>
public sealed record HearingRequestInput(DateOnly? RequestedOn, string? Note);

/// <summary>The chair (an officer of the agency who did not investigate the case), the time and the place; times without a zone are China Standard Time.</summary>
public sealed record HearingScheduleInput(int? ChairOfficerId, DateTime? ScheduledAt, string? Place);

/// <summary>The hearing as held, written down as the 听证笔录.</summary>
public sealed record HearingRecordInput(DateTime? HeldAt, string? Content);

public sealed record WithdrawalInput(string? Note);

/// <summary>A recusal request: the officer (or another person, by name) the party wants to step aside, and why.</summary>
public sealed record RecusalInput(int? TargetOfficerId, string? TargetName, string? Reason, DateTime? RequestedAt);

public sealed record RecusalDecisionInput(bool Granted, string? Reason);

/// <summary>LAW-6 and LAW-3: hearing request, 听证通知书 and its service, chair, recusals, and the 听证笔录.</summary>
public sealed class HearingService(AppDbContext db, CurrentUser me, DocumentService documents, DecisionFactsService facts,
    Cases.CaseService cases, Officers.OfficerService officerService)
{
    public static bool MayDecideRecusal(CurrentUser user) => user.IsInRole(Roles.Head);

    private static void RequireSteps(Case c)
    {
        if (!DecisionFactsService.Applies(c))
            throw new DomainValidationException("caseId", "decision.not_general", T("decisions.hearing.not_general"));
        if (c.Step is not (CaseSteps.Notice or CaseSteps.Statement))
            throw new DomainValidationException("caseId", "step.wrong", T("decisions.hearing.wrong_step", CaseSteps.Label(c.Step)));
    }

    /// <summary>The hearing in progress (not withdrawn), or the last one.</summary>
    public async Task<Hearing?> CurrentAsync(int caseId)
        => await db.Set<Hearing>().Where(h => h.CaseId == caseId).OrderBy(h => h.WithdrawnAt != null).ThenByDescending(h => h.Id).FirstOrDefaultAsync();

    public async Task<Hearing> RequestAsync(Case c, HearingRequestInput input)
    {
        RequireSteps(c);
        var (_, served) = await facts.NoticesAsync(c.Id);
        var add = await facts.WorkingDaysAsync();
        var errors = DecisionRules.ValidateHearingRequest(served?.HearingRight == true, served?.ServedAt is { } s ? DecisionFactsService.ChinaDay(s) : null,
            input.RequestedOn, facts.Today, add).MaxLength("note", input.Note, 2000, T("decisions.hearing.request_note"));
        if (served is not null && await db.Set<Hearing>().AnyAsync(h => h.NoticeId == served.Id && h.WithdrawnAt == null))
            errors.Add("requestedOn", "hearing.already_requested", T("hearing.already_requested"));
        if (served?.WaivedAt is not null) errors.Add("requestedOn", "notice.waived", T("decisions.hearing.notice_waived"));
        errors.ThrowIfAny();
        var h = new Hearing
        {
            CaseId = c.Id, AgencyId = c.AgencyId, NoticeId = served!.Id, RequestedOn = input.RequestedOn!.Value, RequestNote = input.Note?.Trim() ?? "",
            RecordedAt = db.UtcNow, RecordedBy = me.UserName,
        };
        db.Add(h);
        await db.SaveChangesAsync();
        return h;
    }

    private async Task<List<int>> RecusedOfficersAsync(int caseId)
        => await db.Set<Recusal>().Where(r => r.CaseId == caseId && r.Status == RecusalStatus.Granted && r.TargetOfficerId != null)
            .Select(r => r.TargetOfficerId!.Value).ToListAsync();

    private async Task<ValidationErrors> ChairErrorsAsync(Case c, int? chairOfficerId)
    {
        var caseOfficers = await cases.OfficerIdsAsync(c.Id);
        var errors = DecisionRules.ValidateChair(chairOfficerId, caseOfficers, await RecusedOfficersAsync(c.Id));
        if (chairOfficerId is { } id && !await officerService.InAgencyAsync(id, c.AgencyId))
            errors.Add("chairOfficerId", "not_found", T("decisions.hearing.chair_not_found"));
        return errors;
    }

    /// <summary>Sets chair, time and place and generates the 听证通知书; its service is recorded next.</summary>
    public async Task ScheduleAsync(Case c, Hearing h, HearingScheduleInput input)
    {
        RequireSteps(c);
        var at = DocumentService.ToUtc(input.ScheduledAt);
        var errors = await ChairErrorsAsync(c, input.ChairOfficerId);
        errors.Required("place", input.Place, T("decisions.hearing.place")).MaxLength("place", input.Place, 200, T("decisions.hearing.place"));
        if (at is not { } when) errors.Add("scheduledAt", "required", T("decisions.hearing.scheduled_at_required"));
        else if (when < db.UtcNow) errors.Add("scheduledAt", "in_past", T("decisions.hearing.scheduled_in_past"));
        if (h.IsSettled) errors.Add("scheduledAt", "hearing.settled", T("hearing.settled"));
        errors.ThrowIfAny();
        var chair = await officerService.NameAsync(input.ChairOfficerId!.Value) ?? throw new InvalidOperationException("chair officer not found");
        var local = Display.ToChina(at!.Value);
        await using var tx = await db.Database.BeginTransactionAsync();
        var doc = await documents.GenerateAsync(c, new GenerateInput("hearing-notice", new Dictionary<string, string?>
        {
            [Placeholder.HearingTime] = DocumentRules.ChineseDate(local) + T("decisions.time_of_day", local),
            [Placeholder.HearingPlace] = input.Place, [Placeholder.HearingChair] = chair,
        }));
        h.ChairOfficerId = input.ChairOfficerId;
        h.ChairName = chair;
        h.ScheduledAt = at;
        h.Place = input.Place!.Trim();
        h.NoticeDocumentId = doc.Id;
        h.NoticeServedAt = null;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    /// <summary>Art. 64 (二): the 听证通知书 reaches the party at least 7 working days before the hearing; later service is refused with the earliest date.</summary>
    public async Task ServeNoticeAsync(Case c, Hearing h, ServiceInput input)
    {
        RequireSteps(c);
        if (h.ScheduledAt is not { } scheduled || h.NoticeDocumentId is null)
            throw new DomainValidationException("noticeServedAt", "hearing.not_scheduled", T("hearing.not_scheduled"));
        var at = DocumentService.ToUtc(input.ServedAt);
        var made = await documents.GeneratedAtAsync(h.NoticeDocumentId.Value);
        var errors = DecisionRules.ValidateService(at, input.ServiceMethod, T("decisions.hearing.notice_document"), made, db.UtcNow, Display.ToChina);
        var servedOn = at is { } a ? DecisionFactsService.ChinaDay(a) : (DateOnly?)null;
        if (!errors.Any)
            errors.AddRange(DecisionRules.ValidateHearingNotice(servedOn, DecisionFactsService.ChinaDay(scheduled), facts.Today, await facts.WorkingDaysAsync()).Items);
        errors.ThrowIfAny();
        h.NoticeServedAt = at;
        await db.SaveChangesAsync();
    }

    /// <summary>The hearing took place: recorded as the 听证笔录 through the case's documents.</summary>
    public async Task RecordAsync(Case c, Hearing h, HearingRecordInput input)
    {
        RequireSteps(c);
        var at = DocumentService.ToUtc(input.HeldAt);
        var errors = new ValidationErrors().Required("content", input.Content, T("decisions.hearing.proceedings")).MaxLength("content", input.Content, DocumentRules.FieldMaxLength, T("decisions.hearing.proceedings"));
        if (h.IsSettled) errors.Add("heldAt", "hearing.settled", T("hearing.settled"));
        if (h.NoticeServedAt is null) errors.Add("heldAt", "hearing.notice_not_served", T("hearing.notice_not_served"));
        if (at is not { } held) errors.Add("heldAt", "required", T("decisions.hearing.held_at_required"));
        else if (h.ScheduledAt is { } s && DecisionFactsService.ChinaDay(held) < DecisionFactsService.ChinaDay(s))
            errors.Add("heldAt", "hearing.before_schedule", T("hearing.before_schedule", DecisionFactsService.ChinaDay(s)));
        else errors.EventMoment("heldAt", T("decisions.hearing.held_at"), Display.ToChina(held), Display.ToChina(db.UtcNow));
        if (await db.Set<Recusal>().AnyAsync(r => r.CaseId == c.Id && r.Status == RecusalStatus.Pending))
            errors.Add("heldAt", "recusal.pending", T("recusal.pending"));
        if (h.ChairOfficerId is not null) errors.AddRange((await ChairErrorsAsync(c, h.ChairOfficerId)).Items);
        errors.ThrowIfAny();
        var local = Display.ToChina(at!.Value);
        await using var tx = await db.Database.BeginTransactionAsync();
        var doc = await documents.GenerateAsync(c, new GenerateInput("hearing-record", new Dictionary<string, string?>
        {
            [Placeholder.Time] = DocumentRules.ChineseDate(local) + T("decisions.time_of_day", local),
            [Placeholder.Place] = h.Place, [Placeholder.Content] = T("decisions.hearing.record_content", h.ChairName, input.Content!.Trim()),
        }));
        h.HeldAt = at;
        h.RecordDocumentId = doc.Id;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    public async Task WithdrawAsync(Case c, Hearing h, WithdrawalInput input)
    {
        RequireSteps(c);
        var errors = new ValidationErrors().Required("note", input.Note, T("decisions.hearing.withdrawal_note")).MaxLength("note", input.Note, 2000, T("decisions.hearing.withdrawal_note"));
        if (h.IsSettled) errors.Add("note", "hearing.settled", T("hearing.settled"));
        errors.ThrowIfAny();
        h.WithdrawnAt = db.UtcNow;
        h.WithdrawalNote = input.Note!.Trim();
        await db.SaveChangesAsync();
    }

    // ---- recusals ----

    public async Task<Recusal?> FindRecusalAsync(int caseId, int recusalId)
        => await db.Set<Recusal>().FirstOrDefaultAsync(r => r.Id == recusalId && r.CaseId == caseId);

    public async Task<Recusal> RequestRecusalAsync(Case c, RecusalInput input)
    {
        if (c.Step is CaseSteps.Closed or CaseSteps.Archived)
            throw new DomainValidationException("caseId", "step.wrong", T("decisions.recusal.case_closed"));
        var at = DocumentService.ToUtc(input.RequestedAt);
        var errors = new ValidationErrors().Required("reason", input.Reason, T("decisions.recusal.reason")).MaxLength("reason", input.Reason, 2000, T("decisions.recusal.reason"))
            .MaxLength("targetName", input.TargetName, 100, T("decisions.recusal.target_name"));
        string name = input.TargetName?.Trim() ?? "";
        if (input.TargetOfficerId is { } oid)
        {
            var officer = await officerService.FindInAgencyAsync(oid, c.AgencyId);
            if (officer is null) errors.Add("targetOfficerId", "not_found", T("decisions.recusal.target_not_found"));
            else name = officer.Name;
        }
        else if (name.Length == 0) errors.Add("targetName", "required", T("decisions.recusal.target_required"));
        if (at is not { } when) errors.Add("requestedAt", "required", T("decisions.recusal.requested_at_required"));
        else if (when > db.UtcNow.AddMinutes(5)) errors.Add("requestedAt", "in_future", T("decisions.recusal.requested_in_future"));
        errors.ThrowIfAny();
        var r = new Recusal
        {
            CaseId = c.Id, AgencyId = c.AgencyId, TargetOfficerId = input.TargetOfficerId, TargetName = name, Reason = input.Reason!.Trim(),
            RequestedAt = at!.Value, RecordedBy = me.UserName, Status = RecusalStatus.Pending,
        };
        db.Add(r);
        await db.SaveChangesAsync();
        return r;
    }

    /// <summary>
    /// The head decides once, with reasons; a granted recusal of the chair means the hearing needs another chair, and of
    /// one of the case's officers takes them off the case, so that another qualified officer must be assigned.
    /// </summary>
    public async Task DecideRecusalAsync(Recusal r, RecusalDecisionInput input)
    {
        var errors = new ValidationErrors().Required("reason", input.Reason, T("decisions.recusal.decision_reason")).MaxLength("reason", input.Reason, 2000, T("decisions.recusal.decision_reason"));
        if (r.Status != RecusalStatus.Pending) errors.Add("granted", "recusal.decided", T("recusal.decided"));
        errors.ThrowIfAny();
        r.Status = input.Granted ? RecusalStatus.Granted : RecusalStatus.Refused;
        r.DecisionReason = input.Reason!.Trim();
        r.DecidedAt = db.UtcNow;
        r.DecidedBy = me.UserName;
        // 行政处罚法第四十三条: a granted recusal takes the officer off the case in the same save; the row stays as history.
        if (r.Status == RecusalStatus.Granted && r.TargetOfficerId is { } officerId)
            await Cases.CaseService.MarkRecusedAsync(db, r.CaseId, officerId, r.DecidedAt.Value);
        await db.SaveChangesAsync();
    }

    public static string Label(RecusalStatus s) => s switch
    {
        RecusalStatus.Granted => T("decisions.recusal.status.granted"),
        RecusalStatus.Refused => T("decisions.recusal.status.refused"),
        _ => T("decisions.recusal.status.pending"),
    };
}
