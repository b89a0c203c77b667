using Zhifa.Domain.Retention;

namespace Zhifa.Domain.Tests.Retention;

public sealed class RetentionPolicyTests
{
    private static readonly RetentionPolicy Policy = new();
    private static readonly DateOnly Recorded = new(2026, 3, 1);
    private static readonly DateOnly Closed = new(2026, 5, 10);

    private static RetentionFacts Facts(RetentionClass c, DateOnly? closed, params LegalHoldFacts[] holds) => new(c, Recorded, closed, holds);

    [Fact]
    public void Nothing_of_an_open_case_expires()
        => Assert.False(Policy.Decide(Facts(RetentionClass.Other, null), new DateOnly(2040, 1, 1)).ExpiredOn(new DateOnly(2040, 1, 1)));

    [Fact]
    public void Other_records_are_kept_six_months_and_expire_the_day_after()
    {
        var d = Policy.Decide(Facts(RetentionClass.Other, Closed), new DateOnly(2026, 9, 2));
        Assert.Equal(new DateOnly(2026, 9, 1), d.KeepUntil);
        Assert.False(d.ExpiredOn(new DateOnly(2026, 9, 1)));
        Assert.True(d.ExpiredOn(new DateOnly(2026, 9, 2)));
    }

    [Fact]
    public void Evidence_is_kept_as_long_as_the_case_file()
        => Assert.Equal(new DateOnly(2056, 5, 10), Policy.Decide(Facts(RetentionClass.Evidence, Closed), Closed).KeepUntil);

    [Fact]
    public void The_longest_rule_wins_when_the_minimum_outlasts_a_short_case_file_period()
        => Assert.Equal(Recorded.AddMonths(6), new RetentionPolicy(CaseFileYears: 0).Decide(Facts(RetentionClass.Evidence, Closed), Closed).KeepUntil);

    [Theory]
    [InlineData(HoldReason.ObjectionOrComplaint)]
    [InlineData(HoldReason.ObstructionOrViolence)]
    [InlineData(HoldReason.MassIncidentOrEmergency)]
    [InlineData(HoldReason.Other)]
    public void An_active_hold_beats_every_rule(HoldReason reason)
    {
        var d = Policy.Decide(Facts(RetentionClass.Other, Closed, new LegalHoldFacts(reason, "", Recorded, null)), new DateOnly(2090, 1, 1));
        Assert.True(d.Held);
        Assert.False(d.ExpiredOn(new DateOnly(2090, 1, 1)));
        Assert.Contains(RetentionPolicy.Label(reason), d.Rule);
    }

    [Fact]
    public void A_released_hold_no_longer_counts()
    {
        var facts = Facts(RetentionClass.Other, Closed, new LegalHoldFacts(HoldReason.Other, "", Recorded, new DateOnly(2026, 10, 1)));
        Assert.True(Policy.Decide(facts, new DateOnly(2026, 10, 2)).ExpiredOn(new DateOnly(2026, 10, 2)));
    }

    [Fact]
    public void A_marked_record_is_deleted_only_after_the_recovery_window()
    {
        var facts = Facts(RetentionClass.Other, Closed);
        var marked = new DateOnly(2026, 9, 5);
        Assert.False(Policy.MayDelete(facts, marked, marked.AddDays(29)));
        Assert.True(Policy.MayDelete(facts, marked, marked.AddDays(30)));
    }

    [Fact]
    public void A_hold_placed_during_the_recovery_window_stops_the_deletion()
    {
        var marked = new DateOnly(2026, 9, 5);
        var facts = Facts(RetentionClass.Other, Closed, new LegalHoldFacts(HoldReason.ObjectionOrComplaint, "复议", marked.AddDays(3), null));
        Assert.False(Policy.MayDelete(facts, marked, marked.AddDays(60)));
    }
}
