using System.Globalization;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

/// <summary>PUB-9 网上巡查: each task's timeliness, the quarter's dates and the selective-publication finding.</summary>
public sealed class InspectionRulesTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // due, published (or ""), not disclosed, today, expected
    [InlineData("2026-10-12", "2026-10-12", false, "2026-12-01", Timeliness.OnTime)]   // on the due day itself
    [InlineData("2026-10-12", "2026-10-09", false, "2026-12-01", Timeliness.OnTime)]
    [InlineData("2026-10-12", "2026-10-13", false, "2026-12-01", Timeliness.Late)]
    [InlineData("2026-10-12", "", false, "2026-10-12", Timeliness.Pending)]            // still owed, not yet late
    [InlineData("2026-10-12", "", false, "2026-10-13", Timeliness.Missing)]
    [InlineData("2026-10-12", "", true, "2026-12-01", Timeliness.NotDisclosed)]        // a lawful non-disclosure is never missing
    public void A_task_is_on_time_late_missing_or_pending_by_its_due_date(string due, string published, bool notDisclosed, string today, Timeliness expected)
        => Assert.Equal(expected, InspectionRules.Classify(D(due), published.Length == 0 ? null : D(published), notDisclosed, D(today)));

    [Theory]
    [InlineData("2026-10-12", "2026-10-12", 0)]
    [InlineData("2026-10-12", "2026-10-15", 3)]
    [InlineData("2026-12-30", "2027-01-02", 3)] // calendar days, across the year end
    public void Days_late_are_calendar_days_after_the_due_date(string due, string published, int days)
        => Assert.Equal(days, InspectionRules.DaysLate(D(due), D(published)));

    [Theory]
    [InlineData(2026, 1, "2026-01-01", "2026-03-31")]
    [InlineData(2026, 2, "2026-04-01", "2026-06-30")]
    [InlineData(2024, 1, "2024-01-01", "2024-03-31")]
    [InlineData(2026, 4, "2026-10-01", "2026-12-31")]
    public void A_quarter_runs_from_its_first_to_its_last_day(int year, int quarter, string from, string to)
        => Assert.Equal((D(from), D(to)), InspectionRules.Quarter(year, quarter));

    [Theory]
    [InlineData(2026, 4, "")]
    [InlineData(2027, 1, "year")]
    [InlineData(1999, 1, "year")]
    [InlineData(2026, 0, "quarter")]
    [InlineData(2026, 5, "quarter")]
    [InlineData(null, null, "year,quarter")]
    public void A_period_outside_the_years_or_quarters_is_refused_naming_the_field(int? year, int? quarter, string fields)
        => Assert.Equal(fields, string.Join(",", InspectionRules.ValidatePeriod(year, quarter, 2026).Items.Select(e => e.Field)));

    [Theory]
    // due, published, agency rate, flagged
    [InlineData(5, 3, "0.95", true)]    // 60 % against 95 %
    [InlineData(5, 4, "0.95", false)]   // 80 % is not below the threshold
    [InlineData(4, 3, "0.95", true)]    // 75 %, 20 points under
    [InlineData(4, 3, "0.90", false)]   // 75 % but only 15 points under the agency
    [InlineData(5, 1, "0.30", false)]   // the whole agency is as bad: no unit is singled out
    [InlineData(1, 0, "1.00", false)]   // one owed item is not a pattern
    [InlineData(2, 0, "0.90", true)]
    public void A_unit_is_flagged_for_selective_publication_when_well_below_its_agency(int due, int published, string agencyRate, bool flagged)
        => Assert.Equal(flagged, InspectionRules.IsSelective(due, published, decimal.Parse(agencyRate, CultureInfo.InvariantCulture)));

    [Fact]
    public void Rates_count_only_what_was_owed_and_flag_the_unit_that_left_its_penalties_unpublished()
    {
        var today = D("2026-12-01");
        var due = D("2026-10-20");
        var tasks = new List<DecisionTask>();
        // Unit 1 publishes all ten of its licences; unit 2 only one of its four penalties; one of unit 2's is withheld lawfully.
        for (int i = 0; i < 10; i++) tasks.Add(new DecisionTask(1, CaseCategory.Licensing, due, due, false));
        tasks.Add(new DecisionTask(2, CaseCategory.Penalty, due, due.AddDays(2), false));
        for (int i = 0; i < 3; i++) tasks.Add(new DecisionTask(2, CaseCategory.Penalty, due, null, false));
        tasks.Add(new DecisionTask(2, CaseCategory.Penalty, due, null, true));
        tasks.Add(new DecisionTask(2, CaseCategory.Inspection, D("2026-12-20"), null, false)); // not yet due

        var (agency, groups) = InspectionRules.Rates(tasks, today);

        Assert.Equal(0.7857m, agency); // 11 of 14
        Assert.Equal([(1, CaseCategory.Licensing, 10, 10, false), (2, CaseCategory.Penalty, 4, 1, true)],
            groups.Select(g => (g.UnitId!.Value, g.Category!.Value, g.Due, g.Published, g.Flagged)));
    }
}
