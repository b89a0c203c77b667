using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;

namespace Zhifa.Domain.Tests.Discretion;

/// <summary>DIS-2: the tier and range recommended from the recorded circumstances, and when a proposal departs from them.</summary>
public sealed class DiscretionAdvisorTests
{
    private const string Minor = "卫生检测项目缺项一项，未造成危害后果的";
    private const string Usual = "未按规定进行卫生检测的";
    private const string Repeated = "经责令限期改正逾期仍未改正的";
    private const string Light = "检测报告过期不满一个月的";
    private static readonly string First = StatutoryCircumstance.FirstViolation.Text;
    private static readonly string Confessed = StatutoryCircumstance.All.Single(s => s.Code == "confessed").Text;
    private static readonly string Emergency = StatutoryCircumstance.All.Single(s => s.Code == "emergency").Text;

    private static DiscretionGrade Grade(int order, DiscretionTier tier, string circumstances, decimal? min = null, decimal? max = null, bool warning = true,
        decimal? cmin = null, decimal? cmax = null, decimal? tmin = null, decimal? tmax = null)
        => new()
        {
            Order = order, Tier = tier, Circumstances = circumstances, Warning = warning, FineMinYuan = min, FineMaxYuan = max,
            CitizenFineMinYuan = cmin, CitizenFineMaxYuan = cmax, GainsMultipleMin = tmin, GainsMultipleMax = tmax,
        };

    /// <summary>Shaped like the demo's 卫生检测 benchmark: no penalty, warning only, 500–1000, 1000–2000.</summary>
    private static DiscretionBenchmark Hygiene(bool withLighter = true)
    {
        var b = new DiscretionBenchmark { Behaviour = "未按规定进行卫生检测" };
        b.Grades.Add(Grade(1, DiscretionTier.NoPenalty, Minor, warning: false));
        if (withLighter) b.Grades.Add(Grade(2, DiscretionTier.Lighter, Light, 0, 0));
        b.Grades.Add(Grade(3, DiscretionTier.Ordinary, Usual, 500, 1000));
        b.Grades.Add(Grade(4, DiscretionTier.Heavier, Repeated, 1000, 2000));
        return b;
    }

    private static readonly PartyKind[] Company = [PartyKind.LegalPerson];

    public static TheoryData<string[], bool, DiscretionTier, DecisionOutcome, decimal?, decimal?> Cases => new()
    {
        // Nothing recorded: the ordinary grade.
        { [], true, DiscretionTier.Ordinary, DecisionOutcome.Penalty, 500, 1000 },
        { [Usual], true, DiscretionTier.Ordinary, DecisionOutcome.Penalty, 500, 1000 },
        // An aggravating circumstance of the benchmark leads to its grade; the heaviest matched grade wins.
        { [Usual, Repeated], true, DiscretionTier.Heavier, DecisionOutcome.Penalty, 1000, 2000 },
        // 首违不罚 (art. 33) recommends no penalty whatever else is recorded.
        { [First, Repeated], true, DiscretionTier.NoPenalty, DecisionOutcome.FirstViolationNoPenalty, 0, 0 },
        // The benchmark's own no-penalty circumstance.
        { [Minor], true, DiscretionTier.NoPenalty, DecisionOutcome.NoPenalty, 0, 0 },
        // A statutory mitigating circumstance moves to the benchmark's lighter grade …
        { [Usual, Confessed], true, DiscretionTier.Lighter, DecisionOutcome.Penalty, 0, 0 },
        // … or, without one, stays in the base grade's range with the tier 从轻.
        { [Usual, Confessed], false, DiscretionTier.Lighter, DecisionOutcome.Penalty, 500, 1000 },
        // Art. 49 aggravates to the heavier grade.
        { [Usual, Emergency], true, DiscretionTier.Heavier, DecisionOutcome.Penalty, 1000, 2000 },
        // Both: the base grade, for the handler to weigh.
        { [Repeated, Confessed, Emergency], true, DiscretionTier.Heavier, DecisionOutcome.Penalty, 1000, 2000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_recorded_circumstances_lead_to_a_tier_and_range(string[] recorded, bool withLighter, DiscretionTier tier, DecisionOutcome outcome, decimal? min, decimal? max)
    {
        var r = DiscretionAdvisor.Recommend(Hygiene(withLighter), recorded, Company, null);
        Assert.Equal(tier, r.Tier);
        Assert.Equal(outcome, r.Outcome);
        Assert.Equal((min, max), (r.FineMinYuan, r.FineMaxYuan));
        Assert.NotEmpty(r.Reasons);
    }

    [Fact]
    public void Circumstances_pointing_both_ways_support_every_tier_in_between_them()
    {
        var r = DiscretionAdvisor.Recommend(Hygiene(), [Usual, Confessed, Emergency], Company, null);
        Assert.Equal([DiscretionTier.Mitigated, DiscretionTier.Lighter, DiscretionTier.Ordinary, DiscretionTier.Heavier], r.SupportedTiers);
    }

    [Theory]
    [InlineData(PartyKind.NaturalPerson, 50, 500)]
    [InlineData(PartyKind.IndividualBusiness, 50, 500)]
    [InlineData(PartyKind.LegalPerson, 500, 10000)]
    public void A_grade_with_a_citizen_range_applies_it_to_citizens_only(PartyKind party, int min, int max)
    {
        var b = new DiscretionBenchmark { Grades = [Grade(1, DiscretionTier.Ordinary, "逾期未改正的", 500, 10000, cmin: 50, cmax: 500)] };
        var r = DiscretionAdvisor.Recommend(b, [], [party], null);
        Assert.Equal(((decimal?)min, (decimal?)max), (r.FineMinYuan, r.FineMaxYuan));
    }

    [Fact]
    public void A_multiple_of_illegal_gains_becomes_yuan_once_the_gains_are_known()
    {
        var b = new DiscretionBenchmark { Grades = [Grade(1, DiscretionTier.Ordinary, "违法所得在五千元以上的", tmin: 2, tmax: 5, warning: false)] };
        var known = DiscretionAdvisor.Recommend(b, [], Company, 6000);
        Assert.Equal((12000m, 30000m), (known.FineMinYuan!.Value, known.FineMaxYuan!.Value));
        var unknown = DiscretionAdvisor.Recommend(b, [], Company, null);
        Assert.Null(unknown.FineMaxYuan);
        Assert.Contains(unknown.Reasons, x => x.Contains("违法所得", StringComparison.Ordinal));
        Assert.Empty(DiscretionAdvisor.Deviations(unknown, DecisionOutcome.Penalty, DiscretionTier.Ordinary, 1_000_000));
    }

    [Fact]
    public void Without_a_benchmark_only_the_statutory_circumstances_count()
    {
        var none = DiscretionAdvisor.Recommend(null, [], Company, null);
        Assert.False(none.HasBenchmark);
        Assert.Null(none.FineMaxYuan);
        Assert.Equal(DiscretionTier.NoPenalty, DiscretionAdvisor.Recommend(null, [First], Company, null).Tier);
    }

    public static TheoryData<string[], DecisionOutcome, DiscretionTier?, decimal?, string?> Departures => new()
    {
        { [Usual], DecisionOutcome.Penalty, DiscretionTier.Ordinary, 800, null },
        { [Usual], DecisionOutcome.Penalty, DiscretionTier.Ordinary, 500, null },
        { [Usual], DecisionOutcome.Penalty, DiscretionTier.Ordinary, 1000, null },
        { [Usual], DecisionOutcome.Penalty, DiscretionTier.Ordinary, 1500, "高于推荐幅度 500–1000 元" },
        { [Usual], DecisionOutcome.Penalty, DiscretionTier.Ordinary, 300, "低于推荐幅度" },
        // A warning alone where the grade asks for a fine is below the range.
        { [Usual], DecisionOutcome.Penalty, DiscretionTier.Ordinary, null, "未拟罚款" },
        { [Usual], DecisionOutcome.Penalty, DiscretionTier.Heavier, 900, "不是所记录情节支持的阶次" },
        { [First], DecisionOutcome.Penalty, DiscretionTier.Ordinary, 800, "推荐不予处罚" },
        { [First], DecisionOutcome.FirstViolationNoPenalty, null, null, null },
        { [Usual], DecisionOutcome.NoPenalty, null, null, "不支持不予处罚" },
        { [Usual], DecisionOutcome.Other, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Departures))]
    public void A_proposal_outside_the_recommendation_is_a_departure_that_names_itself(string[] recorded, DecisionOutcome outcome, DiscretionTier? tier, decimal? fine, string? expected)
    {
        var r = DiscretionAdvisor.Recommend(Hygiene(), recorded, Company, null);
        var d = DiscretionAdvisor.Deviations(r, outcome, tier, fine);
        if (expected is null) Assert.Empty(d);
        else Assert.Contains(expected, Assert.Single(d), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mitigated_penalty_may_go_below_the_range_when_the_circumstances_allow_mitigation()
    {
        var r = DiscretionAdvisor.Recommend(Hygiene(withLighter: false), [Usual, Confessed], Company, null);
        Assert.Empty(DiscretionAdvisor.Deviations(r, DecisionOutcome.Penalty, DiscretionTier.Mitigated, 200));
        Assert.NotEmpty(DiscretionAdvisor.Deviations(r, DecisionOutcome.Penalty, DiscretionTier.Lighter, 200));
        Assert.NotEmpty(DiscretionAdvisor.Deviations(r, DecisionOutcome.Penalty, DiscretionTier.Mitigated, 1200));
    }
}
