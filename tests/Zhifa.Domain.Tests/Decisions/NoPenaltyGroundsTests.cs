using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;

namespace Zhifa.Domain.Tests.Decisions;

/// <summary>行政处罚法第三十条、第三十一条、第三十三条、第三十六条: a 不予处罚 names its ground and records the circumstance for it.</summary>
public sealed class NoPenaltyGroundsTests
{
    private static (NoPenaltyGround? Ground, ValidationErrors Errors) Check(DecisionOutcome outcome, NoPenaltyGround? ground, params string[] circumstances)
    {
        var errors = new ValidationErrors();
        return (NoPenaltyGrounds.Check(outcome, ground, circumstances, errors), errors);
    }

    private static string Circumstance(NoPenaltyGround g) => NoPenaltyGrounds.Of(g).Circumstance.Text;

    [Theory]
    [InlineData(NoPenaltyGround.UnderFourteen, "《中华人民共和国行政处罚法》第三十条")]
    [InlineData(NoPenaltyGround.Incapacity, "《中华人民共和国行政处罚法》第三十一条")]
    [InlineData(NoPenaltyGround.MinorAndCorrected, "《中华人民共和国行政处罚法》第三十三条第一款")]
    [InlineData(NoPenaltyGround.FirstViolation, "《中华人民共和国行政处罚法》第三十三条第一款")]
    [InlineData(NoPenaltyGround.NoFault, "《中华人民共和国行政处罚法》第三十三条第二款")]
    [InlineData(NoPenaltyGround.TimeBarred, "《中华人民共和国行政处罚法》第三十六条")]
    public void Each_ground_cites_its_article_and_has_a_statutory_circumstance_that_recommends_no_penalty(NoPenaltyGround ground, string citation)
    {
        var info = NoPenaltyGrounds.Of(ground);
        Assert.Equal(citation, info.Citation);
        Assert.Equal(CircumstanceEffect.NoPenalty, info.Circumstance.Effect);
        Assert.Equal(info.Outcome, info.Circumstance.Outcome);
    }

    [Fact]
    public void A_no_penalty_proposal_without_a_ground_is_refused_on_that_field()
    {
        var (_, errors) = Check(DecisionOutcome.NoPenalty, null, Circumstance(NoPenaltyGround.NoFault));
        var e = Assert.Single(errors.Items);
        Assert.Equal(("noPenaltyGround", "required"), (e.Field, e.Code));
    }

    [Fact]
    public void First_violation_implies_its_ground_but_still_needs_its_circumstance_recorded()
    {
        var (ground, errors) = Check(DecisionOutcome.FirstViolationNoPenalty, null, Circumstance(NoPenaltyGround.FirstViolation));
        Assert.False(errors.Any);
        Assert.Equal(NoPenaltyGround.FirstViolation, ground);

        var (_, missing) = Check(DecisionOutcome.FirstViolationNoPenalty, null);
        Assert.Equal(("circumstances", "first_violation_missing"), (missing.Items[0].Field, missing.Items[0].Code));
    }

    [Fact]
    public void A_ground_without_its_circumstance_or_against_the_outcome_is_refused()
    {
        var (_, missing) = Check(DecisionOutcome.NoPenalty, NoPenaltyGround.TimeBarred);
        Assert.Equal(("circumstances", "ground_circumstance_missing"), (missing.Items[0].Field, missing.Items[0].Code));
        Assert.Contains("行政处罚法第三十六条", missing.Items[0].Message);

        var (_, mismatch) = Check(DecisionOutcome.NoPenalty, NoPenaltyGround.FirstViolation, Circumstance(NoPenaltyGround.FirstViolation));
        Assert.Equal(("noPenaltyGround", "outcome_mismatch"), (mismatch.Items[0].Field, mismatch.Items[0].Code));
    }

    [Fact]
    public void A_penalty_has_no_ground_of_no_penalty()
    {
        var (ground, errors) = Check(DecisionOutcome.Penalty, NoPenaltyGround.NoFault);
        Assert.Null(ground);
        Assert.Equal("not_allowed", Assert.Single(errors.Items).Code);
    }

    [Fact]
    public void The_law_s_new_no_penalty_circumstances_lead_the_recommendation_to_no_penalty()
    {
        var r = DiscretionAdvisor.Recommend(null, [Circumstance(NoPenaltyGround.UnderFourteen)], [], null);
        Assert.Equal((DiscretionTier.NoPenalty, DecisionOutcome.NoPenalty), (r.Tier, r.Outcome));
    }
}
