using System.Globalization;
using System.Text.Json;
using Zhifa.Domain.Calendar;

namespace Zhifa.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly Lazy<IReadOnlyList<(string File, string Json)>> Files = new(LoadFiles);
    private static readonly Lazy<IReadOnlyList<CalendarYear>> RealYears =
        new(() => Files.Value.Select(f => WorkingDayCalendar.ParseYearJson(f.Json)).ToList());

    // The 2027 notice is not published: the file exists with an empty day list.
    private static readonly CalendarYear Unpublished2027 =
        WorkingDayCalendar.ParseYearJson("""{ "year": 2027, "papers": [], "days": [] }""");

    private static readonly Lazy<WorkingDayCalendar> Real =
        new(() => new WorkingDayCalendar(RealYears.Value.Append(Unpublished2027)));

    private static WorkingDayCalendar Calendar => Real.Value;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void The_shipped_files_cover_2007_to_2026_and_2027_has_no_data()
    {
        Assert.Equal(Enumerable.Range(2007, 20), Calendar.YearsWithData);
        Assert.True(Calendar.HasData(2007));
        Assert.True(Calendar.HasData(2026));
        Assert.False(Calendar.HasData(2027));
        Assert.False(Calendar.HasData(2006));
    }

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 2, "2026-10-09")]
    [InlineData("2026-09-30", 3, "2026-10-10")] // make-up Saturday
    [InlineData("2026-09-30", 4, "2026-10-12")] // Sunday 10-11 is off
    [InlineData("2026-09-30", 5, "2026-10-13")]
    public void National_Day_2026_skips_1_to_7_October_and_counts_the_make_up_Saturday(string from, int days, string expected)
    {
        var result = Calendar.AddWorkingDays(D(from), days);

        Assert.Equal(D(expected), result.Date);
        Assert.False(result.UsedYearsWithoutData);
        Assert.Null(result.YearsWithoutData);
    }

    [Theory]
    [InlineData("2026-09-18", 1, "2026-09-20")] // make-up Sunday
    [InlineData("2026-09-18", 3, "2026-09-22")]
    [InlineData("2026-09-24", 2, "2026-09-29")] // Mid-Autumn 25-27 September is off
    [InlineData("2026-09-24", 5, "2026-10-09")]
    public void Mid_Autumn_2026_is_skipped_and_its_make_up_Sunday_counts(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(from), days).Date);
    }

    [Theory]
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-12", 2, "2026-02-14")] // make-up Saturday before the break
    [InlineData("2026-02-12", 3, "2026-02-24")] // 15-23 February are off
    [InlineData("2026-02-13", 6, "2026-02-28")] // make-up Saturday after the break
    [InlineData("2026-02-13", 7, "2026-03-02")]
    [InlineData("2026-02-16", 1, "2026-02-24")] // starting inside the break
    public void Spring_Festival_2026_skips_15_to_23_February_and_counts_both_make_up_Saturdays(string from, int days, string expected)
    {
        var result = Calendar.AddWorkingDays(D(from), days);

        Assert.Equal(D(expected), result.Date);
        Assert.Null(result.YearsWithoutData);
    }

    [Theory]
    [InlineData("2025-12-30", 1, "2025-12-31")]
    [InlineData("2025-12-30", 2, "2026-01-04")] // New Year 1-3 January is off, Sunday 4 January is worked
    [InlineData("2025-12-30", 3, "2026-01-05")]
    public void Crossing_into_2026_skips_New_Year_and_counts_the_make_up_Sunday(string from, int days, string expected)
    {
        var result = Calendar.AddWorkingDays(D(from), days);

        Assert.Equal(D(expected), result.Date);
        Assert.Null(result.YearsWithoutData);
    }

    [Theory]
    [InlineData("2018-12-28", 1, "2018-12-29")] // make-up Saturday named by the 2019 notice
    [InlineData("2018-12-28", 2, "2019-01-02")] // 30 December to 1 January are off
    public void Late_December_days_arranged_by_the_next_years_notice_are_honoured(string from, int days, string expected)
    {
        var result = Calendar.AddWorkingDays(D(from), days);

        Assert.Equal(D(expected), result.Date);
        Assert.Null(result.YearsWithoutData);
    }

    [Fact]
    public void Make_up_days_of_December_2006_count_but_2006_itself_is_reported_without_data()
    {
        // 2006-12-30 and 31 are make-up days from the 2007 notice; 2007-01-01 to 03 are off.
        var result = Calendar.AddWorkingDays(D("2006-12-28"), 4);

        Assert.Equal(D("2007-01-04"), result.Date);
        Assert.Equal([2006], result.YearsWithoutData!);
        Assert.True(Calendar.IsWorkingDay(D("2006-12-31")));
    }

    [Theory]
    [InlineData("2026-03-09", 1, "2026-03-10")]
    [InlineData("2026-03-09", 4, "2026-03-13")]
    [InlineData("2026-03-09", 5, "2026-03-16")] // weekend skipped
    [InlineData("2026-03-14", 1, "2026-03-16")] // starting on a Saturday
    [InlineData("2026-03-15", 5, "2026-03-20")]
    public void A_plain_week_without_holidays_only_skips_the_weekend(string from, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(from), days).Date);
    }

    [Theory]
    [InlineData("2026-10-01")] // a holiday
    [InlineData("2026-03-09")]
    [InlineData("2027-06-01")] // a year without data: nothing was looked at
    public void Zero_working_days_returns_the_start_date_itself(string from)
    {
        var result = Calendar.AddWorkingDays(D(from), 0);

        Assert.Equal(D(from), result.Date);
        Assert.Null(result.YearsWithoutData);
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-03-09"), -1));
    }

    [Fact]
    public void A_date_in_2027_skips_the_statutory_Spring_Festival_and_reports_2027_as_estimated()
    {
        // 除夕 Friday 5 February 2027, 初一 to 初三 6 to 8 February (放假办法 art. 2); no notice, so no 调休 is known.
        var result = Calendar.AddWorkingDays(D("2027-02-04"), 5);

        Assert.Equal(D("2027-02-15"), result.Date); // 9 to 12 February, then Monday 15 February
        Assert.True(result.UsedYearsWithoutData);
        Assert.Equal([2027], result.YearsWithoutData!);
        Assert.Equal("2027年国务院放假通知尚未载入，法定节假日按《全国年节及纪念日放假办法》推算，调休未计", result.Note);
        Assert.True(Calendar.IsEstimated(2027));
        Assert.False(Calendar.IsEstimated(2026));
    }

    [Theory]
    [InlineData("2027-01-01", false)] // 元旦, a Friday
    [InlineData("2027-02-05", false)] // 除夕
    [InlineData("2027-02-08", false)] // 正月初三, a Monday
    [InlineData("2027-02-09", true)]
    [InlineData("2027-04-05", false)] // 清明, a Monday
    [InlineData("2027-05-03", true)]  // Labour Day is 1 and 2 May; a substitute day off for the weekend is left to the notice
    [InlineData("2027-06-09", false)] // 端午, a Wednesday
    [InlineData("2027-09-15", false)] // 中秋, a Wednesday
    [InlineData("2027-10-01", false)] // 国庆, a Friday
    [InlineData("2027-10-04", true)]  // 国庆 is 1 to 3 October; 4 October is a Monday
    [InlineData("2027-10-09", false)] // an ordinary Saturday stays a rest day
    public void In_2027_without_its_notice_the_statutory_holidays_are_rest_days_and_weekends_stay_rest_days(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void An_addition_in_2026_that_crosses_into_2027_skips_New_Year_and_reports_2027()
    {
        var result = Calendar.AddWorkingDays(D("2026-12-30"), 3);

        Assert.Equal(D("2027-01-05"), result.Date); // 31 December, (1 January off, weekend), 4 and 5 January
        Assert.Equal([2027], result.YearsWithoutData!);
    }

    [Fact]
    public void A_twenty_working_day_publication_from_4_December_2026_is_not_due_on_New_Year_2027()
    {
        var result = Calendar.AddWorkingDays(D("2026-12-04"), 20);

        Assert.Equal(D("2027-01-04"), result.Date);
        Assert.Equal([2027], result.YearsWithoutData!);
    }

    [Fact]
    public void An_addition_that_stops_on_31_December_2026_does_not_report_2027()
    {
        var result = Calendar.AddWorkingDays(D("2026-12-30"), 1);

        Assert.Equal(D("2026-12-31"), result.Date);
        Assert.Null(result.YearsWithoutData);
    }

    [Fact]
    public void Every_year_without_data_that_is_crossed_is_reported_in_order()
    {
        var result = Calendar.AddWorkingDays(D("2027-12-30"), 300);

        Assert.Equal([2027, 2028, 2029], result.YearsWithoutData!);
    }

    [Fact]
    public void Years_before_the_2025_rules_and_after_the_lunar_tables_fall_back_to_weekends_and_say_so()
    {
        var before = Calendar.AddWorkingDays(D("2006-09-29"), 1);
        var after = Calendar.AddWorkingDays(D("2101-01-01"), 1); // a Saturday; New Year 2101 is not estimated

        Assert.Equal(D("2006-10-02"), before.Date);
        Assert.Equal("2006年无节假日数据，仅按周末推算", before.Note);
        Assert.Equal(D("2101-01-03"), after.Date);
        Assert.Equal("2101年无节假日数据，仅按周末推算", after.Note);
        Assert.False(Calendar.IsEstimated(2006));
        Assert.False(Calendar.IsEstimated(2101));
    }

    [Fact]
    public void A_loaded_2027_replaces_the_estimate()
    {
        var with2027 = new CalendarYear(2027,
        [
            new CalendarDay(D("2027-01-01"), "元旦", true),
            new CalendarDay(D("2027-01-02"), "元旦", true),
            new CalendarDay(D("2027-01-03"), "元旦", true),
        ]);

        // Given either way round, the year with data wins over the unpublished one.
        foreach (var calendar in new[]
                 {
                     new WorkingDayCalendar(RealYears.Value.Append(Unpublished2027).Append(with2027)),
                     new WorkingDayCalendar(RealYears.Value.Append(with2027).Append(Unpublished2027)),
                 })
        {
            Assert.True(calendar.HasData(2027));
            Assert.False(calendar.IsEstimated(2027));
            Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
            Assert.True(calendar.IsWorkingDay(D("2027-02-05"))); // the loaded notice names no Spring Festival: only what it says counts

            var result = calendar.AddWorkingDays(D("2026-12-30"), 3);
            Assert.Equal(D("2027-01-05"), result.Date);
            Assert.Null(result.YearsWithoutData);
        }
    }

    [Theory]
    [InlineData("2026-01-04", true)] // make-up Sunday after New Year
    [InlineData("2026-09-20", true)] // make-up Sunday before Mid-Autumn
    [InlineData("2026-02-14", true)] // make-up Saturday
    [InlineData("2026-10-10", true)] // make-up Saturday
    [InlineData("2026-10-01", false)] // National Day, a Thursday
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2026-03-10", true)] // an ordinary Tuesday
    [InlineData("2020-02-03", true)] // a Monday listed as worked: a listed day follows its flag
    [InlineData("2018-12-29", true)] // make-up Saturday named by the 2019 notice
    [InlineData("2018-12-31", false)] // a Monday off, named by the 2019 notice
    public void IsWorkingDay_follows_the_notice_then_the_weekend_rule(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Every_day_from_2006_to_2028_matches_the_json_files_read_directly()
    {
        // An independent reading of the files (later notices win, as they arranged the late-December days).
        var listed = new Dictionary<DateOnly, bool>();
        foreach (var (_, json) in Files.Value.OrderBy(f => f.File, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(json);
            foreach (var day in document.RootElement.GetProperty("days").EnumerateArray())
                listed[D(day.GetProperty("date").GetString()!)] = day.GetProperty("isOffDay").GetBoolean();
        }
        Assert.True(listed.Count > 600);
        // 2027 and 2028 have no file: their statutory holidays are estimated.
        var estimated = StatutoryHolidays.For(2027).Concat(StatutoryHolidays.For(2028)).Select(d => d.Date).ToHashSet();

        for (var date = D("2006-01-01"); date <= D("2028-12-31"); date = date.AddDays(1))
        {
            var expected = listed.TryGetValue(date, out var off)
                ? !off
                : !estimated.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            Assert.True(expected == Calendar.IsWorkingDay(date), $"{date:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void AddWorkingDays_agrees_with_a_day_by_day_walk_far_inside_and_outside_the_data()
    {
        var random = new Random(20261001);
        var first = D("1995-01-01").DayNumber;
        var last = D("2040-12-31").DayNumber;
        for (var i = 0; i < 20_000; i++)
        {
            var from = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var days = random.Next(0, i % 10 == 0 ? 800 : 61);

            var (expectedDate, expectedYears) = Walk(Calendar, from, days);
            var result = Calendar.AddWorkingDays(from, days);

            Assert.True(expectedDate == result.Date, $"{from:yyyy-MM-dd} + {days}");
            Assert.Equal(expectedYears, result.YearsWithoutData ?? []);
        }
    }

    [Fact]
    public void CountWorkingDays_is_the_inverse_of_AddWorkingDays_over_many_random_pairs()
    {
        var random = new Random(20260930);
        var first = D("2004-01-01").DayNumber;
        var last = D("2030-12-31").DayNumber;
        for (var i = 0; i < 20_000; i++)
        {
            var from = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var days = random.Next(0, 61);

            var to = Calendar.AddWorkingDays(from, days).Date;

            Assert.Equal(days, Calendar.CountWorkingDays(from, to));
            if (days > 0)
            {
                Assert.True(Calendar.IsWorkingDay(to));
                Assert.Equal(days - 1, Calendar.CountWorkingDays(from, to.AddDays(-1)));
            }
        }
    }

    [Fact]
    public void CountWorkingDays_agrees_with_counting_day_by_day_over_random_spans()
    {
        var random = new Random(7);
        var first = D("2000-01-01").DayNumber;
        var last = D("2035-12-31").DayNumber;
        for (var i = 0; i < 2_000; i++)
        {
            var a = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var b = a.AddDays(random.Next(-30, 1_500));

            var expected = 0;
            for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
                if (Calendar.IsWorkingDay(d)) expected++;

            Assert.Equal(expected, Calendar.CountWorkingDays(a, b));
        }
    }

    [Fact]
    public void CountWorkingDays_is_zero_when_the_end_is_not_after_the_start()
    {
        Assert.Equal(0, Calendar.CountWorkingDays(D("2026-03-10"), D("2026-03-10")));
        Assert.Equal(0, Calendar.CountWorkingDays(D("2026-03-10"), D("2026-03-01")));
        Assert.Equal(5, Calendar.CountWorkingDays(D("2026-09-30"), D("2026-10-13")));
    }

    [Fact]
    public void A_calendar_without_any_notice_keeps_the_statutory_holidays_from_2025_and_only_weekends_before()
    {
        var empty = new WorkingDayCalendar([]);

        var result = empty.AddWorkingDays(D("2026-09-30"), 5); // 1 to 3 October off, then the weekend
        var before = empty.AddWorkingDays(D("2010-09-30"), 5);

        Assert.Equal(D("2026-10-09"), result.Date);
        Assert.Equal([2026], result.YearsWithoutData!);
        Assert.Empty(empty.YearsWithData);
        Assert.Equal(5, empty.CountWorkingDays(D("2026-09-30"), D("2026-10-09")));
        Assert.Equal(D("2010-10-07"), before.Date);
        Assert.Equal([2010], before.YearsWithoutData!);
    }

    [Fact]
    public void The_2026_file_parses_into_its_39_named_days()
    {
        var year = WorkingDayCalendar.ParseYearJson(Files.Value.Single(f => f.File == "2026.json").Json);

        Assert.Equal(2026, year.Year);
        Assert.Equal(39, year.Days.Count);
        Assert.Equal(new CalendarDay(D("2026-01-01"), "元旦", true), year.Days[0]);
        Assert.Equal(new CalendarDay(D("2026-10-10"), "国庆节", false), year.Days[^1]);
    }

    [Fact]
    public void A_file_may_arrange_days_in_December_of_the_previous_year()
    {
        var year = WorkingDayCalendar.ParseYearJson(
            """{ "year": 2019, "days": [ { "name": "元旦", "date": "2018-12-29", "isOffDay": false } ] }""");

        Assert.Equal(D("2018-12-29"), year.Days[0].Date);
    }

    [Theory]
    [InlineData("""{ "year": 2026, """, "JSON", "不是有效的 JSON")]
    [InlineData("""[ 2026 ]""", "(根)", "应为 JSON 对象")]
    [InlineData("""{ "days": [] }""", "year", "缺少该字段")]
    [InlineData("""{ "year": "2026", "days": [] }""", "year", "应为整数")]
    [InlineData("""{ "year": 2026 }""", "days", "缺少该字段")]
    [InlineData("""{ "year": 2026, "days": {} }""", "days", "应为数组")]
    [InlineData("""{ "year": 2026, "days": [ 1 ] }""", "days[0]", "应为对象")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "元旦", "isOffDay": true } ] }""", "days[0].date", "缺少该字段")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "元旦", "date": "2026-01-01", "isOffDay": true }, { "name": "元旦", "date": "2026/01/02", "isOffDay": true } ] }""", "days[1].date", "日期格式应为 yyyy-MM-dd")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "元旦", "date": "2026-02-30", "isOffDay": true } ] }""", "days[0].date", "日期格式应为 yyyy-MM-dd")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "端午节", "date": "2025-06-01", "isOffDay": true } ] }""", "days[0].date", "不属于 2026 年")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true } ] }""", "days[0].date", "不属于 2026 年")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "元旦", "date": "2026-01-01", "isOffDay": true }, { "name": "元旦", "date": "2026-01-01", "isOffDay": false } ] }""", "days[1].date", "重复出现")]
    [InlineData("""{ "year": 2026, "days": [ { "date": "2026-01-01", "isOffDay": true } ] }""", "days[0].name", "缺少该字段")]
    [InlineData("""{ "year": 2026, "days": [ { "name": " ", "date": "2026-01-01", "isOffDay": true } ] }""", "days[0].name", "不能为空")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "元旦", "date": "2026-01-01" } ] }""", "days[0].isOffDay", "缺少该字段")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "元旦", "date": "2026-01-01", "isOffDay": "true" } ] }""", "days[0].isOffDay", "应为 true 或 false")]
    public void ParseYearJson_errors_name_the_field_and_the_reason(string json, string field, string reason)
    {
        var error = Assert.Throws<CalendarFormatException>(() => WorkingDayCalendar.ParseYearJson(json));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + "：", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_constructor_refuses_a_day_outside_its_year_and_a_repeated_date()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            [new CalendarYear(2026, [new CalendarDay(D("2025-06-01"), "端午节", true)])]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            [new CalendarYear(2026, [new CalendarDay(D("2026-01-01"), "元旦", true), new CalendarDay(D("2026-01-01"), "元旦", true)])]));
    }

    /// <summary>The reference: step one day at a time, noting the year of every day looked at.</summary>
    private static (DateOnly Date, List<int> YearsWithoutData) Walk(WorkingDayCalendar calendar, DateOnly from, int days)
    {
        var years = new SortedSet<int>();
        var date = from;
        for (var left = days; left > 0;)
        {
            date = date.AddDays(1);
            if (!calendar.HasData(date.Year)) years.Add(date.Year);
            if (calendar.IsWorkingDay(date)) left--;
        }
        return (date, years.ToList());
    }

    private static IReadOnlyList<(string File, string Json)> LoadFiles()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Zhifa.Web", "Features", "Calendar", "holidays-cn");
        var files = Directory.GetFiles(folder, "*.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
        Assert.NotEmpty(files);
        return files;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Zhifa.slnx not found above " + AppContext.BaseDirectory);
    }
}
