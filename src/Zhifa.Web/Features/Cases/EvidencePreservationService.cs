using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

public sealed record PreservationInput(string? Items, string? Place, DateOnly? StartedOn);

public sealed record PreservationOutcomeInput(PreservationOutcome? Outcome, string? Note);

/// <summary>A 先行登记保存 with its computed due day; <see cref="Overdue"/> only while it is open.</summary>
public sealed record PreservationView(int Id, int CaseId, string Items, string Place, DateOnly StartedOn, DateOnly DecisionDue, bool Overdue,
    string DueBasis, string RegisteredBy, DateTime RegisteredAt, string Status, string StatusLabel, bool IsOpen, string ApprovedBy,
    DateTime? ApprovedAt, string ApprovalNote, string? Outcome, string? OutcomeLabel, string OutcomeNote, string ResolvedBy,
    DateTime? ResolvedAt, bool ResolvedLate, string? CalendarNote = null)
{
    public bool CalendarEstimated => CalendarNote is not null;
}

/// <summary>LAW-5 art. 56: 先行登记保存 on penalty cases, approved by the head, decided within 7 working days.</summary>
public sealed class EvidencePreservationService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar)
{
    public const string DocumentType = "preservation-notice";

    private DateOnly Today => CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);

    /// <summary>The head of the case's own agency approves; a head of a supervising agency only sees.</summary>
    public bool MayApprove(Case c) => me.IsInRole(Roles.Head) && me.AgencyId == c.AgencyId;

    public async Task<EvidencePreservation?> FindAsync(int preservationId)
    {
        var x = await db.Set<EvidencePreservation>().FirstOrDefaultAsync(e => e.Id == preservationId);
        return x is not null && await me.CanSee(x.AgencyId) ? x : null;
    }

    public async Task<List<PreservationView>> ListAsync(int caseId)
    {
        var rows = await db.Set<EvidencePreservation>().AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.Id).ToListAsync();
        var cal = await calendar.GetAsync();
        return rows.Select(x => View(x, cal)).ToList();
    }

    public async Task<EvidencePreservation> RegisterAsync(Case c, PreservationInput input)
    {
        EvidencePreservation.CheckRegistration(c.Category, c.Procedure, c.Step, Today, input.Items, input.Place, input.StartedOn).ThrowIfAny();
        var x = new EvidencePreservation
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Items = input.Items!.Trim(), Place = input.Place!.Trim(), StartedOn = input.StartedOn!.Value,
            RegisteredByUserId = me.UserId ?? 0, RegisteredBy = me.UserName, RegisteredAt = time.GetUtcNow().UtcDateTime,
            Status = PreservationStatus.Pending,
        };
        db.Add(x);
        await db.SaveChangesAsync();
        return x;
    }

    public async Task ApproveAsync(EvidencePreservation x, HeadDecisionInput input)
    {
        x.Approve(input.Approve, me.UserName, me.UserId ?? 0, input.Note, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task ResolveAsync(EvidencePreservation x, PreservationOutcomeInput input)
    {
        x.Resolve(input.Outcome, input.Note, me.UserName, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task<PreservationView> ViewAsync(EvidencePreservation x) => View(x, await calendar.GetAsync());

    private PreservationView View(EvidencePreservation x, WorkingDayCalendar cal)
    {
        string? note = null;
        var due = CaseDeadlines.PreservationDecisionDue(x.StartedOn, (d, n) =>
        {
            var r = cal.AddWorkingDays(d, n);
            note = r.Note;
            return r.Date;
        });
        var basis = T("cases.deadline.preservation.basis");
        DateOnly? resolvedOn = x.ResolvedAt is { } r ? CaseService.ChinaDay(r) : null;
        return new PreservationView(x.Id, x.CaseId, x.Items, x.Place, x.StartedOn, due, x.IsOpen && Today > due, basis,
            x.RegisteredBy, x.RegisteredAt, x.Status.ToString(), EvidencePreservation.Label(x.Status), x.IsOpen, x.ApprovedBy, x.ApprovedAt,
            x.ApprovalNote, x.Outcome?.ToString(), x.Outcome is { } o ? EvidencePreservation.Label(o) : null, x.OutcomeNote, x.ResolvedBy,
            x.ResolvedAt, EvidencePreservation.ResolvedLate(due, resolvedOn), note);
    }
}
