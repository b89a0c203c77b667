using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

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
public sealed class DeadlinesService(AppDbContext db, CurrentUser me, TimeProvider time, CalendarService calendar, IEnumerable<IPublicationKind> kinds)
{
    public DateOnly Today => CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);

    /// <summary>The agencies asked for, within the user's scope; null when the agency or unit asked for is outside it (→ 404).</summary>
    public async Task<IReadOnlyCollection<int>?> ScopeAsync(int? agencyId, int? unitId)
    {
        if (unitId is { } u)
        {
            var unitAgency = await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => (int?)x.AgencyId).FirstOrDefaultAsync();
            if (unitAgency is null || !await me.CanSee(unitAgency) || (agencyId is { } a0 && a0 != unitAgency)) return null;
            agencyId = unitAgency;
        }
        if (agencyId is { } a) return await me.CanSee(a) && await db.Agencies.AnyAsync(x => x.Id == a) ? [a] : null;
        var visible = await me.VisibleAgencyIdsAsync();
        return visible is null ? await db.Agencies.AsNoTracking().Select(x => x.Id).ToListAsync() : [.. visible];
    }

    public async Task<DeadlinesView?> ListAsync(int? agencyId, int? unitId)
    {
        if (await ScopeAsync(agencyId, unitId) is not { } agencies) return null;
        var today = Today;
        var cal = await calendar.GetAsync();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name);
        var unitNames = await db.Units.AsNoTracking().Where(x => agencies.Contains(x.AgencyId)).ToDictionaryAsync(x => x.Id, x => x.Name);
        string UnitName(int? id) => id is { } i && unitNames.TryGetValue(i, out var n) ? n : "";
        // The working days from the triggering day to the due day: a year without its notice among them is said.
        string? Note(DateOnly from, DateOnly due) => StatutoryHolidays.Note(cal.YearsWithoutData(from.AddDays(1), due));
        var rows = new List<DeadlineRow>();

        foreach (var s in await DecisionTasks.LoadAsync(db, cal, agencies, unitId))
        {
            if (PublicationRules.IsOpen(s.Status))
            {
                bool overdue = PublicationRules.IsOverdue(s.Status, s.DueOn, today);
                var note = Note(s.TriggeredOn, s.DueOn);
                rows.Add(new("publication", "待公开", s.LatestId, s.AgencyId, agencyNames[s.AgencyId], s.UnitId, UnitName(s.UnitId), s.CaseId, s.Title,
                    s.DueOn, $"作出决定之日（{s.TriggeredOn:yyyy-MM-dd}）起 {PublicationRules.DueWorkingDays(s.Category)} 个工作日", overdue,
                    overdue ? today.DayNumber - s.DueOn.DayNumber : 0, PublicationRules.Label(s.Status), null, note is not null, note));
            }
            if (s.Status == PublicationStatus.Published && s.WithdrawalDueOn is { } wd)
            {
                bool overdue = today > wd;
                var note = s.LegalStatusChangedOn is { } changed ? Note(changed, wd) : null;
                rows.Add(new("withdrawal", "待撤回", s.LatestId, s.AgencyId, agencyNames[s.AgencyId], s.UnitId, UnitName(s.UnitId), s.CaseId, s.Title,
                    wd, $"{PublicationRules.Label(s.LegalStatus)}之日（{s.LegalStatusChangedOn:yyyy-MM-dd}）起 {PublicationRules.WithdrawalWorkingDays} 个工作日", overdue,
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
            rows.Add(new("stale", "待更新", p.Id, p.AgencyId, agencyNames[p.AgencyId], p.UnitId, UnitName(p.UnitId), null, p.Title,
                null, "所依据的信息已变化，应及时更新（动态调整）", true, 0, "已公开的版本已过时"));
        }

        // The inspection's findings still waiting for the unit's answer.
        var notes = await db.Set<InspectionNote>().AsNoTracking()
            .Where(n => agencies.Contains(n.AgencyId) && n.Status == InspectionNoteStatus.Open && (unitId == null || n.UnitId == unitId)).ToListAsync();
        foreach (var n in notes.OrderBy(n => n.Id))
            rows.Add(new("inspection-note", "巡查意见", null, n.AgencyId, agencyNames[n.AgencyId], n.UnitId, UnitName(n.UnitId), null,
                $"{n.Year} 年第 {n.Quarter} 季度巡查：{n.Content}", null, "整改后答复", false, 0, "待整改答复", n.Id));

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
                rows.Add(new("annual-report", "年度报告", open?.Id, a, agencyNames[a], null, "", null, $"{year} 年度行政执法统计年报",
                    due, $"次年 1 月 31 日前（自然日）", overdue, overdue ? today.DayNumber - due.DayNumber : 0,
                    open is null ? "尚未生成" : PublicationRules.Label(open.Status)));
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
