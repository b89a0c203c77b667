using System.Globalization;
using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.Tests.Calendar;

/// <summary>《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01) for years without the State Council notice.</summary>
public sealed class StatutoryHolidaysTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Lazy<IReadOnlyList<CalendarYear>> Shipped = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Zhifa.slnx"))) dir = dir.Parent;
        var folder = Path.Combine(dir.FullName, "src", "Zhifa.Web", "Features", "Calendar", "holidays-cn");
        return Directory.GetFiles(folder, "*.json").Select(f => WorkingDayCalendar.ParseYearJson(File.ReadAllText(f))).ToList();
    });

    // A notice may name a day for two festivals at once (2009: “国庆节、中秋节”).
    private static bool OffInNotice(int year, DateOnly date, string name) =>
        Shipped.Value.Single(y => y.Year == year).Days.Any(d => d.Date == date && d.IsOffDay && d.Name.Contains(name, StringComparison.Ordinal));

    /// <summary>
    /// 除夕, 端午, 中秋 and 清明 (MMdd) of every year the estimate covers, as published: the lunar dates and the 清明
    /// day of the 寿星 algorithm, the 清明 day also checked against a VSOP87 ephemeris (the two agree to the minute).
    /// </summary>
    private const string Reference = """
2025 0128 0531 1006 0404
2026 0216 0619 0925 0405
2027 0205 0609 0915 0405
2028 0125 0528 1003 0404
2029 0212 0616 0922 0404
2030 0202 0605 0912 0405
2031 0122 0624 1001 0405
2032 0210 0612 0919 0404
2033 0130 0601 0908 0404
2034 0218 0620 0927 0405
2035 0207 0610 0916 0405
2036 0127 0530 1004 0404
2037 0214 0618 0924 0404
2038 0203 0607 0913 0405
2039 0123 0527 1002 0405
2040 0211 0614 0920 0404
2041 0131 0603 0910 0404
2042 0121 0622 0928 0404
2043 0209 0611 0917 0405
2044 0129 0531 1005 0404
2045 0216 0619 0925 0404
2046 0205 0608 0915 0404
2047 0125 0529 1004 0405
2048 0213 0615 0922 0404
2049 0201 0604 0911 0404
2050 0122 0623 0930 0404
2051 0210 0613 0919 0405
2052 0131 0601 0907 0404
2053 0218 0620 0926 0404
2054 0207 0610 0916 0404
2055 0127 0530 1005 0405
2056 0214 0617 0924 0404
2057 0203 0606 0913 0404
2058 0123 0625 1002 0404
2059 0211 0614 0921 0405
2060 0201 0603 0909 0404
2061 0120 0622 0928 0404
2062 0208 0611 0917 0404
2063 0128 0601 1006 0405
2064 0216 0619 0925 0404
2065 0204 0608 0915 0404
2066 0125 0528 1003 0404
2067 0213 0616 0923 0405
2068 0202 0604 0911 0404
2069 0122 0623 0929 0404
2070 0210 0613 0919 0404
2071 0130 0602 0908 0405
2072 0218 0620 0926 0404
2073 0206 0610 0916 0404
2074 0126 0530 1005 0404
2075 0214 0617 0924 0404
2076 0204 0606 0912 0404
2077 0123 0624 1001 0404
2078 0211 0614 0920 0404
2079 0201 0604 0910 0404
2080 0121 0622 0928 0404
2081 0208 0611 0917 0404
2082 0128 0601 1006 0404
2083 0216 0619 0926 0404
2084 0205 0607 0914 0404
2085 0125 0527 1003 0404
2086 0213 0615 0922 0404
2087 0202 0605 0911 0404
2088 0123 0623 0929 0404
2089 0209 0613 0918 0404
2090 0129 0602 0908 0404
2091 0217 0621 0927 0404
2092 0206 0609 0916 0404
2093 0126 0529 1005 0404
2094 0214 0617 0924 0404
2095 0204 0606 0913 0404
2096 0124 0624 0930 0404
2097 0211 0614 0920 0404
2098 0131 0604 0909 0404
2099 0120 0623 0929 0404
2100 0208 0612 0918 0405
""";

    public static TheoryData<int, string, string, string, string> ReferenceYears()
    {
        var data = new TheoryData<int, string, string, string, string>();
        foreach (var line in Reference.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ');
            data.Add(int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], f[3], f[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceYears))]
    public void Every_covered_year_has_the_published_eve_Dragon_Boat_Mid_Autumn_and_Qingming_days(int year, string eve, string dragonBoat, string midAutumn, string qingming)
    {
        DateOnly Day(string mmdd) => new(year, int.Parse(mmdd[..2], CultureInfo.InvariantCulture), int.Parse(mmdd[2..], CultureInfo.InvariantCulture));
        var days = StatutoryHolidays.For(year);

        Assert.Equal(Day(qingming), SolarTerms.Qingming(year));
        Assert.Equal(Day(eve), days.Where(d => d.Name == "春节").Min(d => d.Date));
        Assert.Equal([Day(eve), Day(eve).AddDays(1), Day(eve).AddDays(2), Day(eve).AddDays(3)], days.Where(d => d.Name == "春节").Select(d => d.Date));
        Assert.Contains(new CalendarDay(Day(dragonBoat), "端午节", true), days);
        Assert.Contains(days, d => d.Date == Day(midAutumn)); // under 国庆节 when it falls on 1 to 3 October
        Assert.Contains(new CalendarDay(Day(qingming), "清明节", true), days);
    }

    [Fact]
    public void The_computed_Qingming_is_the_Qingming_holiday_of_every_shipped_notice_from_2007_to_2026()
    {
        // 清明 became a holiday in 2008; the 2007 notice has none, and the 2007 term fell on 5 April (12:04).
        Assert.Equal(D("2007-04-05"), SolarTerms.Qingming(2007));
        for (var year = 2008; year <= 2026; year++)
        {
            var qingming = SolarTerms.Qingming(year);
            Assert.True(OffInNotice(year, qingming, "清明节"), $"{year}: {qingming:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void The_computed_lunar_festivals_are_holidays_in_every_shipped_notice_since_they_became_holidays()
    {
        // 端午 and 中秋 are holidays since 2008; 正月初一 always. National Day absorbs 中秋 when they meet.
        for (var year = 2008; year <= 2026; year++)
        {
            Assert.True(OffInNotice(year, StatutoryHolidays.LunarDay(year, 1, 1), "春节"), $"{year} 春节");
            Assert.True(OffInNotice(year, StatutoryHolidays.LunarDay(year, 5, 5), "端午节"), $"{year} 端午");
            var midAutumn = StatutoryHolidays.LunarDay(year, 8, 15);
            Assert.True(OffInNotice(year, midAutumn, "中秋") || OffInNotice(year, midAutumn, "国庆节"), $"{year} 中秋");
        }
    }

    [Fact]
    public void Every_estimated_day_of_2025_and_2026_is_a_holiday_in_their_notices()
    {
        // The two years the revised 办法 already governs: what it fixes, the notice gave (and more, by 调休 and 补假).
        foreach (var year in new[] { 2025, 2026 })
        {
            var notice = Shipped.Value.Single(y => y.Year == year).Days.Where(d => d.IsOffDay).Select(d => d.Date).ToHashSet();
            Assert.All(StatutoryHolidays.For(year), d => Assert.Contains(d.Date, notice));
        }
    }

    [Fact]
    public void The_2027_holidays_are_the_thirteen_days_the_law_fixes()
    {
        Assert.Equal(
        [
            new(D("2027-01-01"), "元旦", true),
            new(D("2027-02-05"), "春节", true), new(D("2027-02-06"), "春节", true), new(D("2027-02-07"), "春节", true), new(D("2027-02-08"), "春节", true),
            new(D("2027-04-05"), "清明节", true),
            new(D("2027-05-01"), "劳动节", true), new(D("2027-05-02"), "劳动节", true),
            new(D("2027-06-09"), "端午节", true),
            new(D("2027-09-15"), "中秋节", true),
            new(D("2027-10-01"), "国庆节", true), new(D("2027-10-02"), "国庆节", true), new(D("2027-10-03"), "国庆节", true),
        ], StatutoryHolidays.For(2027));
    }

    [Fact]
    public void A_leap_fifth_month_keeps_the_Dragon_Boat_Festival_in_the_ordinary_fifth_month()
    {
        // 2028 has 闰五月: 端午 is 28 May, not a month later; its 中秋 falls on 3 October and is counted once.
        Assert.Equal(D("2028-05-28"), StatutoryHolidays.LunarDay(2028, 5, 5));
        Assert.Equal(D("2028-10-03"), StatutoryHolidays.LunarDay(2028, 8, 15));
        Assert.Equal(12, StatutoryHolidays.For(2028).Count);
        Assert.Single(StatutoryHolidays.For(2028), d => d.Date == D("2028-10-03"));
    }

    [Fact]
    public void Only_the_years_the_revised_rules_govern_and_the_lunar_tables_reach_are_estimated()
    {
        Assert.Empty(StatutoryHolidays.For(2024));
        Assert.Empty(StatutoryHolidays.For(2101));
        Assert.True(StatutoryHolidays.Covers(2025));
        Assert.True(StatutoryHolidays.Covers(2100));
        Assert.False(StatutoryHolidays.Covers(2101));
    }

    [Fact]
    public void The_note_says_which_years_were_estimated_and_which_only_skipped_weekends()
    {
        Assert.Null(StatutoryHolidays.Note(null));
        Assert.Null(StatutoryHolidays.Note([]));
        Assert.Equal("2027、2028年国务院放假通知尚未载入，法定节假日按《全国年节及纪念日放假办法》推算，调休未计", StatutoryHolidays.Note([2027, 2028]));
        Assert.Equal("2006年无节假日数据，仅按周末推算", StatutoryHolidays.Note([2006]));
        Assert.Equal("2100年国务院放假通知尚未载入，法定节假日按《全国年节及纪念日放假办法》推算，调休未计；2101年无节假日数据，仅按周末推算",
            StatutoryHolidays.Note([2100, 2101]));
    }
}
