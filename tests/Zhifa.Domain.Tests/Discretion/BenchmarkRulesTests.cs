using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;

namespace Zhifa.Domain.Tests.Discretion;

public sealed class BenchmarkRulesTests
{
    private static DiscretionGrade G(DiscretionTier tier, string circumstances, decimal? min = null, decimal? max = null, bool warning = false)
        => new() { Tier = tier, Circumstances = circumstances, FineMinYuan = min, FineMaxYuan = max, Warning = warning };

    public static TheoryData<DiscretionGrade[], string, string> Wrong => new()
    {
        { [], "grades", "required" },
        { [G(DiscretionTier.Ordinary, "")], "grades[0].circumstances", "required" },
        { [G(DiscretionTier.Heavier, "甲"), G(DiscretionTier.Ordinary, "乙")], "grades[1].tier", "order" },
        { [G(DiscretionTier.Ordinary, "甲"), G(DiscretionTier.Heavier, "甲")], "grades[1].circumstances", "duplicate" },
        { [G(DiscretionTier.Ordinary, "甲", 2000, 1000)], "grades[0].fineMaxYuan", "out_of_range" },
        { [G(DiscretionTier.Ordinary, "甲", -1, 1000)], "grades[0].fineMaxYuan", "out_of_range" },
        { [G(DiscretionTier.Ordinary, "甲", 500, null)], "grades[0].fineMaxYuan", "required" },
        { [G(DiscretionTier.NoPenalty, "甲", 0, 100)], "grades[0].tier", "no_penalty_with_penalty" },
        { [G(DiscretionTier.NoPenalty, "甲", warning: true)], "grades[0].tier", "no_penalty_with_penalty" },
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public void A_wrong_benchmark_names_the_field_and_the_reason(DiscretionGrade[] grades, string field, string code)
    {
        var errors = DiscretionRules.Validate("违法行为", "", "", grades);
        Assert.Contains(errors.Items, e => e.Field == field && e.Code == code);
    }

    [Fact]
    public void A_benchmark_from_no_penalty_to_heavier_is_valid()
        => Assert.False(DiscretionRules.Validate("违法行为", "", "", [G(DiscretionTier.NoPenalty, "甲"), G(DiscretionTier.Ordinary, "乙", 0, 100, true), G(DiscretionTier.Heavier, "丙\n丁", 100, 200)]).Any);

    [Theory]
    [InlineData("Lighter", DiscretionTier.Lighter)]
    [InlineData("从轻", DiscretionTier.Lighter)]
    [InlineData("从轻处罚", DiscretionTier.Lighter)]
    [InlineData("一般", DiscretionTier.Ordinary)]
    [InlineData("不予处罚", DiscretionTier.NoPenalty)]
    [InlineData("减轻", DiscretionTier.Mitigated)]
    [InlineData("heavier", DiscretionTier.Heavier)]
    public void Tiers_are_read_by_name_and_by_label(string text, DiscretionTier tier) => Assert.Equal(tier, DiscretionRules.ParseTier(text));

    [Theory]
    [InlineData(CaseProcedure.General, CaseSteps.Statement, false)]
    [InlineData(CaseProcedure.General, CaseSteps.Filed, false)]
    [InlineData(CaseProcedure.General, CaseSteps.Decided, true)]
    [InlineData(CaseProcedure.General, CaseSteps.Served, true)]
    [InlineData(CaseProcedure.General, CaseSteps.Archived, true)]
    [InlineData(CaseProcedure.Simple, CaseSteps.Filed, false)]
    [InlineData(CaseProcedure.Simple, CaseSteps.Decided, true)]
    public void The_proposal_is_locked_from_the_decision_on(CaseProcedure procedure, string step, bool locked)
        => Assert.Equal(locked, DecisionProposal.IsLockedAt(CaseCategory.Penalty, procedure, step));

    [Fact]
    public void The_refused_simple_decision_names_each_problem_of_the_proposal()
    {
        var problems = SimpleProcedure.Problems([PenaltyKind.Fine, PenaltyKind.SuspendBusiness], 500, [PartyKind.NaturalPerson]);
        var facts = Cases.CaseFactsExamples.Ready(CaseCategory.Penalty, CaseProcedure.Simple, CaseSteps.Filed) with { SimpleProcedureProblems = problems };
        var unmet = Assert.Single(CaseStateMachine.Check(facts, CaseSteps.Decided).Unmet);
        Assert.Equal("simple.not_eligible", unmet.Code);
        Assert.Contains("责令停产停业", unmet.Message, StringComparison.Ordinal);
        Assert.Contains("不得超过 200 元", unmet.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_changes_with_the_recorded_circumstances()
    {
        var p = new DecisionProposal { Outcome = DecisionOutcome.Penalty, Content = "警告", Circumstances = "甲" };
        var before = p.Fingerprint();
        p.Circumstances = "甲\n乙";
        Assert.NotEqual(before, p.Fingerprint());
    }

    [Theory]
    [InlineData(DiscretionTier.Ordinary, "一般", "一般")]
    [InlineData(DiscretionTier.Lighter, "从轻", "从轻处罚")]
    [InlineData(DiscretionTier.Heavier, "较重", "从重处罚（较重）")]
    [InlineData(DiscretionTier.Heavier, "", "从重处罚")]
    public void A_grade_shows_its_published_label_only_when_it_says_more_than_the_tier(DiscretionTier tier, string label, string shown)
        => Assert.Equal(shown, new DiscretionGrade { Tier = tier, Label = label }.TierWithLabel);
}
