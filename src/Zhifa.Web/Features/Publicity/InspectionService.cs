using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>One item the inspection names: whose, what, when due, when published (or withdrawn), how late, and why.</summary>
public sealed record InspectionItem(int PublicationId, int? CaseId, string Unit, string Category, string Title, string DocumentNumber,
    DateOnly? DueOn, DateOnly? DoneOn, int DaysLate, string Note);

public sealed record InspectionRateRow(int? UnitId, string Unit, string Category, int Due, int Published, decimal Rate, bool Flagged);

/// <summary>One agency's quarter: what fell due, how it was published, and what the inspection flags.</summary>
public sealed record AgencyInspection(int AgencyId, string Agency, int Due, int OnTime, int Late, int Missing, int Pending, int NotDisclosed,
    decimal Rate, IReadOnlyList<InspectionItem> LateItems, IReadOnlyList<InspectionItem> MissingItems, IReadOnlyList<InspectionItem> NotDisclosedItems,
    IReadOnlyList<InspectionItem> StaleItems, IReadOnlyList<InspectionItem> LateWithdrawals, IReadOnlyList<InspectionRateRow> Rates)
{
    public int Flagged => Rates.Count(r => r.Flagged);
}

public sealed record InspectionReport(int Year, int Quarter, DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<AgencyInspection> Agencies);

/// <summary>
/// PUB-9 网上巡查 (seed 003 art. 27): for each agency in scope, the quarter's decision publications — on time, late (with
/// the days), missing, not disclosed (with the ground) — the stale published items, the late withdrawals, and the
/// selective-publication finding per unit and category (InspectionRules).
/// </summary>
public sealed class InspectionService(AppDbContext db, DeadlinesService deadlines, CalendarService calendar, IEnumerable<IPublicationKind> kinds, AgencyService agencyService,
    Cases.CaseService caseService, Matters.MatterService matterService)
{
    /// <summary>Supervisors and the agencies' leaders read the inspection; the other staff see their deadlines instead.</summary>
    public static bool MayView(CurrentUser user) => Supervision.SupervisionService.MayView(user);

    /// <summary>Parses and checks the period; each refused value names its field.</summary>
    public (int Year, int Quarter) Period(string? year, string? quarter)
    {
        var errors = new ValidationErrors();
        int? y = ParseInt(year, "year", T("publicity.inspection.year"), errors), q = ParseInt(quarter, "quarter", T("publicity.inspection.quarter"), errors);
        if (errors.Any) errors.ThrowIfAny();
        var today = deadlines.Today;
        // Without a period, the last finished quarter.
        if (y is null && q is null)
        {
            int current = (today.Month - 1) / 3 + 1;
            return current == 1 ? (today.Year - 1, 4) : (today.Year, current - 1);
        }
        InspectionRules.ValidatePeriod(y, q, today.Year).ThrowIfAny();
        return (y!.Value, q!.Value);
    }

    internal static int? ParseInt(string? text, string field, string label, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, "format", T("publicity.inspection.not_integer", label));
        return null;
    }

    public async Task<InspectionReport?> ReportAsync(int? agencyId, int year, int quarter)
    {
        if (await deadlines.ScopeAsync(agencyId, null) is not { } agencies) return null;
        var today = deadlines.Today;
        var (from, to) = InspectionRules.Quarter(year, quarter);
        var cal = await calendar.GetAsync();
        var agencyNames = await agencyService.NamesAsync(agencies);
        var unitNames = (await agencyService.UnitsOfAsync(agencies)).ToDictionary(x => x.Id, x => x.Name);
        string UnitName(int? id) => id is { } i && unitNames.TryGetValue(i, out var n) ? n : T("publicity.inspection.own_unit");

        // A task due in the quarter was triggered at most ~ two months before it (20 working days and the longest holiday).
        var series = await DecisionTasks.LoadAsync(db, caseService, matterService, cal, agencies, triggeredFrom: from.AddDays(-70), triggeredTo: to);
        var withdrawals = (await DecisionTasks.LoadAsync(db, caseService, matterService, cal, agencies)).Where(s => s.WithdrawalDueOn is { } d && d >= from && d <= to).ToList();
        var published = await db.Set<Publication>().AsNoTracking()
            .Where(p => agencies.Contains(p.AgencyId) && p.Status == PublicationStatus.Published && p.Kind != PublicationKind.Decision).ToListAsync();

        InspectionItem Item(DecisionSeries s, DateOnly? done, int late, string note) => new(s.LatestId, s.CaseId, UnitName(s.UnitId),
            s.Category is { } c ? CaseOpeningRules.Label(c) : "", s.Title, s.DocumentNumber, s.DueOn, done, late, note);

        var result = new List<AgencyInspection>();
        foreach (var (agency, name) in agencyNames)
        {
            var due = series.Where(s => s.AgencyId == agency && s.DueOn >= from && s.DueOn <= to).OrderBy(s => s.DueOn).ThenBy(s => s.SeriesId).ToList();
            var classified = due.Select(s => (s, t: s.Timeliness(today))).ToList();
            var late = classified.Where(x => x.t == Timeliness.Late)
                .Select(x => Item(x.s, x.s.FirstPublishedOn, InspectionRules.DaysLate(x.s.DueOn, x.s.FirstPublishedOn!.Value), T("publicity.inspection.item.late", InspectionRules.DaysLate(x.s.DueOn, x.s.FirstPublishedOn!.Value)))).ToList();
            var missing = classified.Where(x => x.t == Timeliness.Missing)
                .Select(x => Item(x.s, null, today.DayNumber - x.s.DueOn.DayNumber, T("publicity.inspection.item.missing", today.DayNumber - x.s.DueOn.DayNumber, PublicationRules.Label(x.s.Status)))).ToList();
            var withheld = classified.Where(x => x.t == Timeliness.NotDisclosed)
                .Select(x => Item(x.s, null, 0, (x.s.NonDisclosureGround is { } g ? PublicationRules.Label(g) : "") + (x.s.NonDisclosureReason.Length > 0 ? "：" + x.s.NonDisclosureReason : ""))).ToList();

            var stale = new List<InspectionItem>();
            foreach (var p in published.Where(p => p.AgencyId == agency))
                if (kinds.FirstOrDefault(k => k.Kind == p.Kind) is { } kind && await kind.IsStaleAsync(p))
                    stale.Add(new(p.Id, null, UnitName(p.UnitId), PublicationRules.Label(p.Kind), p.Title, "", null, p.PublishedAt is { } at ? Cases.CaseService.ChinaDay(at) : null, 0,
                        T("publicity.inspection.item.stale", p.Version)));

            var lateWithdrawals = new List<InspectionItem>();
            foreach (var s in withdrawals.Where(s => s.AgencyId == agency))
            {
                var wd = s.WithdrawalDueOn!.Value;
                if (s.WithdrawnOn is { } w && w > wd)
                    lateWithdrawals.Add(Item(s, w, w.DayNumber - wd.DayNumber, T("publicity.inspection.item.late_withdrawal", PublicationRules.Label(s.LegalStatus), w.DayNumber - wd.DayNumber)) with { DueOn = wd });
                else if (s.WithdrawnOn is null && today > wd)
                    lateWithdrawals.Add(Item(s, null, today.DayNumber - wd.DayNumber, T("publicity.inspection.item.not_withdrawn", PublicationRules.Label(s.LegalStatus), today.DayNumber - wd.DayNumber)) with { DueOn = wd });
            }

            var (rate, groups) = InspectionRules.Rates(due.Select(s => s.Task), today);
            var rates = groups.Select(g => new InspectionRateRow(g.UnitId, UnitName(g.UnitId), g.Category is { } c ? CaseOpeningRules.Label(c) : "",
                g.Due, g.Published, g.Rate, g.Flagged)).ToList();

            result.Add(new AgencyInspection(agency, name, due.Count,
                classified.Count(x => x.t == Timeliness.OnTime), late.Count, missing.Count, classified.Count(x => x.t == Timeliness.Pending), withheld.Count,
                rate, late, missing, withheld, stale, lateWithdrawals, rates));
        }
        return new InspectionReport(year, quarter, from, to, today, result);
    }
}
