using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Calendar;

/// <summary>How a period is counted.</summary>
public enum PeriodUnit
{
    /// <summary>工作日: only working days count (行政处罚法第八十五条, 行政强制法第六十九条); the end is always a working day.</summary>
    WorkingDays,

    /// <summary>日 counted as calendar days (自然日).</summary>
    CalendarDays,

    /// <summary>月: ends on the corresponding day of the last month, or its last day when there is none (民法典第二百零二条).</summary>
    Months,

    /// <summary>年: as months, twelve at a time (民法典第二百零二条).</summary>
    Years,
}

/// <summary>
/// A period the law sets: where it comes from, how it is counted, and whether its last day moves off a rest day.
/// Every period starts the day after the day that triggers it (民法典第二百零一条：开始的当日不计入，自下一日开始计算;
/// 民事诉讼法第八十五条：期间开始的时和日，不计算在期间内). Its words are in Resources/Messages.resx under
/// <c>period.{Code}.name</c>, <c>.source</c> (the article and its words) and <c>.reason</c> (why the rest-day rule applies or not).
/// </summary>
/// <param name="Code">The stable code of the period, e.g. fine_payment.</param>
/// <param name="Length">How many units.</param>
/// <param name="Unit">Working days, calendar days, months or years.</param>
/// <param name="MovesOffRestDay">Whether a last day that is a rest day (a weekend or holiday that is not worked) moves to the next working day.</param>
/// <param name="RuleCode">The message code of the rule a move note cites (e.g. 民法典第二百零三条), or of the rule the period keeps to.</param>
public sealed record LegalPeriod(string Code, int Length, PeriodUnit Unit, bool MovesOffRestDay, string RuleCode)
{
    /// <summary>What must be done, e.g. 缴纳罚款.</summary>
    public string Name => Messages.Get($"period.{Code}.name");

    /// <summary>The article and its words.</summary>
    public string Source => Messages.Get($"period.{Code}.source");

    /// <summary>The rule that moves it, as a move note cites it, or the rule it keeps to.</summary>
    public string RestDayRule => Messages.Get(RuleCode);

    /// <summary>Why the rest-day rule applies to this period or not.</summary>
    public string RestDayReason => Messages.Get($"period.{Code}.reason");

    /// <summary>工作日 or 自然日, as the deadline rows write it.</summary>
    public string CountLabel => Messages.Get(Unit == PeriodUnit.WorkingDays ? "period.unit.working_days" : "period.unit.calendar_days");

    /// <summary>
    /// The last day of a period that needs no calendar (calendar days, months or years that do not move); the
    /// <paramref name="extraDays"/> of an approved extension are added in calendar days.
    /// </summary>
    /// <exception cref="InvalidOperationException">The period counts working days or moves off rest days: use <see cref="EndFrom"/>.</exception>
    public DateOnly LastDay(DateOnly trigger, int extraDays = 0)
    {
        if (Unit == PeriodUnit.WorkingDays || MovesOffRestDay)
            throw new InvalidOperationException(Messages.Get("period.needs_calendar", Name));
        return Unmoved(trigger, extraDays);
    }

    /// <summary>
    /// The last day of the period triggered on <paramref name="trigger"/>, moved to the next working day when it
    /// is a rest day and the period moves; <paramref name="extraDays"/> are the calendar days of an approved extension.
    /// </summary>
    public PeriodEnd EndFrom(DateOnly trigger, WorkingDayCalendar calendar, int extraDays = 0)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Unit == PeriodUnit.WorkingDays)
        {
            var r = calendar.AddWorkingDays(trigger, Length + extraDays);
            return new PeriodEnd(this, r.Date, r.Date, r.YearsWithoutData);
        }
        var last = Unmoved(trigger, extraDays);
        if (!MovesOffRestDay) return new PeriodEnd(this, last, last, null);
        var moved = calendar.IsWorkingDay(last) ? last : calendar.AddWorkingDays(last, 1).Date;
        // The calendar was asked about the days from the unmoved last day to the moved one.
        return new PeriodEnd(this, moved, last, calendar.YearsWithoutData(last, moved));
    }

    private DateOnly Unmoved(DateOnly trigger, int extraDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extraDays);
        return Unit switch
        {
            PeriodUnit.CalendarDays => trigger.AddDays(Length + extraDays),
            // DateOnly.AddMonths keeps the day of the month and stops at the month's last day: 民法典第二百零二条.
            PeriodUnit.Months => trigger.AddMonths(Length).AddDays(extraDays),
            PeriodUnit.Years => trigger.AddYears(Length).AddDays(extraDays),
            _ => throw new InvalidOperationException(Messages.Get("period.counts_working_days", Name)),
        };
    }
}

/// <summary>The end of one period: its last day, the day before any move off a rest day, and the years without a notice it relied on.</summary>
public readonly record struct PeriodEnd(LegalPeriod Period, DateOnly Last, DateOnly Unmoved, IReadOnlyList<int>? YearsWithoutData)
{
    public bool Moved => Last != Unmoved;

    /// <summary>A year without its notice was used: the holidays were estimated from the 放假办法 and 调休 not counted.</summary>
    public bool CalendarEstimated => YearsWithoutData is not null;

    public string? CalendarNote => StatutoryHolidays.Note(YearsWithoutData);

    /// <summary>“届满日为休息日的顺延至…” when the last day moved, else null.</summary>
    public string? MoveNote => Moved ? Messages.Get("period.moved", Unmoved, Last, Period.RestDayRule) : null;

    /// <summary>The basis as a deadline row writes it: the source, the count, and the move when there is one.</summary>
    public string Basis => $"{Period.Source}（{Period.CountLabel}）" + (MoveNote is { } m ? "；" + m : "");
}
