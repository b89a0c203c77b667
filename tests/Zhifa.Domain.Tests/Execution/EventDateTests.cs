using System.Globalization;
using Zhifa.Domain.Common;
using Zhifa.Domain.Execution;

namespace Zhifa.Domain.Tests.Execution;

/// <summary>A date entered for something that happened lies neither in the future nor before what it follows; each refusal names the field and the date allowed.</summary>
public sealed class EventDateTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly DateOnly Today = D("2026-12-20");
    private static readonly PriorDay Served = new("决定书送达之日", D("2026-12-01"));

    [Theory]
    [InlineData("2026-12-01", null)]                             // the day of what it follows
    [InlineData("2026-12-20", null)]                             // today
    [InlineData("2026-12-21", EventDates.InFuture)]              // tomorrow
    [InlineData("2026-11-30", EventDates.BeforePredecessor)]     // the day before what it follows
    public void A_day_is_accepted_from_what_it_follows_up_to_today(string day, string? code)
    {
        var errors = new ValidationErrors().EventDay("paidOn", "缴款日期", D(day), Today, Served).Items;
        Assert.Equal(code is null ? [] : [code], errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Equal("paidOn", e.Field));
    }

    [Fact]
    public void A_refusal_names_the_earliest_day_or_today_in_Chinese()
    {
        var early = Assert.Single(new ValidationErrors().EventDay("paidOn", "缴款日期", D("2026-11-30"), Today, Served).Items);
        Assert.Equal("缴款日期不能早于决定书送达之日：最早为 2026-12-01", early.Message);
        var late = Assert.Single(new ValidationErrors().EventDay("paidOn", "缴款日期", D("2026-12-21"), Today, Served).Items);
        Assert.Equal("缴款日期不能晚于今天（2026-12-20）", late.Message);
    }

    [Theory]
    [InlineData("2026-12-01 09:30:00", null)]                     // the minute the document was made
    [InlineData("2026-12-01 09:29:00", EventDates.BeforePredecessor)]
    [InlineData("2026-12-20 10:04:00", null)]                     // within the clock tolerance
    [InlineData("2026-12-20 10:06:00", EventDates.InFuture)]
    public void A_moment_entered_to_the_minute_is_accepted_from_the_minute_of_what_it_follows_up_to_now(string at, string? code)
    {
        var made = new PriorMoment("文书制作时间", new DateTime(2026, 12, 1, 9, 30, 40));
        var now = new DateTime(2026, 12, 20, 10, 0, 0);
        var errors = new ValidationErrors().EventMoment("servedAt", "送达时间", DateTime.Parse(at, CultureInfo.InvariantCulture), now, made).Items;
        Assert.Equal(code is null ? [] : [code], errors.Select(e => e.Code));
        if (code == EventDates.BeforePredecessor) Assert.Equal("送达时间不能早于文书制作时间：最早为 2026-12-01 09:30", errors[0].Message);
    }

    [Theory]
    [InlineData("2026-12-01", null)]
    [InlineData("2026-11-30", EventDates.BeforePredecessor)]     // after the decision was made, but before it was served
    [InlineData("2026-12-21", EventDates.InFuture)]
    public void A_payment_cannot_be_dated_before_the_decision_was_served_nor_after_today(string paidOn, string? code)
    {
        var errors = PaymentRules.ValidatePayment(100m, D(paidOn), "收据 001", D("2026-12-01"), Today, 1000m).Items;
        Assert.Equal(code is null ? [] : ["paidOn"], errors.Select(e => e.Field));
        Assert.Equal(code is null ? [] : [code], errors.Select(e => e.Code));
        if (code == EventDates.BeforePredecessor) Assert.Contains("最早为 2026-12-01", errors[0].Message);
    }

    [Fact]
    public void A_service_before_its_document_was_made_is_refused_with_the_minute_it_was_made()
    {
        var made = new DateTime(2026, 12, 1, 1, 30, 0, DateTimeKind.Utc); // 09:30 in China
        var facts = new ServiceFacts(ServiceMethod.Direct, "刘某", made.AddHours(-2), "便江镇", null, null, null, null, null, null, null, null);
        var e = Assert.Single(ServiceRules.Validate(facts, new Dictionary<int, DateOnly>(), made, made.AddDays(3), utc => utc.AddHours(8)).Items);
        Assert.Equal(("servedAt", EventDates.BeforePredecessor), (e.Field, e.Code));
        Assert.Equal("送达时间不能早于文书制作时间：最早为 2026-12-01 09:30", e.Message);
    }

    [Fact]
    public void A_court_application_cannot_be_dated_tomorrow_and_its_outcome_not_before_it()
    {
        var future = Assert.Single(EnforcementRules.ValidateApplication(Today.AddDays(1), "永兴县人民法院", null, Today).Items);
        Assert.Equal(("appliedOn", EventDates.InFuture), (future.Field, future.Code));

        var application = new EnforcementApplication { AppliedOn = D("2026-12-10") };
        var early = Assert.Single(EnforcementRules.ValidateOutcome(application, EnforcementOutcome.Enforced, D("2026-12-09"), null, Today).Items);
        Assert.Equal(("outcomeOn", EventDates.BeforePredecessor), (early.Field, early.Code));
        Assert.Contains("最早为 2026-12-10", early.Message);
        Assert.Empty(EnforcementRules.ValidateOutcome(application, EnforcementOutcome.Enforced, D("2026-12-10"), null, Today).Items);
    }

    [Fact]
    public void A_written_consent_to_electronic_service_cannot_be_signed_tomorrow()
    {
        var e = Assert.Single(ServiceRules.ValidateConsent("刘某", "liu@example.cn", Today.AddDays(1), Today).Items);
        Assert.Equal(("signedOn", EventDates.InFuture), (e.Field, e.Code));
    }
}
