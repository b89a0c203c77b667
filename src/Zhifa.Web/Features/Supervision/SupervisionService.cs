using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Supervision;

public sealed record ViolationRow(string Kind, string KindLabel, int? CaseId, string CaseNumber, int? RecordId, string Unit, string Officer,
    DateTime At, string Detail);

public sealed record ViolationCount(string Unit, string Officer, string KindLabel, int Count);

/// <summary>
/// REC-12: what went wrong in the full-process recording, for supervisors and heads — missing mandatory records, late
/// registrations, unexplained interruptions, capture times that disagree with the record, and refused attempts to read
/// records.
/// </summary>
public sealed class SupervisionService(AppDbContext db, CurrentUser me)
{
    public const string AccessRefusedAction = "record.access-refused";

    public static bool MayView(CurrentUser user) => user.IsAdministrator
        || user.IsInRole(Domain.Accounts.Roles.Supervisor) || user.IsInRole(Domain.Accounts.Roles.Head) || user.IsInRole(Domain.Accounts.Roles.DeputyHead);

    public async Task<List<ViolationRow>> ViolationsAsync(int? agencyId)
    {
        var visible = await me.VisibleAgencyIdsAsync();
        var records = db.Set<Record>().AsNoTracking();
        if (visible is not null) records = records.Where(r => visible.Contains(r.AgencyId));
        if (agencyId is { } a) records = records.Where(r => r.AgencyId == a);

        var flagged = await (from r in records
                             where (r.Late && !r.LateApprovedInAdvance) || (r.Interruptions != "" && r.InterruptionExplanation == "") || r.MetadataWarning != ""
                             join c in db.Cases on r.CaseId equals c.Id
                             join u in db.Units on c.UnitId equals u.Id into units
                             from u in units.DefaultIfEmpty()
                             join o in db.Officers on r.CollectorOfficerId equals o.Id into officers
                             from o in officers.DefaultIfEmpty()
                             orderby r.Id descending
                             select new { r, c.Number, Unit = u == null ? "" : u.Name, Officer = o == null ? "" : o.Name })
            .Take(2000).ToListAsync();

        var rows = new List<ViolationRow>();
        foreach (var x in flagged)
        {
            if (x.r.Late && !x.r.LateApprovedInAdvance)
                rows.Add(new("late", UiText.T("supervision.kind.late"), x.r.CaseId, x.Number, x.r.Id, x.Unit, x.Officer, x.r.RegisteredAt, UiText.T("supervision.late.detail", RecordRules.RegistrationWorkingDays)));
            if (RecordRules.HasUnexplainedInterruption(x.r.Interruptions, x.r.InterruptionExplanation))
                rows.Add(new("interruption", UiText.T("supervision.kind.interruption"), x.r.CaseId, x.Number, x.r.Id, x.Unit, x.Officer, x.r.RegisteredAt, x.r.Interruptions));
            if (x.r.MetadataWarning.Length > 0)
                rows.Add(new("metadata", UiText.T("supervision.kind.metadata"), x.r.CaseId, x.Number, x.r.Id, x.Unit, x.Officer, x.r.RegisteredAt, x.r.MetadataWarning));
        }

        rows.AddRange(await MissingMandatoryRecordsAsync(visible, agencyId));

        var audit = db.AuditEntries.AsNoTracking().Where(e => e.Action == AccessRefusedAction);
        if (visible is not null) audit = audit.Where(e => e.AgencyId != null && visible.Contains(e.AgencyId.Value));
        if (agencyId is { } ag) audit = audit.Where(e => e.AgencyId == ag);
        foreach (var e in await audit.OrderByDescending(e => e.Sequence).Take(500).ToListAsync())
            rows.Add(new("access-refused", UiText.T("supervision.kind.access_refused"), null, "", int.TryParse(e.SubjectId, out var rid) ? rid : null, "", e.Actor, e.Time, e.Details));

        return rows.OrderByDescending(r => r.At).ToList();
    }

    /// <summary>REC-5: cases that went through a mandatory-recording step without a record registered to it.</summary>
    private async Task<List<ViolationRow>> MissingMandatoryRecordsAsync(IReadOnlySet<int>? visible, int? agencyId)
    {
        var mandatory = Enum.GetValues<Domain.Cases.CaseCategory>().SelectMany(Domain.Cases.CaseStateMachine.MandatoryRecordingSteps).Distinct().ToList();
        var passed = from h in db.CaseSteps.AsNoTracking()
                     where mandatory.Contains(h.ToStep)
                     join c in db.Cases on h.CaseId equals c.Id
                     where (visible == null || visible.Contains(c.AgencyId)) && (agencyId == null || c.AgencyId == agencyId)
                     join u in db.Units on c.UnitId equals u.Id into units
                     from u in units.DefaultIfEmpty()
                     select new { c.Id, c.Number, c.Category, h.ToStep, h.At, h.By, Unit = u == null ? "" : u.Name };
        var rows = new List<ViolationRow>();
        foreach (var p in (await passed.Take(5000).ToListAsync()).Where(p => Domain.Cases.CaseStateMachine.MandatoryRecordingSteps(p.Category).Contains(p.ToStep)))
        {
            var label = Domain.Cases.CaseSteps.Label(p.ToStep);
            bool recorded = await db.Set<Record>().AnyAsync(r => r.CaseId == p.Id && (r.Step == p.ToStep || r.Step == label))
                || await db.Set<RecordingExemption>().AnyAsync(x => x.CaseId == p.Id && x.Step == p.ToStep && x.Status == ExemptionStatus.Approved);
            if (!recorded)
                rows.Add(new("missing", UiText.T("supervision.kind.missing"), p.Id, p.Number, null, p.Unit, p.By, p.At, UiText.T("supervision.missing.detail", label)));
        }
        return rows;
    }

    public static List<ViolationCount> Summarise(IEnumerable<ViolationRow> rows)
        => rows.GroupBy(r => (r.Unit, r.Officer, r.KindLabel))
            .Select(g => new ViolationCount(g.Key.Unit, g.Key.Officer, g.Key.KindLabel, g.Count()))
            .OrderByDescending(c => c.Count).ToList();
}
