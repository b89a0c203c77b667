using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Complaints;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Officers;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Complaints;

/// <summary>What a member of the public submits; kind is Complaint/Report/Suggestion or 投诉/举报/意见建议. Website is the honeypot.</summary>
public sealed record ComplaintSubmission(int? AgencyId, string? Kind, string? Content, string? Subject, string? ContactName, string? ContactPhone,
    string? Website = null);

public sealed record ComplaintReceipt(string ReceiptNumber, string Agency, DateOnly DueOn, bool ReplyByPhone, string? CalendarNote = null);

/// <summary>The public status page: status, dates and the reply only — never the content or the contact (SEC-3).</summary>
public sealed record PublicComplaintStatus(string ReceiptNumber, string Agency, string Kind, string Status, string StatusLabel,
    DateTime ReceivedAt, DateOnly DueOn, DateTime? ClosedAt, string Reply, string RejectionReason, string? CalendarNote = null);

public sealed record ComplaintRow(int Id, string ReceiptNumber, int AgencyId, string Agency, string Kind, string Status, string StatusLabel,
    DateTime ReceivedAt, DateOnly DueOn, bool Overdue, string Unit, string Officer, int? CaseId, string? CaseNumber = null, string? CalendarNote = null);

public sealed record ComplaintDetail(ComplaintRow Row, string Content, string Subject, string Notes, string Reply, DateTime? RepliedAt,
    string RejectionReason, bool Anonymous, bool ContactShown, string? ContactName, string? ContactPhone);

public sealed record AssignInput(int? UnitId, int? OfficerId);
public sealed record NoteInput(string? Note);
public sealed record ReplyInput(string? Reply);
public sealed record RejectInput(string? Reason);
public sealed record LinkCaseInput(int? CaseId);
public sealed record ComplaintPolicyInput(int? HandlingWorkingDays);
/// <summary>What the case form starts from when a case is opened from a complaint: its agency, 案由 and facts with their source.</summary>
public sealed record ComplaintCaseDraft(int ComplaintId, int AgencyId, string ReceiptNumber, string Title, string Facts);
public sealed record ComplaintPolicyView(int AgencyId, int HandlingWorkingDays, bool IsDefault);

/// <summary>SUP-4: public intake of complaints and reports, and their handling by the agency's staff.</summary>
public sealed class ComplaintService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar, CaseService cases,
    AgencyService agencies, OfficerService officers)
{
    public const string ContactViewedAction = "complaint.contact-viewed";

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private DateOnly Today => CaseService.ChinaDay(Now);

    public Task<List<(int Id, string Name)>> AgenciesAsync() => agencies.AllNamesAsync();

    public async Task<ComplaintReceipt> SubmitAsync(ComplaintSubmission input)
    {
        var agency = input.AgencyId is { } id && (await agencies.NamesAsync([id])).TryGetValue(id, out var name) ? new { Id = id, Name = name } : null;
        Complaint.ValidateSubmission(input.AgencyId, agency is not null, input.Kind, input.Content, input.Subject, input.ContactName,
            input.ContactPhone, input.Website).ThrowIfAny();
        Complaint.TryParseKind(input.Kind, out var kind);
        var c = new Complaint
        {
            AgencyId = agency!.Id, ReceiptNumber = Complaint.NewReceiptNumber(Today), Kind = kind, Content = input.Content!.Trim(),
            Subject = input.Subject?.Trim() ?? "", ContactName = input.ContactName?.Trim() ?? "", ContactPhone = input.ContactPhone?.Trim() ?? "",
            ReceivedAt = Now, Status = ComplaintStatus.Pending,
        };
        db.Add(c);
        await db.SaveChangesAsync();
        var (due, note) = await DueAsync(c);
        return new ComplaintReceipt(c.ReceiptNumber, agency.Name, due, c.ContactPhone.Length > 0, note);
    }

    /// <summary>The handling deadline, and what it says when it counted through a year whose holiday notice is not loaded.</summary>
    private async Task<(DateOnly Due, string? Note)> DueAsync(Complaint c)
    {
        var cal = await calendar.GetAsync();
        var received = CaseService.ChinaDay(c.ReceivedAt);
        var due = Complaint.DueOn(cal, received, (await PolicyAsync(c.AgencyId)).HandlingWorkingDays);
        return (due, cal.NoteBetween(received, due));
    }

    public async Task<ComplaintPolicyView> PolicyAsync(int agencyId)
    {
        var p = await db.Set<ComplaintPolicy>().AsNoTracking().FirstOrDefaultAsync(x => x.AgencyId == agencyId);
        return new ComplaintPolicyView(agencyId, p?.HandlingWorkingDays ?? Complaint.DefaultHandlingWorkingDays, p is null);
    }

    /// <summary>Sets the agency's 办理期限; due dates of open complaints follow, as they are computed, not stored.</summary>
    public async Task<ComplaintPolicyView> SetPolicyAsync(int agencyId, ComplaintPolicyInput input)
    {
        ComplaintPolicy.Validate(input.HandlingWorkingDays).ThrowIfAny();
        var p = await db.Set<ComplaintPolicy>().FirstOrDefaultAsync(x => x.AgencyId == agencyId);
        if (p is null) db.Add(p = new ComplaintPolicy { AgencyId = agencyId });
        p.HandlingWorkingDays = input.HandlingWorkingDays!.Value;
        await db.SaveChangesAsync();
        return new ComplaintPolicyView(agencyId, p.HandlingWorkingDays, false);
    }

    public async Task<PublicComplaintStatus?> PublicStatusAsync(string receipt)
    {
        if (!Complaint.IsReceiptNumber(receipt)) return null;
        var c = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(x => x.ReceiptNumber == receipt);
        if (c is null) return null;
        var agency = (await agencies.NamesAsync([c.AgencyId]))[c.AgencyId];
        var (due, note) = await DueAsync(c);
        return new PublicComplaintStatus(c.ReceiptNumber, agency, Complaint.Label(c.Kind), c.Status.ToString(), Complaint.Label(c.Status),
            c.ReceivedAt, due, c.ClosedAt, c.Status == ComplaintStatus.Replied ? c.Reply : "",
            c.Status == ComplaintStatus.Rejected ? c.RejectionReason : "", note);
    }

    public async Task<Complaint?> FindVisibleAsync(int complaintId)
    {
        var c = await db.Set<Complaint>().FirstOrDefaultAsync(x => x.Id == complaintId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    /// <summary>The visible agencies' complaints, newest first; <paramref name="overdueOnly"/> keeps the open ones past their due date.</summary>
    public async Task<List<ComplaintRow>> ListAsync(int? agencyId, string? status, bool overdueOnly)
    {
        var q = await db.Set<Complaint>().AsNoTracking().InScopeAsync(me, c => c.AgencyId);
        if (agencyId is { } a) q = q.Where(c => c.AgencyId == a);
        if (Enum.TryParse<ComplaintStatus>(status, true, out var s)) q = q.Where(c => c.Status == s);
        var list = await q.OrderByDescending(c => c.Id).Take(1000).ToListAsync();
        var rows = await RowsAsync(list);
        return overdueOnly ? rows.Where(r => r.Overdue).ToList() : rows;
    }

    private async Task<List<ComplaintRow>> RowsAsync(List<Complaint> list)
    {
        var cal = await calendar.GetAsync();
        var agencyIds = list.Select(c => c.AgencyId).Distinct().ToList();
        var agencyNames = await agencies.NamesAsync(agencyIds);
        var unitIds = list.Where(c => c.UnitId != null).Select(c => c.UnitId!.Value).Distinct().ToList();
        var units = await agencies.UnitNamesByIdAsync(unitIds);
        var officerIds = list.Where(c => c.OfficerId != null).Select(c => c.OfficerId!.Value).Distinct().ToList();
        var officerNames = await officers.OfficerNamesAsync(officerIds);
        var caseIds = list.Where(c => c.CaseId != null).Select(c => c.CaseId!.Value).Distinct().ToList();
        var caseNumbers = await cases.NumbersAsync(caseIds);
        var limits = await db.Set<ComplaintPolicy>().AsNoTracking().Where(p => agencyIds.Contains(p.AgencyId))
            .ToDictionaryAsync(p => p.AgencyId, p => p.HandlingWorkingDays);
        return list.Select(c =>
        {
            var received = CaseService.ChinaDay(c.ReceivedAt);
            var due = Complaint.DueOn(cal, received, limits.GetValueOrDefault(c.AgencyId, Complaint.DefaultHandlingWorkingDays));
            return new ComplaintRow(c.Id, c.ReceiptNumber, c.AgencyId, agencyNames.GetValueOrDefault(c.AgencyId, ""), Complaint.Label(c.Kind),
                c.Status.ToString(), Complaint.Label(c.Status), c.ReceivedAt, due, Complaint.IsOverdue(c.Status, due, Today),
                c.UnitId is { } u ? units.GetValueOrDefault(u, "") : "", c.OfficerId is { } o ? officerNames.GetValueOrDefault(o, "") : "", c.CaseId,
                c.CaseId is { } k ? caseNumbers.GetValueOrDefault(k) : null, cal.NoteBetween(received, due));
        }).ToList();
    }

    /// <summary>Staff of the complaint's own agency see the contact; a supervising agency does not (SEC-3).</summary>
    private bool ContactVisible(Complaint c) => me.AgencyId == c.AgencyId;

    /// <summary>Whether the user's role opens cases at all (立案 from a complaint).</summary>
    public bool OpensCases => cases.MayOpenCases;

    /// <summary>The full complaint; showing the contact is audited as a read of personal data.</summary>
    public async Task<ComplaintDetail> DetailAsync(Complaint c)
    {
        var row = (await RowsAsync([c]))[0];
        bool show = ContactVisible(c) && !c.Anonymous;
        if (show)
        {
            db.AddAuditEvent(ContactViewedAction, nameof(Complaint), c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.AgencyId,
                T("complaints.audit.contact_viewed", c.ReceiptNumber));
            await db.SaveChangesAsync();
        }
        return new ComplaintDetail(row, c.Content, c.Subject, c.Notes, c.Reply, c.RepliedAt, c.RejectionReason, c.Anonymous, show,
            show ? c.ContactName : null, show ? c.ContactPhone : null);
    }

    /// <summary>
    /// The facts of <paramref name="act"/> on the complaint: the complaint, and the text, unit, officer or case the act
    /// brings (with whether they belong to the complaint's agency).
    /// </summary>
    public async Task<ComplaintFacts> FactsAsync(Complaint c, string? text = null, int? unitId = null, int? officerId = null, int? caseId = null)
    {
        var k = caseId is { } id ? await cases.FindVisibleAsync(id) : null;
        return new ComplaintFacts
        {
            AgencyId = c.AgencyId, Status = c.Status, Text = text?.Trim() ?? "",
            UnitId = unitId, UnitOfAgency = unitId is { } u && await agencies.HasUnitAsync(c.AgencyId, u),
            OfficerId = officerId, OfficerOfAgency = officerId is { } o && await officers.BelongsAsync(o, c.AgencyId),
            CaseId = caseId, CaseOfAgency = k is not null && k.AgencyId == c.AgencyId,
        };
    }

    /// <summary>Every act the table has from the complaint's status, with what the signed-in account may not do and what still blocks it.</summary>
    public async Task<IReadOnlyDictionary<string, MoveCheck>> ActsAsync(Complaint c)
    {
        var actor = await me.ActorAsync();
        var facts = await FactsAsync(c);
        return ComplaintLifecycle.Table.ActsFrom(c.Status.ToString()).ToDictionary(a => a, a => ComplaintLifecycle.Check(a, facts, actor));
    }

    public Task<Outcome<Complaint>> AcceptAsync(Complaint c) => MakeAsync(c, ComplaintActs.Accept, "", _ => { });

    public Task<Outcome<Complaint>> AssignAsync(Complaint c, AssignInput input) => MakeAsync(c, ComplaintActs.Assign, "", x =>
    {
        x.UnitId = input.UnitId;
        x.OfficerId = input.OfficerId;
    }, unitId: input.UnitId, officerId: input.OfficerId);

    public Task<Outcome<Complaint>> NoteAsync(Complaint c, NoteInput input)
        => MakeAsync(c, ComplaintActs.Note, input.Note, x => x.AddNote(input.Note!.Trim(), me.DisplayName, Display.ToChina(Now)));

    public Task<Outcome<Complaint>> ReplyAsync(Complaint c, ReplyInput input) => MakeAsync(c, ComplaintActs.Reply, input.Reply, x =>
    {
        x.Reply = input.Reply!.Trim();
        x.RepliedAt = Now;
        x.ClosedAt = Now;
    });

    public Task<Outcome<Complaint>> RejectAsync(Complaint c, RejectInput input) => MakeAsync(c, ComplaintActs.Reject, input.Reason, x =>
    {
        x.RejectionReason = input.Reason!.Trim();
        x.ClosedAt = Now;
    });

    /// <summary>Records the case the complaint led to; the case must be one of the same agency's.</summary>
    public Task<Outcome<Complaint>> LinkCaseAsync(Complaint c, LinkCaseInput input) => MakeAsync(c, ComplaintActs.LinkCase, "", x =>
    {
        x.CaseId = input.CaseId;
        x.ClosedAt = Now;
    }, caseId: input.CaseId);

    /// <summary>
    /// Makes <paramref name="act"/> when the table allows it for the signed-in account: a text too long is bad input
    /// (400); otherwise, refused, nothing changes and every reason is returned.
    /// </summary>
    private async Task<Outcome<Complaint>> MakeAsync(Complaint c, string act, string? text, Action<Complaint> change,
        int? unitId = null, int? officerId = null, int? caseId = null)
    {
        if (act is ComplaintActs.Note or ComplaintActs.Reply or ComplaintActs.Reject)
            new ValidationErrors().MaxLength(act == ComplaintActs.Reject ? "reason" : act, text?.Trim(), Complaint.TextMaxLength(act), ComplaintFieldLabel(act)).ThrowIfAny();
        var check = ComplaintLifecycle.Check(act, await FactsAsync(c, text, unitId, officerId, caseId), await me.ActorAsync());
        if (!check.IsAllowed) return Outcome<Complaint>.Refused(check);
        change(c);
        c.Status = ComplaintLifecycle.To(check);
        await db.SaveChangesAsync();
        return Outcome<Complaint>.Done(c);
    }

    private static string ComplaintFieldLabel(string act) => act switch
    {
        ComplaintActs.Note => Messages.Get("complaints.field.note"),
        ComplaintActs.Reply => Messages.Get("complaints.field.reply"),
        _ => Messages.Get("complaints.field.reason"),
    };

    /// <summary>The case form's starting point: the subject as 案由, the content as facts, headed by where they came from.</summary>
    public static ComplaintCaseDraft CaseDraft(Complaint c)
    {
        var source = T("complaints.case_draft.source", Complaint.Label(c.Kind), c.ReceiptNumber, Display.Date(c.ReceivedAt));
        var title = c.Subject.Length > 0 ? c.Subject : T("complaints.case_draft.title", Complaint.Label(c.Kind), c.ReceiptNumber);
        return new ComplaintCaseDraft(c.Id, c.AgencyId, c.ReceiptNumber, title, source + "\n" + c.Content);
    }

    /// <summary>
    /// Links a case just opened from a complaint (SUP-4 → REC-1), in the transaction that opens it (the case's
    /// <c>CaseOpened</c> event): the complaint must be this agency's, handled by its staff and still open; it becomes
    /// 已转立案, so neither happens without the other. A refusal is a 400 naming complaintId, as the case form expects.
    /// </summary>
    public async Task LinkOpenedCaseAsync(Domain.Cases.Case k, int complaintId)
    {
        var found = await FindVisibleAsync(complaintId);
        if (found is null || found.AgencyId != k.AgencyId)
            throw new DomainValidationException("complaintId", "unknown", T("complaints.open_case.unknown"));
        if (found.CaseId == k.Id) return;
        var check = ComplaintLifecycle.Check(ComplaintActs.LinkCase, await FactsAsync(found), await me.ActorAsync());
        if (check.Forbidden.Count > 0) throw new DomainValidationException("complaintId", "not_allowed", T("complaints.open_case.not_allowed"));
        CheckStillOpen(found);
        // The copy read again must come from the database, not from the tracker.
        db.Entry(found).State = EntityState.Detached;
        // Read again (locked on PostgreSQL) so that two openings from one complaint cannot both succeed.
        var c = !db.Database.IsSqlite()
            ? await db.Set<Complaint>().FromSqlRaw("SELECT * FROM \"Complaints\" WHERE \"Id\" = {0} FOR UPDATE", complaintId).SingleAsync()
            : await db.Set<Complaint>().SingleAsync(x => x.Id == complaintId);
        CheckStillOpen(c);
        c.Status = ComplaintStatus.CaseOpened;
        c.CaseId = k.Id;
        c.ClosedAt = Now;
        c.AddNote(T("complaints.open_case.note", k.Number), me.DisplayName, Display.ToChina(Now));
        await db.SaveChangesAsync();
    }

    private static void CheckStillOpen(Complaint c)
    {
        if (ComplaintLifecycle.Table.Find(c.Status.ToString(), ComplaintActs.LinkCase) is null)
            throw new DomainValidationException("complaintId", "closed", T("complaints.open_case.closed", Complaint.Label(c.Status)));
    }

    public Task<List<(int Id, string Name)>> UnitsAsync(int agencyId) => agencies.UnitNamesOfAsync(agencyId);

    public Task<List<(int Id, string Name)>> OfficersAsync(int agencyId) => officers.NamesOfAsync(agencyId);

    /// <summary>The status of each complaint an agency received between two instants (for the annual report).</summary>
    public async Task<List<ComplaintStatus>> StatusesReceivedAsync(int agencyId, DateTime start, DateTime end)
        => await db.Set<Complaint>().AsNoTracking().Where(c => c.AgencyId == agencyId && c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => c.Status).ToListAsync();
}
