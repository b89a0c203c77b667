using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Execution;

namespace Zhifa.Domain.Tests.Execution;

/// <summary>行政强制法第五十四条 with 第六十九条: the court may be asked only after ten working days of the official calendar from the 催告书's service.</summary>
public sealed class EnforcementWindowTests
{
    private static readonly Lazy<WorkingDayCalendar> Real = Calendar.OfficialCalendar.Shared;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The decisions were served early enough for their review and litigation periods to be over when the ten working
    // days end, and late enough for the three months after them still to run.
    private const string DecisionServedInMarch = "2026-03-02";   // remedies over on 2 September 2026, three months to 2 December
    private const string DecisionServedInAugust = "2025-08-01";  // remedies over on 1 February 2026, a Sunday, so on Monday 2 February
    private const string DecisionServedInJanuary = "2026-01-05"; // remedies over on 5 July 2026, a Sunday, so on Monday 6 July; three months to 6 October, in the National Day break, so to 8 October

    [Theory]
    // decision served, demand served, tenth working day, earliest day to apply
    [InlineData(DecisionServedInMarch, "2026-09-28", "2026-10-16", "2026-10-17")] // Monday before National Day: 29, 30 Sept, then 8, 9, 10 (make-up Saturday), 12–16 Oct
    [InlineData(DecisionServedInMarch, "2026-09-24", "2026-10-15", "2026-10-16")] // Mid-Autumn 25–27 Sept and National Day both skipped
    [InlineData(DecisionServedInMarch, "2026-09-30", "2026-10-20", "2026-10-21")] // served on the last day before the break
    [InlineData(DecisionServedInMarch, "2026-10-03", "2026-10-20", "2026-10-21")] // served inside the break: counting starts on the first working day after it
    [InlineData(DecisionServedInAugust, "2026-02-12", "2026-03-04", "2026-03-05")] // Spring Festival 15–23 Feb off, Saturdays 14 and 28 Feb worked
    [InlineData(DecisionServedInJanuary, "2026-07-10", "2026-07-24", "2026-07-25")] // an ordinary fortnight: the earliest day may be a Saturday
    public void The_window_opens_the_day_after_the_tenth_working_day_after_the_demand_was_served(string decision, string demand, string tenth, string earliest)
    {
        var window = EnforcementRules.Window(D(decision), D(demand), Real.Value);
        Assert.Equal(D(tenth), window.DemandPeriodEnds);
        Assert.Equal(D(earliest), window.Opens);
        Assert.Equal(EnforcementRules.DemandPeriodBasis, window.OpensBasis);
        Assert.Equal("行政强制法第五十四条、第六十九条：催告书送达十个工作日后", window.OpensBasis);
    }

    [Fact]
    public void A_demand_served_before_National_Day_is_not_enforceable_eleven_calendar_days_later_and_the_refusal_names_the_earliest_day()
    {
        // Eleven calendar days after 28 September is 9 October; the tenth working day is 16 October.
        var window = EnforcementRules.Window(D(DecisionServedInMarch), D("2026-09-28"), Real.Value);

        foreach (var day in new[] { "2026-10-09", "2026-10-12", "2026-10-16" })
        {
            var refusal = Assert.Single(EnforcementRules.MayApply(D(day), obligationOutstanding: true, window));
            Assert.Equal("demand.ten_days", refusal.Code);
            Assert.Contains("最早为 2026-10-17", refusal.Message);
            Assert.Contains("第十个工作日为 2026-10-16", refusal.Message);
            Assert.Contains("行政强制法第五十四条、第六十九条", refusal.Message);
        }
        Assert.Empty(EnforcementRules.MayApply(D("2026-10-17"), obligationOutstanding: true, window));
        Assert.Empty(EnforcementRules.MayApply(D("2026-10-19"), obligationOutstanding: true, window));
    }

    [Fact]
    public void While_the_remedy_periods_run_the_window_opens_after_them_and_says_so()
    {
        // Demand served 1 June: its ten working days end on 15 June, well before the litigation period ends (moved off
        // Sunday 5 July to Monday 6 July).
        var window = EnforcementRules.Window(D(DecisionServedInJanuary), D("2026-06-01"), Real.Value);
        Assert.Equal(D("2026-06-15"), window.DemandPeriodEnds);
        Assert.Equal(D("2026-07-07"), window.Opens);
        Assert.Equal(EnforcementRules.RemediesBasis, window.OpensBasis);

        var refusal = Assert.Single(EnforcementRules.MayApply(D("2026-06-20"), obligationOutstanding: true, window));
        Assert.Equal("remedies.running", refusal.Code);
        Assert.Contains("最早为 2026-07-07", refusal.Message);
    }

    [Fact]
    public void Without_a_served_demand_the_window_has_no_opening_day_and_its_three_months_still_end_on_time()
    {
        var window = EnforcementRules.Window(D(DecisionServedInJanuary), null, Real.Value);
        Assert.Null(window.Opens);
        Assert.Null(window.DemandPeriodEnds);
        Assert.Null(window.OpensBasis);
        Assert.Equal(D("2026-10-08"), window.Closes);
        Assert.Equal(["demand.not_served"], EnforcementRules.MayApply(D("2026-08-01"), obligationOutstanding: true, window).Select(r => r.Code));
    }
}
