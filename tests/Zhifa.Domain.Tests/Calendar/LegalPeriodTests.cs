using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Execution;

namespace Zhifa.Domain.Tests.Calendar;

/// <summary>Calendar-day periods: counted from the next day, and moved off a rest day where the party must keep them.</summary>
public sealed class LegalPeriodTests
{
    private static WorkingDayCalendar Calendar => OfficialCalendar.Shared.Value;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void A_fine_served_on_4_December_2026_is_due_on_Monday_21_December_not_on_the_Saturday()
    {
        var due = PaymentRules.DueOn(D("2026-12-04"), Calendar);

        Assert.Equal(D("2026-12-19"), due.Unmoved);
        Assert.Equal(D("2026-12-21"), due.Last);
        Assert.True(due.Moved);
        Assert.Equal("届满日2026年12月19日为休息日，顺延至2026年12月21日（民法典第二百零三条）", due.MoveNote);
        Assert.Contains("行政处罚法第六十七条", due.Basis);
        Assert.Contains("（自然日）", due.Basis);
        Assert.False(due.CalendarEstimated);
    }

    [Fact]
    public void The_late_fee_starts_only_after_the_moved_due_day()
    {
        var due = PaymentRules.DueOn(D("2026-12-04"), Calendar).Last;
        var schedule = new[] { new Instalment(due, 1000m) };

        var paidMonday = PaymentRules.Position(1000m, schedule, [new Paid(D("2026-12-21"), 1000m)], D("2026-12-31"));
        var unpaidTuesday = PaymentRules.Position(1000m, schedule, [], D("2026-12-22"));

        Assert.Equal(0m, paidMonday.LateFee);
        Assert.True(paidMonday.PaidInFull);
        Assert.Equal(30m, unpaidTuesday.LateFee);
        Assert.Equal(1, unpaidTuesday.DaysOverdue);
    }

    [Theory]
    [InlineData("2026-09-16", "2026-10-01", "2026-10-08")] // day 15 is National Day: moved past the break (1–7 October)
    [InlineData("2026-01-31", "2026-02-15", "2026-02-24")] // day 15 is in the Spring Festival break (15–23 February)
    [InlineData("2026-09-25", "2026-10-10", "2026-10-10")] // day 15 is a make-up Saturday, a working day: not moved
    [InlineData("2026-12-02", "2026-12-17", "2026-12-17")] // an ordinary Thursday
    public void A_last_day_on_a_holiday_moves_to_the_first_working_day_after_it(string served, string unmoved, string last)
    {
        var due = LegalPeriods.FinePayment.EndFrom(D(served), Calendar);

        Assert.Equal(D(unmoved), due.Unmoved);
        Assert.Equal(D(last), due.Last);
        Assert.Equal(due.Unmoved != due.Last, due.MoveNote is not null);
    }

    [Theory]
    [InlineData("2026-12-17", "2027-01-01", "2027-01-04")] // 元旦 2027, estimated: moved past the weekend to Monday
    [InlineData("2027-01-21", "2027-02-05", "2027-02-09")] // 除夕 2027 and 初一 to 初三, estimated
    [InlineData("2027-02-23", "2027-03-10", "2027-03-10")] // an ordinary Wednesday of 2027, still only estimated
    public void A_last_day_in_2027_is_checked_against_the_estimated_holidays_and_says_so(string served, string unmoved, string last)
    {
        var due = LegalPeriods.FinePayment.EndFrom(D(served), Calendar);

        Assert.Equal(D(unmoved), due.Unmoved);
        Assert.Equal(D(last), due.Last);
        Assert.True(due.CalendarEstimated);
        Assert.Equal("2027年国务院放假通知尚未载入，法定节假日按《全国年节及纪念日放假办法》推算，调休未计", due.CalendarNote);
    }

    [Fact]
    public void Six_months_from_31_August_end_on_the_last_day_of_February_and_then_move_off_the_Sunday()
    {
        var end = EnforcementRules.LitigationEnds(D("2026-08-31"), Calendar);

        Assert.Equal(D("2027-02-28"), end.Unmoved);
        Assert.Equal(D("2027-03-01"), end.Last);
        Assert.Contains("行政诉讼法第四十六条", end.Basis);
        Assert.Contains("民事诉讼法第八十五条", end.MoveNote);
    }

    [Fact]
    public void Sixty_days_for_review_ending_on_a_Saturday_move_to_Monday()
    {
        var end = EnforcementRules.ReconsiderationEnds(D("2026-10-20"), Calendar);

        Assert.Equal(D("2026-12-19"), end.Unmoved);
        Assert.Equal(D("2026-12-21"), end.Last);
    }

    [Fact]
    public void A_seizure_ending_on_a_Saturday_does_not_move_because_it_binds_the_agency()
    {
        var start = D("2026-11-19");

        Assert.Equal(D("2026-12-19"), CaseDeadlines.SeizureEnds(start));
        Assert.Equal(D("2027-01-18"), CaseDeadlines.SeizureEnds(start, 30));
        var end = LegalPeriods.Seizure.EndFrom(start, Calendar);
        Assert.False(end.Moved);
        Assert.False(end.CalendarEstimated);
        Assert.False(LegalPeriods.Seizure.MovesOffRestDay);
        Assert.Contains("不顺延", LegalPeriods.Seizure.RestDayReason);
    }

    [Fact]
    public void The_ninety_day_decision_limit_ending_on_a_Saturday_does_not_move_and_extensions_add_calendar_days()
    {
        Assert.Equal(D("2026-12-19"), CaseDeadlines.PenaltyDecisionDue(D("2026-09-20")));
        Assert.Equal(D("2027-01-18"), CaseDeadlines.PenaltyDecisionDue(D("2026-09-20"), 30));
        Assert.False(LegalPeriods.PenaltyDecision.MovesOffRestDay);
    }

    [Fact]
    public void A_period_that_moves_cannot_be_computed_without_the_calendar()
    {
        Assert.Throws<InvalidOperationException>(() => LegalPeriods.FinePayment.LastDay(D("2026-12-04")));
        Assert.Throws<InvalidOperationException>(() => LegalPeriods.DemandWait.LastDay(D("2026-12-04")));
    }

    [Fact]
    public void Every_period_names_its_source_its_count_and_its_rest_day_rule()
    {
        LegalPeriod[] all =
        [
            LegalPeriods.FinePayment, LegalPeriods.Reconsideration, LegalPeriods.Litigation, LegalPeriods.CourtEnforcementApplication,
            LegalPeriods.DemandWait, LegalPeriods.Seizure, LegalPeriods.PenaltyDecision, LegalPeriods.AnnouncedService(30),
            LegalPeriods.Prescription(false), LegalPeriods.Prescription(true),
        ];
        Assert.All(all, p =>
        {
            Assert.Matches("第.+条", p.Source);
            Assert.False(string.IsNullOrWhiteSpace(p.RestDayRule));
            if (p.Unit == PeriodUnit.WorkingDays) Assert.Contains("工作日", p.RestDayReason);
            else if (p.MovesOffRestDay) Assert.DoesNotContain("不顺延", p.RestDayReason);
            else Assert.Contains("不顺延", p.RestDayReason);
        });
        Assert.Equal("工作日", LegalPeriods.DemandWait.CountLabel);
        Assert.Equal("自然日", LegalPeriods.Litigation.CountLabel);
    }

    [Fact]
    public void The_court_application_waits_ten_working_days_after_the_demand_not_ten_calendar_days()
    {
        // 行政强制法第六十九条: the ten days of art. 54 are working days. Demand served Friday 25 September 2026:
        // the National Day break (1–7 October) does not count, the make-up Saturday 10 October does.
        var window = EnforcementRules.Window(D("2026-01-05"), D("2026-09-25"), Calendar);

        Assert.Equal(D("2026-10-15"), window.DemandPeriodEnds);
        Assert.Equal(D("2026-10-16"), window.Opens);
        Assert.Equal(["demand.ten_days"], EnforcementRules.MayApply(D("2026-10-06"), true, window).Select(r => r.Code)); // eleven calendar days
    }

    [Fact]
    public void Prescription_and_announced_service_keep_their_calendar_ends()
    {
        Assert.True(CaseOpeningRules.IsTimeBarred(D("2024-02-29"), false, D("2026-03-01")));
        Assert.False(CaseOpeningRules.IsTimeBarred(D("2024-02-29"), false, D("2026-02-28"))); // no 29 February: the month's last day
        Assert.Equal(D("2026-12-31"), ServiceRules.EffectiveOn(ServiceMethod.Announcement, D("2026-12-01"), 30));
    }
}
