using System.Globalization;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Calendar;

/// <summary>
/// The holidays of 《全国年节及纪念日放假办法》 as revised by 国务院令第795号 (2024-11-10, in force 2025-01-01), for a
/// year whose State Council notice is not loaded. Article 2 fixes the days themselves:
/// 元旦 1 day (1 January); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (the day of the 清明 solar term);
/// 劳动节 2 days (1 and 2 May); 端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (1 to 3 October).
/// What only the yearly notice settles stays unknown: the 调休 make-up working days and the day off in lieu of a
/// holiday falling on a weekend (补假, article 6), so an estimated year is never reported as if it were certain.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year these rules govern (the revision's effective date); earlier years without data keep the weekend rule.</summary>
    public const int FirstYear = 2025;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The last year the lunisolar tables reach (ChineseLunisolarCalendar ends in January 2101).</summary>
    public static int LastYear { get; } = Lunar.MaxSupportedDateTime.Year - 1;

    /// <summary>Whether <paramref name="year"/> can be estimated from the 放假办法.</summary>
    public static bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>The statutory holidays of <paramref name="year"/>, in date order; empty for a year not covered.</summary>
    public static IReadOnlyList<CalendarDay> For(int year)
    {
        if (!Covers(year)) return [];
        var newYear = DateOnly.FromDateTime(Lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0)); // 正月初一
        var days = new List<CalendarDay>
        {
            new(new DateOnly(year, 1, 1), Name("new_year"), true),
            // 除夕 is the last day of the lunar year, the 29th or 30th of the twelfth month (a leap twelfth month
            // included): always the day before 正月初一.
            new(newYear.AddDays(-1), Name("spring_festival"), true),
            new(newYear, Name("spring_festival"), true),
            new(newYear.AddDays(1), Name("spring_festival"), true),
            new(newYear.AddDays(2), Name("spring_festival"), true),
            new(SolarTerms.Qingming(year), Name("qingming"), true),
            new(new DateOnly(year, 5, 1), Name("labour_day"), true),
            new(new DateOnly(year, 5, 2), Name("labour_day"), true),
            new(LunarDay(year, 5, 5), Name("dragon_boat"), true),
            new(LunarDay(year, 8, 15), Name("mid_autumn"), true),
            new(new DateOnly(year, 10, 1), Name("national_day"), true),
            new(new DateOnly(year, 10, 2), Name("national_day"), true),
            new(new DateOnly(year, 10, 3), Name("national_day"), true),
        };
        // 中秋 can fall on 1 to 3 October (it did in 2020 and 2001): the day is off once, under the first name.
        return days.GroupBy(d => d.Date).Select(g => g.First()).OrderBy(d => d.Date).ToList().AsReadOnly();
    }

    /// <summary>
    /// The Gregorian day of <paramref name="day"/> of the ordinary (not leap) lunar <paramref name="month"/> of the
    /// lunar year that starts in <paramref name="year"/>. ChineseLunisolarCalendar numbers the months of a year with
    /// a leap month 1 to 13, the leap month taking the number after the month it repeats; the festivals fall in the
    /// ordinary month (端午 in a year with 闰五月 is in the first 五月).
    /// </summary>
    public static DateOnly LunarDay(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// What an answer says about the years it used without a loaded notice, in Chinese; null when there are none.
    /// A covered year was estimated from the 放假办法; any other year only skipped weekends.
    /// </summary>
    public static string? Note(IReadOnlyList<int>? yearsWithoutNotice)
    {
        if (yearsWithoutNotice is not { Count: > 0 } years) return null;
        var parts = new List<string>(2);
        var estimated = years.Where(Covers).ToList();
        var weekendsOnly = years.Where(y => !Covers(y)).ToList();
        if (estimated.Count > 0)
            parts.Add(Messages.Get("calendar.note.estimated", Years(estimated)));
        if (weekendsOnly.Count > 0)
            parts.Add(Messages.Get("calendar.note.weekends_only", Years(weekendsOnly)));
        return string.Join("；", parts);
    }

    private static string Name(string code) => Messages.Get("holiday." + code);

    private static string Years(List<int> years) => string.Join("、", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
