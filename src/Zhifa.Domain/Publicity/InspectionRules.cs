using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>Where one decision publication task stands against its deadline (PUB-9 网上巡查, seed 003 art. 27).</summary>
public enum Timeliness { Pending, OnTime, Late, Missing, NotDisclosed }

/// <summary>One decision publication task, as the inspection sees it: whose, which category, when due, when first published.</summary>
public sealed record DecisionTask(int? UnitId, CaseCategory? Category, DateOnly DueOn, DateOnly? PublishedOn, bool NotDisclosed);

/// <summary>The share of a unit's (and category's) due decisions that were published; flagged when selectively low.</summary>
public sealed record PublicationRate(int? UnitId, CaseCategory? Category, int Due, int Published, decimal Rate, bool Flagged);

/// <summary>
/// The rules of the quarterly publicity inspection: the quarter's dates, each task's timeliness, and the
/// "selective publication" finding (选择性公开) — a unit that publishes much less of what it owes than its agency does.
/// </summary>
public static class InspectionRules
{
    public const int FirstYear = 2000;

    /// <summary>A unit/category is flagged when it published less than this share of what was due …</summary>
    public const decimal SelectiveThreshold = 0.80m;
    /// <summary>… and at least this many percentage points less than the agency as a whole …</summary>
    public const decimal SelectiveGap = 0.20m;
    /// <summary>… and owed at least this many decisions (one missing item out of one is not a pattern).</summary>
    public const int SelectiveMinimumDue = 2;

    public static (DateOnly From, DateOnly To) Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }

    /// <summary>Year from 2000 to the current year, quarter 1–4; every problem names its field.</summary>
    public static ValidationErrors ValidatePeriod(int? year, int? quarter, int currentYear)
    {
        var errors = new ValidationErrors();
        if (year is null) errors.Add("year", "required", Messages.Get("publicity.year.required"));
        else if (year < FirstYear || year > currentYear) errors.Add("year", "range", Messages.Get("publicity.year.range", FirstYear, currentYear));
        if (quarter is null) errors.Add("quarter", "required", Messages.Get("publicity.quarter.required"));
        else if (quarter is < 1 or > 4) errors.Add("quarter", "range", Messages.Get("publicity.quarter.range"));
        return errors;
    }

    /// <summary>
    /// A task decided not to be disclosed is NotDisclosed; published by the due date OnTime, after it Late; still owed
    /// after the due date Missing, before it Pending.
    /// </summary>
    public static Timeliness Classify(DateOnly dueOn, DateOnly? publishedOn, bool notDisclosed, DateOnly today)
    {
        if (notDisclosed) return Timeliness.NotDisclosed;
        if (publishedOn is { } p) return p <= dueOn ? Timeliness.OnTime : Timeliness.Late;
        return today > dueOn ? Timeliness.Missing : Timeliness.Pending;
    }

    /// <summary>How late a publication was, in calendar days (自然日) after the due date; 0 when on time.</summary>
    public static int DaysLate(DateOnly dueOn, DateOnly publishedOn) => Math.Max(0, publishedOn.DayNumber - dueOn.DayNumber);

    /// <summary>Counts a task in a rate only when it is owed and its due date has passed; not-disclosed items are not owed.</summary>
    private static bool Counts(Timeliness t) => t is Timeliness.OnTime or Timeliness.Late or Timeliness.Missing;

    public static decimal Rate(int due, int published) => due == 0 ? 1m : Math.Round((decimal)published / due, 4);

    /// <summary>The selective-publication rule: below 80 %, at least 20 points under the agency, with at least 2 owed.</summary>
    public static bool IsSelective(int due, int published, decimal agencyRate)
    {
        if (due < SelectiveMinimumDue) return false;
        var rate = Rate(due, published);
        return rate < SelectiveThreshold && agencyRate - rate >= SelectiveGap;
    }

    /// <summary>The agency's rate and each unit/category's, flagged by <see cref="IsSelective"/>, as of <paramref name="today"/>.</summary>
    public static (decimal AgencyRate, IReadOnlyList<PublicationRate> Groups) Rates(IEnumerable<DecisionTask> tasks, DateOnly today)
    {
        var counted = tasks.Select(t => (t, c: Classify(t.DueOn, t.PublishedOn, t.NotDisclosed, today))).Where(x => Counts(x.c)).ToList();
        int due = counted.Count, published = counted.Count(x => x.c != Timeliness.Missing);
        var agencyRate = Rate(due, published);
        var groups = counted.GroupBy(x => (x.t.UnitId, x.t.Category))
            .Select(g =>
            {
                int d = g.Count(), p = g.Count(x => x.c != Timeliness.Missing);
                return new PublicationRate(g.Key.UnitId, g.Key.Category, d, p, Rate(d, p), IsSelective(d, p, agencyRate));
            })
            .OrderBy(r => r.UnitId).ThenBy(r => r.Category).ToList();
        return (agencyRate, groups);
    }

    public static string Label(Timeliness t) => t switch
    {
        Timeliness.Pending => Messages.Get("publicity.timeliness.pending"),
        Timeliness.OnTime => Messages.Get("publicity.timeliness.on_time"),
        Timeliness.Late => Messages.Get("publicity.timeliness.late"),
        Timeliness.Missing => Messages.Get("publicity.timeliness.missing"),
        Timeliness.NotDisclosed => Messages.Get("publicity.timeliness.not_disclosed"),
        _ => t.ToString(),
    };
}
