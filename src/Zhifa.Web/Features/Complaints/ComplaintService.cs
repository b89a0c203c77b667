using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Complaints;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Complaints;

/// <summary>What a member of the public submits; kind is Complaint/Report/Suggestion or 投诉/举报/意见建议. Website is the honeypot.</summary>
public sealed record ComplaintSubmission(int? AgencyId, string? Kind, string? Content, string? Subject, string? ContactName, string? ContactPhone,
    string? Website = null);

public sealed record ComplaintReceipt(string ReceiptNumber, string Agency, DateOnly DueOn, bool ReplyByPhone);

/// <summary>The public status page: status, dates and the reply only — never the content or the contact (SEC-3).</summary>
public sealed record PublicComplaintStatus(string ReceiptNumber, string Agency, string Kind, string Status, string StatusLabel,
    DateTime ReceivedAt, DateOnly DueOn, DateTime? ClosedAt, string Reply, string RejectionReason);

public sealed record ComplaintRow(int Id, string ReceiptNumber, int AgencyId, string Agency, string Kind, string Status, string StatusLabel,
    DateTime ReceivedAt, DateOnly DueOn, bool Overdue, string Unit, string Officer, int? CaseId, string? CaseNumber = null);

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
public sealed class ComplaintService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar, CaseService cases)
{
    public const string ContactViewedAction = "complaint.contact-viewed";

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private DateOnly Today => CaseService.ChinaDay(Now);

    public async Task<List<(int Id, string Name)>> AgenciesAsync()
        => (await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync()).Select(a => (a.Id, a.Name)).ToList();

    public async Task<ComplaintReceipt> SubmitAsync(ComplaintSubmission input)
    {
        var agency = input.AgencyId is { } id ? await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) : null;
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
        return new ComplaintReceipt(c.ReceiptNumber, agency.Name, await DueOnAsync(c), c.ContactPhone.Length > 0);
    }

    private async Task<DateOnly> DueOnAsync(Complaint c)
        => Complaint.DueOn(await calendar.GetAsync(), CaseService.ChinaDay(c.ReceivedAt), (await PolicyAsync(c.AgencyId)).HandlingWorkingDays);

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
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == c.AgencyId).Select(a => a.Name).FirstAsync();
        return new PublicComplaintStatus(c.ReceiptNumber, agency, Complaint.Label(c.Kind), c.Status.ToString(), Complaint.Label(c.Status),
            c.ReceivedAt, await DueOnAsync(c), c.ClosedAt, c.Status == ComplaintStatus.Replied ? c.Reply : "",
            c.Status == ComplaintStatus.Rejected ? c.RejectionReason : "");
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
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var unitIds = list.Where(c => c.UnitId != null).Select(c => c.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var officerIds = list.Where(c => c.OfficerId != null).Select(c => c.OfficerId!.Value).Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var caseIds = list.Where(c => c.CaseId != null).Select(c => c.CaseId!.Value).Distinct().ToList();
        var caseNumbers = await db.Cases.AsNoTracking().Where(k => caseIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Number);
        var limits = await db.Set<ComplaintPolicy>().AsNoTracking().Where(p => agencyIds.Contains(p.AgencyId))
            .ToDictionaryAsync(p => p.AgencyId, p => p.HandlingWorkingDays);
        return list.Select(c =>
        {
            var due = Complaint.DueOn(cal, CaseService.ChinaDay(c.ReceivedAt), limits.GetValueOrDefault(c.AgencyId, Complaint.DefaultHandlingWorkingDays));
            return new ComplaintRow(c.Id, c.ReceiptNumber, c.AgencyId, agencies.GetValueOrDefault(c.AgencyId, ""), Complaint.Label(c.Kind),
                c.Status.ToString(), Complaint.Label(c.Status), c.ReceivedAt, due, Complaint.IsOverdue(c.Status, due, Today),
                c.UnitId is { } u ? units.GetValueOrDefault(u, "") : "", c.OfficerId is { } o ? officers.GetValueOrDefault(o, "") : "", c.CaseId,
                c.CaseId is { } k ? caseNumbers.GetValueOrDefault(k) : null);
        }).ToList();
    }

    /// <summary>Staff of the complaint's own agency see the contact; a supervising agency does not (SEC-3).</summary>
    public bool MaySeeContact(Complaint c) => me.AgencyId == c.AgencyId;

    /// <summary>Whether the user's role opens cases at all (立案 from a complaint).</summary>
    public bool MayOpenCases => cases.MayOpenCases;

    /// <summary>The agency's own staff handle its complaints; a supervising agency only looks.</summary>
    public bool MayHandle(Complaint c) => me.AgencyId == c.AgencyId;

    /// <summary>The full complaint; showing the contact is audited as a read of personal data.</summary>
    public async Task<ComplaintDetail> DetailAsync(Complaint c)
    {
        var row = (await RowsAsync([c]))[0];
        bool show = MaySeeContact(c) && !c.Anonymous;
        if (show)
        {
            db.AddAuditEvent(ContactViewedAction, nameof(Complaint), c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.AgencyId,
                $"查看投诉举报人联系方式：{c.ReceiptNumber}");
            await db.SaveChangesAsync();
        }
        return new ComplaintDetail(row, c.Content, c.Subject, c.Notes, c.Reply, c.RepliedAt, c.RejectionReason, c.Anonymous, show,
            show ? c.ContactName : null, show ? c.ContactPhone : null);
    }

    public async Task AcceptAsync(Complaint c)
    {
        c.Accept();
        await db.SaveChangesAsync();
    }

    public async Task AssignAsync(Complaint c, AssignInput input)
    {
        if (input.UnitId is { } u && !await db.Units.AnyAsync(x => x.Id == u && x.AgencyId == c.AgencyId))
            throw new DomainValidationException("unitId", "unknown", "所选科室不属于本执法主体");
        if (input.OfficerId is { } o && !await db.Officers.AnyAsync(x => x.Id == o && x.AgencyId == c.AgencyId))
            throw new DomainValidationException("officerId", "unknown", "所选承办人不属于本执法主体");
        c.Assign(input.UnitId, input.OfficerId);
        await db.SaveChangesAsync();
    }

    public async Task NoteAsync(Complaint c, NoteInput input)
    {
        c.AddNote(input.Note, me.DisplayName, Display.ToChina(Now));
        if (c.Status is ComplaintStatus.Pending or ComplaintStatus.Accepted) c.Status = ComplaintStatus.Handling;
        await db.SaveChangesAsync();
    }

    public async Task ReplyAsync(Complaint c, ReplyInput input)
    {
        c.ReplyWith(input.Reply, Now);
        await db.SaveChangesAsync();
    }

    public async Task RejectAsync(Complaint c, RejectInput input)
    {
        c.Reject(input.Reason, Now);
        await db.SaveChangesAsync();
    }

    /// <summary>Records the case the complaint led to; the case must belong to the same agency.</summary>
    public async Task LinkCaseAsync(Complaint c, LinkCaseInput input)
    {
        if (input.CaseId is not { } id) throw new DomainValidationException("caseId", "required", "请填写立案的案件编号（ID）");
        var k = await cases.FindVisibleAsync(id);
        if (k is null || k.AgencyId != c.AgencyId) throw new DomainValidationException("caseId", "unknown", "未找到本执法主体的该案件");
        c.OpenedCase(k.Id, Now);
        await db.SaveChangesAsync();
    }

    /// <summary>The case form's starting point: the subject as 案由, the content as facts, headed by where they came from.</summary>
    public static ComplaintCaseDraft CaseDraft(Complaint c)
    {
        var source = $"案件来源：公众{Complaint.Label(c.Kind)}（受理回执号 {c.ReceiptNumber}，{Display.Date(c.ReceivedAt)} 收到）";
        var title = c.Subject.Length > 0 ? c.Subject : $"{Complaint.Label(c.Kind)}线索 {c.ReceiptNumber}";
        return new ComplaintCaseDraft(c.Id, c.AgencyId, c.ReceiptNumber, title, source + "\n" + c.Content);
    }

    /// <summary>
    /// Opens a case from a complaint (SUP-4 → REC-1): the complaint must be this agency's and still open; it is linked
    /// to the case and becomes 已转立案 in the transaction that opens the case, so neither happens without the other.
    /// The caller has checked that the user may open cases for <paramref name="agencyId"/>.
    /// </summary>
    public async Task<Domain.Cases.Case> OpenCaseAsync(int agencyId, CaseOpenInput input)
    {
        var id = input.ComplaintId ?? throw new DomainValidationException("complaintId", "required", "请指定投诉举报");
        var found = await FindVisibleAsync(id);
        if (found is null || found.AgencyId != agencyId)
            throw new DomainValidationException("complaintId", "unknown", "未找到本执法主体的该投诉举报");
        if (!MayHandle(found)) throw new DomainValidationException("complaintId", "not_allowed", "只有本机关人员可以由投诉举报立案");
        CheckStillOpen(found);
        // The copy read inside the transaction must come from the database, not from the tracker.
        db.Entry(found).State = EntityState.Detached;
        return await cases.OpenAsync(agencyId, input, async k =>
        {
            // Read again inside the transaction (locked on PostgreSQL) so that two openings from one complaint cannot both succeed.
            var c = !db.Database.IsSqlite()
                ? await db.Set<Complaint>().FromSqlRaw("SELECT * FROM \"Complaints\" WHERE \"Id\" = {0} FOR UPDATE", id).SingleAsync()
                : await db.Set<Complaint>().SingleAsync(x => x.Id == id);
            CheckStillOpen(c);
            c.OpenedCase(k.Id, Now);
            c.AddNote($"立案，案号 {k.Number}", me.DisplayName, Display.ToChina(Now));
            await db.SaveChangesAsync();
        });
    }

    private static void CheckStillOpen(Complaint c)
    {
        if (!Complaint.CanMove(c.Status, ComplaintStatus.CaseOpened))
            throw new DomainValidationException("complaintId", "closed", $"该投诉举报当前状态为“{Complaint.Label(c.Status)}”，不能再由其立案");
    }

    public async Task<List<(int Id, string Name)>> UnitsAsync(int agencyId)
        => (await db.Units.AsNoTracking().Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync())
            .Select(u => (u.Id, u.Name)).ToList();

    public async Task<List<(int Id, string Name)>> OfficersAsync(int agencyId)
        => (await db.Officers.AsNoTracking().Where(o => o.AgencyId == agencyId).OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();

    /// <summary>The status of each complaint an agency received between two instants (for the annual report).</summary>
    public async Task<List<ComplaintStatus>> StatusesReceivedAsync(int agencyId, DateTime start, DateTime end)
        => await db.Set<Complaint>().AsNoTracking().Where(c => c.AgencyId == agencyId && c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => c.Status).ToListAsync();
}
