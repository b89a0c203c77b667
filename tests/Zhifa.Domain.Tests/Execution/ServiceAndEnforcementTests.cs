using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Execution;

namespace Zhifa.Domain.Tests.Execution;

/// <summary>LAW-5 art. 61, LAW-8, LAW-9: service within 7 working days, what each method needs, remedies and the court window.</summary>
public sealed class ServiceAndEnforcementTests
{
    private static readonly Lazy<WorkingDayCalendar> Real = Calendar.OfficialCalendar.Shared;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly AddWorkingDays(DateOnly from, int days) => Real.Value.AddWorkingDays(from, days).Date;

    [Theory]
    [InlineData("2026-03-02", "2026-03-11")] // an ordinary week: Monday + 7 working days
    [InlineData("2026-09-30", "2026-10-15")] // National Day: 1–7 October off, Saturday 10 October worked
    [InlineData("2026-09-24", "2026-10-12")] // Mid-Autumn 25–27 September and National Day both skipped, make-up Saturday 10 October worked
    [InlineData("2026-02-12", "2026-02-28")] // Spring Festival 15–23 February off, make-up Saturdays 14 and 28 February worked
    [InlineData("2026-02-16", "2026-03-03")] // decided inside the Spring Festival break
    [InlineData("2026-04-30", "2026-05-13")] // Labour Day 1–5 May off, make-up Saturday 9 May worked
    public void The_decision_is_served_within_seven_working_days_across_holiday_weeks(string decided, string due)
        => Assert.Equal(D(due), ServiceRules.DecisionServiceDue(D(decided), AddWorkingDays));

    [Theory]
    [InlineData(ServiceMethod.Direct, "2026-12-01", 0, "2026-12-01")]
    [InlineData(ServiceMethod.Post, "2026-12-01", 0, "2026-12-01")]
    [InlineData(ServiceMethod.Announcement, "2026-12-01", 30, "2026-12-31")]
    [InlineData(ServiceMethod.Announcement, "2026-12-15", 30, "2027-01-14")]
    public void An_announced_service_counts_once_the_announcement_period_has_passed(ServiceMethod method, string day, int announcementDays, string effective)
        => Assert.Equal(D(effective), ServiceRules.EffectiveOn(method, D(day), announcementDays));

    private static readonly DateTime Decided = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);
    private static DateTime China(DateTime utc) => utc.AddHours(8);

    public static TheoryData<ServiceFacts, string[]> Services => new()
    {
        { new(ServiceMethod.Direct, "刘某", Now.AddHours(-1), "便江镇", null, null, null, null, null, null, null, null), [] },
        { new(ServiceMethod.Direct, "", Now.AddHours(-1), "", null, null, null, null, null, null, null, null), ["recipient", "place"] },
        { new(ServiceMethod.Left, "刘某", Now.AddHours(-1), "便江镇", "", "", null, null, null, null, null, null), ["witnesses", "leftReason"] },
        { new(ServiceMethod.Left, "刘某", Now.AddHours(-1), "便江镇", "村委会主任王某", "拒绝签收", null, null, null, null, null, null), [] },
        { new(ServiceMethod.Post, "刘某", Now.AddHours(-1), null, null, null, "", null, null, null, null, null), ["trackingNumber"] },
        { new(ServiceMethod.Announcement, "刘某", Now.AddHours(-1), null, null, null, null, "", 0, null, null, null), ["announcementWhere", "announcementDays"] },
        { new(ServiceMethod.Electronic, "刘某", Now.AddHours(-1), null, null, null, null, null, null, null, "liu@example.cn", null), ["consentId"] },
        { new(ServiceMethod.Electronic, "刘某", Now.AddHours(-1), null, null, null, null, null, null, 7, "liu@example.cn", null), [] },
        { new(ServiceMethod.Electronic, "刘某", Now.AddHours(-1), null, null, null, null, null, null, 8, "liu@example.cn", null), ["consentId"] }, // consent signed after
        { new(ServiceMethod.Entrusted, "刘某", Now.AddHours(-1), null, null, null, null, null, null, null, null, ""), ["intermediary"] },
        { new(ServiceMethod.Direct, "刘某", Now.AddDays(1), "便江镇", null, null, null, null, null, null, null, null), ["servedAt"] },
        { new(ServiceMethod.Direct, "刘某", Decided.AddDays(-1), "便江镇", null, null, null, null, null, null, null, null), ["servedAt"] },
        { new(null, "刘某", Now, "便江镇", null, null, null, null, null, null, null, null), ["method"] },
    };

    [Theory]
    [InlineData(0, true)]
    [InlineData(-20, true)]
    [InlineData(-41, false)]
    public void A_service_entered_to_the_minute_counts_from_the_minute_the_document_was_made(int secondsFromDocument, bool accepted)
    {
        var made = new DateTime(2026, 12, 1, 1, 0, 40, DateTimeKind.Utc);
        var facts = new ServiceFacts(ServiceMethod.Direct, "刘某", made.AddSeconds(secondsFromDocument), "便江镇", null, null, null, null, null, null, null, null);
        Assert.Equal(accepted, !ServiceRules.Validate(facts, new Dictionary<int, DateOnly>(), made, Now, China).Any);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Each_method_of_service_needs_its_own_proof_and_electronic_service_needs_prior_written_consent(ServiceFacts facts, string[] fields)
    {
        var consents = new Dictionary<int, DateOnly> { [7] = D("2026-12-01"), [8] = D("2026-12-05") };
        Assert.Equal(fields, ServiceRules.Validate(facts, consents, Decided, Now, China).Items.Select(e => e.Field));
    }

    [Theory]
    [InlineData("2026-12-01", "2027-02-01", "2027-06-01")] // day 60 is Saturday 30 January 2027: moved to Monday
    [InlineData("2026-08-31", "2026-10-30", "2027-03-01")] // six months from 31 August end on 28 February 2027, a Sunday: moved to Monday
    [InlineData("2026-03-02", "2026-05-06", "2026-09-02")] // day 60 is 1 May, inside the Labour Day break (1–5 May): moved to 6 May
    public void The_remedy_periods_run_sixty_days_and_six_months_from_service_and_a_rest_day_at_the_end_moves_them(string served, string reconsideration, string litigation)
    {
        Assert.Equal(D(reconsideration), EnforcementRules.ReconsiderationEnds(D(served), Real.Value).Last);
        Assert.Equal(D(litigation), EnforcementRules.LitigationEnds(D(served), Real.Value).Last);
    }

    [Theory]
    // decision served, demand served, day of application, refusal codes. Litigation ends on Sunday 5 July 2026, moved
    // to Monday 6 July; three months later is 6 October, inside the National Day break (1–7 October), moved to 8 October.
    [InlineData("2026-01-05", null, "2026-08-01", new[] { "demand.not_served" })]
    [InlineData("2026-01-05", "2026-07-10", "2026-07-15", new[] { "demand.ten_days" })]               // only three working days after the demand
    [InlineData("2026-01-05", "2026-07-10", "2026-07-21", new[] { "demand.ten_days" })]               // eleven calendar days are not ten working days
    [InlineData("2026-01-05", "2026-07-10", "2026-07-24", new[] { "demand.ten_days" })]               // the tenth working day itself is not yet “after ten days”
    [InlineData("2026-01-05", "2026-07-10", "2026-07-25", new string[0])]
    [InlineData("2026-01-05", "2026-02-01", "2026-07-06", new[] { "remedies.running" })]              // the moved last day of the litigation period
    [InlineData("2026-01-05", "2026-02-01", "2026-07-07", new string[0])]
    [InlineData("2026-01-05", "2026-02-01", "2026-10-08", new string[0])]                              // the moved last day of the three months
    [InlineData("2026-01-05", "2026-02-01", "2026-10-09", new[] { "window.closed" })]
    public void Court_enforcement_waits_ten_working_days_after_the_demand_and_the_remedy_periods_then_runs_three_months(string served, string? demand, string day, string[] codes)
    {
        var window = EnforcementRules.Window(D(served), demand is null ? null : D(demand), Real.Value);
        Assert.Equal(D("2026-07-06"), window.RemediesEnd);
        Assert.Equal(D("2026-10-08"), window.Closes);
        Assert.Equal(codes, EnforcementRules.MayApply(D(day), obligationOutstanding: true, window).Select(r => r.Code));
    }

    [Fact]
    public void A_demand_comes_only_after_the_payment_is_overdue_and_nothing_is_enforced_once_paid()
    {
        Assert.Equal("payment.not_overdue", EnforcementRules.MayDemand(false)?.Code);
        Assert.Null(EnforcementRules.MayDemand(true));
        var window = EnforcementRules.Window(D("2026-01-05"), D("2026-02-01"), Real.Value);
        Assert.Equal(["payment.nothing_outstanding"], EnforcementRules.MayApply(D("2026-08-01"), obligationOutstanding: false, window).Select(r => r.Code));
    }

    public static TheoryData<bool, PaymentPosition?, bool, bool, string[]> Closures => new()
    {
        { false, null, false, true, [] },                                           // no fine: nothing to pay
        { false, null, false, false, ["closing_report.missing"] },
        { true, PaymentRules.Position(1000m, [new(D("2026-12-16"), 1000m)], [new(D("2026-12-10"), 1000m)], D("2026-12-20")), false, true, [] },
        { true, PaymentRules.Position(1000m, [new(D("2026-12-16"), 1000m)], [new(D("2026-12-10"), 400m)], D("2026-12-20")), false, true, ["execution.unpaid"] },
        { true, PaymentRules.Position(1000m, [new(D("2026-12-16"), 1000m)], [], D("2026-12-20")), true, true, [] },  // enforced through the court
        { true, null, false, false, ["execution.unpaid", "closing_report.missing"] },
    };

    [Theory]
    [MemberData(nameof(Closures))]
    public void A_case_closes_once_paid_in_full_or_enforced_or_when_nothing_was_to_be_paid_and_its_closing_report_is_made(
        bool paymentRequired, PaymentPosition? position, bool enforced, bool report, string[] codes)
        => Assert.Equal(codes, ClosureRules.Unmet(paymentRequired, position, enforced, report).Select(r => r.Code));

    [Fact]
    public void The_state_machine_refuses_service_without_a_service_record_and_closure_while_execution_is_incomplete()
    {
        foreach (var procedure in new[] { CaseProcedure.General, CaseProcedure.Simple })
        {
            var decided = Cases.CaseFactsExamples.Ready(CaseCategory.Penalty, procedure, CaseSteps.Decided) with { DecisionServed = false };
            Assert.Equal("service.decision_not_served", Assert.Single(CaseStateMachine.Check(decided, CaseSteps.Served).Unmet).Code);
            Assert.True(CaseStateMachine.Check(decided with { DecisionServed = true }, CaseSteps.Served).IsAllowed);

            var executed = Cases.CaseFactsExamples.Ready(CaseCategory.Penalty, procedure, CaseSteps.Executed) with { ExecutionIncomplete = "尚未制作结案报告" };
            var unmet = Assert.Single(CaseStateMachine.Check(executed, CaseSteps.Closed).Unmet);
            Assert.Equal("execution.incomplete", unmet.Code);
            Assert.Contains("尚未制作结案报告", unmet.Message);
        }
    }

    [Fact]
    public void An_extension_of_the_decision_limit_names_its_days_and_reason()
    {
        Assert.Empty(DecisionLimitExtension.Validate(30, "案情复杂").Items);
        Assert.Equal(["reason", "days"], DecisionLimitExtension.Validate(0, " ").Items.Select(e => e.Field));
        Assert.Equal(["days"], DecisionLimitExtension.Validate(null, "案情复杂").Items.Select(e => e.Field));
    }
}
