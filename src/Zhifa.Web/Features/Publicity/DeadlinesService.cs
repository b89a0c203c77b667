using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// One publication item owed: its kind, whose it is, what it is, when it is due and on which rule;
/// <see cref="CalendarEstimated"/> when the due day was counted through a year whose holiday notice is not loaded, <see cref="CalendarNote"/> saying so.
/// </summary>
public sealed record DeadlineRow(string Kind, string KindLabel, int? PublicationId, int AgencyId, string Agency, int? UnitId, string Unit,
    int? CaseId, string Title, DateOnly? DueOn, string DueRule, bool Overdue, int DaysOverdue, string Status, int? InspectionNoteId = null,
    bool CalendarEstimated = false, string? CalendarNote = null);

/// <summary>What one unit owes: items due, of which overdue, and stale items.</summary>
public sealed record DeadlineUnitCount(int AgencyId, string Agency, int? UnitId, string Unit, int Due, int Overdue, int Stale);

public sealed record DeadlinesView(DateOnly Today, IReadOnlyList<DeadlineRow> Rows, IReadOnlyList<DeadlineUnitCount> Counts);

/// <summary>
/// PUB-9 / SUP-1: the publication items each agency and unit owes — decisions not yet published (7 or 20 working
/// days), withdrawals (3 working days after the change), stale published items, and last year's annual report
/// (31 January). Computed from state on every request; nothing is stored.
/// </summary>
public sealed class DeadlinesService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar, IEnumerable<IPublicationKind> kinds, AgencyService agencyService,
    CaseService caseService, Matters.MatterService matterService)
{
    public DateOnly Today => CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);

    /// <summary>The agencies asked for, within the user's scope; null when the agency or unit asked for is outside it (→ 404).</summary>
    public async Task<IReadOnlyCollection<int>?> ScopeAsync(int? agencyId, int? unitId)
    {
        if (unitId is { } u)
        {
            var unitAgency = await agencyService.UnitAgencyAsync(u);
            if (unitAgency is null || !await me.CanSee(unitAgency) || (agencyId is { } a0 && a0 != unitAgency)) return null;
            agencyId = unitAgency;
        }
        if (agencyId is { } a) return await me.CanSee(a) && await agencyService.ExistsAsync(a) ? [a] : null;
        var visible = await me.VisibleAgencyIdsAsync();
        return visible is null ? await agencyService.AllIdsAsync() : [.. visible];
    }

    public async Task<DeadlinesView?> ListAsync(int? agencyId, int? unitId)
    {
        if (await ScopeAsync(agencyId, unitId) is not { } agencies) return null;
        var today = Today;
        var cal = await calendar.GetAsync();
        var agencyNames = await agencyService.NamesAsync(agencies);
        var unitNames = (await agencyService.UnitsOfAsync(agencies)).ToDictionary(x => x.Id, x => x.Name);
        string UnitName(int? id) => id is { } i && unitNames.TryGetValue(i, out var n) ? n : "";
        // The working days from the triggering day to the due day: a year without its notice among them is said.
        string? Note(DateOnly from, DateOnly due) => StatutoryHolidays.Note(cal.YearsWithoutData(from.AddDays(1), due));
        var rows = new List<DeadlineRow>();

        foreach (var s in await DecisionTasks.LoadAsync(db, caseService, matterService, cal, agencies, unitId))
        {
            if (PublicationRules.IsOpen(s.Status))
            {
                bool overdue = PublicationRules.IsOverdue(s.Status, s.DueOn, today);
                var note = Note(s.TriggeredOn, s.DueOn);
                rows.Add(new("publication", T("publicity.deadlines.kind.publication"), s.LatestId, s.AgencyId, agencyNames[s.AgencyId], s.UnitId, UnitName(s.UnitId), s.CaseId, s.Title,
                    s.DueOn, T("publicity.deadlines.rule.publication", s.TriggeredOn, PublicationRules.DueWorkingDays(s.Category)), overdue,
                    overdue ? today.DayNumber - s.DueOn.DayNumber : 0, PublicationRules.Label(s.Status), null, note is not null, note));
            }
            if (s.Status == PublicationStatus.Published && s.WithdrawalDueOn is { } wd)
            {
                bool overdue = today > wd;
                var note = s.LegalStatusChangedOn is { } changed ? Note(changed, wd) : null;
                rows.Add(new("withdrawal", T("publicity.deadlines.kind.withdrawal"), s.LatestId, s.AgencyId, agencyNames[s.AgencyId], s.UnitId, UnitName(s.UnitId), s.CaseId, s.Title,
                    wd, T("publicity.deadlines.rule.withdrawal", PublicationRules.Label(s.LegalStatus), s.LegalStatusChangedOn, PublicationRules.WithdrawalWorkingDays), overdue,
                    overdue ? today.DayNumber - wd.DayNumber : 0, PublicationRules.Label(s.LegalStatus), null, note is not null, note));
            }
        }

        // Stale: every published item is asked through its kind; a kind that does not know says it is current.
        var published = await db.Set<Publication>().AsNoTracking()
            .Where(p => agencies.Contains(p.AgencyId) && p.Status == PublicationStatus.Published && p.Kind != PublicationKind.Decision
                        && (unitId == null || p.UnitId == unitId)).ToListAsync();
        foreach (var p in published)
        {
            if (kinds.FirstOrDefault(k => k.Kind == p.Kind) is not { } kind || !await kind.IsStaleAsync(p)) continue;
            rows.Add(new("stale", T("publicity.deadlines.kind.stale"), p.Id, p.AgencyId, agencyNames[p.AgencyId], p.UnitId, UnitName(p.UnitId), null, p.Title,
                null, T("publicity.deadlines.rule.stale"), true, 0, T("publicity.deadlines.status.stale")));
        }

        // The inspection's findings still waiting for the unit's answer.
        var notes = await db.Set<InspectionNote>().AsNoTracking()
            .Where(n => agencies.Contains(n.AgencyId) && n.Status == InspectionNoteStatus.Open && (unitId == null || n.UnitId == unitId)).ToListAsync();
        foreach (var n in notes.OrderBy(n => n.Id))
            rows.Add(new("inspection-note", T("publicity.deadlines.kind.inspection_note"), null, n.AgencyId, agencyNames[n.AgencyId], n.UnitId, UnitName(n.UnitId), null,
                T("publicity.deadlines.note_title", n.Year, n.Quarter, n.Content), null, T("publicity.deadlines.rule.inspection_note"), false, 0, T("publicity.deadlines.status.inspection_note"), n.Id));

        // Last year's annual report, owed by each agency by 31 January (a calendar date); a unit filter leaves it out.
        if (unitId is null)
        {
            int year = today.Year - 1;
            var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var reports = await db.Set<Publication>().AsNoTracking()
                .Where(p => p.Kind == PublicationKind.AnnualReport && p.ListKey == key && agencies.Contains(p.AgencyId))
                .Select(p => new { p.Id, p.AgencyId, p.Status }).ToListAsync();
            var due = AnnualReportRules.DueOn(year);
            foreach (var a in agencies.Order())
            {
                var mine = reports.Where(r => r.AgencyId == a).ToList();
                if (mine.Any(r => r.Status is PublicationStatus.Published or PublicationStatus.Superseded or PublicationStatus.Expired)) continue;
                var open = mine.Where(r => PublicationRules.IsOpen(r.Status)).MaxBy(r => r.Id);
                bool overdue = today > due;
                rows.Add(new("annual-report", T("publicity.deadlines.kind.annual_report"), open?.Id, a, agencyNames[a], null, "", null, T("publicity.deadlines.annual_title", year),
                    due, T("publicity.deadlines.rule.annual_report"), overdue, overdue ? today.DayNumber - due.DayNumber : 0,
                    open is null ? T("publicity.annual.not_generated") : PublicationRules.Label(open.Status)));
            }
        }

        rows = [.. rows.OrderByDescending(r => r.Overdue).ThenBy(r => r.DueOn ?? DateOnly.MinValue).ThenBy(r => r.Agency, StringComparer.Ordinal)];
        var counts = rows.GroupBy(r => (r.AgencyId, r.Agency, r.UnitId, r.Unit))
            .Select(g => new DeadlineUnitCount(g.Key.AgencyId, g.Key.Agency, g.Key.UnitId, g.Key.Unit,
                g.Count(r => r.Kind != "stale"), g.Count(r => r.Kind != "stale" && r.Overdue), g.Count(r => r.Kind == "stale")))
            .OrderBy(c => c.AgencyId).ThenBy(c => c.UnitId).ToList();
        return new DeadlinesView(today, rows, counts);
    }
}
