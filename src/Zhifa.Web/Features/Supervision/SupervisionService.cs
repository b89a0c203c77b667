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
public sealed class SupervisionService(AppDbContext db, CurrentUser me, Records.RecordService recordService, Cases.CaseService cases,
    Agencies.AgencyService agencies, Officers.OfficerService officerService)
{
    public const string AccessRefusedAction = Records.RecordService.AccessRefusedAction;

    public static bool MayView(CurrentUser user) => user.IsAdministrator
        || user.IsInRole(Domain.Accounts.Roles.Supervisor) || user.IsInRole(Domain.Accounts.Roles.Head) || user.IsInRole(Domain.Accounts.Roles.DeputyHead);

    public async Task<List<ViolationRow>> ViolationsAsync(int? agencyId)
    {
        var visible = await me.VisibleAgencyIdsAsync();
        // The projections the records, cases, agencies and officers publish, put together here.
        var found = await recordService.FlaggedAsync(visible, agencyId, 2000);
        var caseRows = await cases.NumbersAndUnitsAsync(found.Select(r => r.CaseId));
        var unitNames = await agencies.UnitNamesByIdAsync(caseRows.Values.Where(c => c.UnitId != null).Select(c => c.UnitId!.Value));
        var officerNames = await officerService.OfficerNamesAsync(found.Where(r => r.CollectorOfficerId != null).Select(r => r.CollectorOfficerId!.Value));
        var flagged = found.Where(r => caseRows.ContainsKey(r.CaseId)).Select(r => new
        {
            r, caseRows[r.CaseId].Number,
            Unit = caseRows[r.CaseId].UnitId is { } u ? unitNames.GetValueOrDefault(u, "") : "",
            Officer = r.CollectorOfficerId is { } o ? officerNames.GetValueOrDefault(o, "") : "",
        }).ToList();

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
        var passed = await cases.PassedStepsAsync(mandatory, visible, agencyId, 5000);
        var unitNames = await agencies.UnitNamesByIdAsync(passed.Where(p => p.UnitId != null).Select(p => p.UnitId!.Value));
        var rows = new List<ViolationRow>();
        foreach (var p in passed.Where(p => Domain.Cases.CaseStateMachine.MandatoryRecordingSteps(p.Category).Contains(p.ToStep)))
        {
            var label = Domain.Cases.CaseSteps.Label(p.ToStep);
            bool recorded = await recordService.RecordedAsync(p.CaseId, p.ToStep, label);
            var unit = p.UnitId is { } u ? unitNames.GetValueOrDefault(u, "") : "";
            if (!recorded)
                rows.Add(new("missing", UiText.T("supervision.kind.missing"), p.CaseId, p.Number, null, unit, p.By, p.At, UiText.T("supervision.missing.detail", label)));
        }
        return rows;
    }

    public static List<ViolationCount> Summarise(IEnumerable<ViolationRow> rows)
        => rows.GroupBy(r => (r.Unit, r.Officer, r.KindLabel))
            .Select(g => new ViolationCount(g.Key.Unit, g.Key.Officer, g.Key.KindLabel, g.Count()))
            .OrderByDescending(c => c.Count).ToList();
}
