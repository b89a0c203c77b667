using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Rules;
using static Zhifa.Domain.Tests.Cases.CaseFactsExamples;

namespace Zhifa.Domain.Tests.Cases;

/// <summary>行政处罚法第三十条 (minors) and 第四十二条/第四十三条 (two officers, recusal) in the case's table.</summary>
public sealed class MinorPartiesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // 周岁 count from the day after the birthday: on the fourteenth birthday one is still 13.
    [InlineData("2012-05-10", "2026-05-09", 13)]
    [InlineData("2012-05-10", "2026-05-10", 13)]
    [InlineData("2012-05-10", "2026-05-11", 14)]
    [InlineData("2008-05-10", "2026-05-10", 17)]
    [InlineData("2008-05-10", "2026-05-11", 18)]
    // Born on 29 February: the birthday is 28 February in a common year, 29 February in a leap year.
    [InlineData("2012-02-29", "2026-02-28", 13)]
    [InlineData("2012-02-29", "2026-03-01", 14)]
    [InlineData("2012-02-29", "2028-02-28", 15)]
    [InlineData("2012-02-29", "2028-02-29", 15)]
    [InlineData("2012-02-29", "2028-03-01", 16)]
    [InlineData("2012-12-31", "2013-01-01", 0)]
    [InlineData("2012-12-31", "2012-12-31", 0)]
    public void Full_years_of_age_are_reached_the_day_after_the_birthday(string birth, string day, int age)
        => Assert.Equal(age, IdentityCodes.AgeOn(D(birth), D(day)));

    [Fact]
    public void The_birth_date_is_read_from_the_identity_card_number()
    {
        Assert.Equal(new DateOnly(2012, 2, 29), IdentityCodes.BirthDateOf(IdentityCodes.CompleteIdCardNumber("43102320120229001")));
        Assert.Null(IdentityCodes.BirthDateOf("4310232012023000"));
    }

    private static Party Person(string name, string birth) => new()
    {
        Kind = PartyKind.NaturalPerson, Name = name, IdNumber = IdentityCodes.CompleteIdCardNumber("431023" + birth.Replace("-", "", StringComparison.Ordinal) + "001"),
    };

    [Fact]
    public void Parties_are_placed_by_their_age_on_the_day_of_the_act_and_organisations_have_none()
    {
        var company = new Party { Kind = PartyKind.LegalPerson, Name = "某公司", CreditCode = IdentityCodes.CompleteCreditCode("91431023MA4L0000X") };
        var ages = MinorParties.Of([Person("甲", "2012-05-10"), Person("乙", "2010-05-10"), Person("丙", "2008-05-10"), Person("丁", "2008-05-09"), company], D("2026-05-10"));
        Assert.Equal([AgeBand.UnderFourteen, AgeBand.FourteenToEighteen, AgeBand.FourteenToEighteen, AgeBand.Adult], ages.Select(a => a.Band));
        Assert.Equal("甲（违法行为发生时 13 周岁）", ages[0].Label);
        Assert.Equal([StatutoryCircumstance.UnderFourteen.Text, StatutoryCircumstance.Minor.Text], MinorParties.Circumstances(ages));
    }

    [Fact]
    public void A_party_under_fourteen_makes_the_recommendation_no_penalty_and_one_under_eighteen_lighter_or_mitigated()
    {
        var under = DiscretionAdvisor.Recommend(null, [StatutoryCircumstance.UnderFourteen.Text], [PartyKind.NaturalPerson], null);
        Assert.Equal(DiscretionTier.NoPenalty, under.Tier);
        Assert.Equal(DecisionOutcome.NoPenalty, under.Outcome);
        Assert.Contains(under.Reasons, r => r.Contains("第三十条", StringComparison.Ordinal));

        var minor = DiscretionAdvisor.Recommend(null, [StatutoryCircumstance.Minor.Text], [PartyKind.NaturalPerson], null);
        Assert.Equal([DiscretionTier.Mitigated, DiscretionTier.Lighter], minor.SupportedTiers);
        Assert.NotEmpty(DiscretionAdvisor.Deviations(minor, DecisionOutcome.Penalty, DiscretionTier.Ordinary, null));
    }

    [Theory]
    [InlineData(DecisionOutcome.Penalty, DiscretionTier.Lighter, "", true)]
    [InlineData(DecisionOutcome.Penalty, DiscretionTier.Mitigated, "", true)]
    [InlineData(DecisionOutcome.Penalty, DiscretionTier.Ordinary, "当事人系个体工商户经营者，已依法独立经营", true)]
    [InlineData(DecisionOutcome.Penalty, DiscretionTier.Ordinary, "  ", false)]
    [InlineData(DecisionOutcome.Penalty, null, "", false)]
    [InlineData(DecisionOutcome.NoPenalty, null, "", true)]
    public void A_proposal_for_a_minor_is_lightened_or_explained(DecisionOutcome outcome, DiscretionTier? tier, string reason, bool lightened)
        => Assert.Equal(lightened, MinorParties.Lightened(outcome, tier, reason));

    private static MoveCheck Decide(CaseProcedure procedure, Func<CaseFacts, CaseFacts> change)
    {
        var from = procedure == CaseProcedure.Simple ? CaseSteps.Filed : CaseSteps.Statement;
        var facts = change(Ready(CaseCategory.Penalty, procedure, from));
        return CaseStateMachine.Check(facts, CaseSteps.Decided, Head, ActOf(CaseCategory.Penalty, procedure, from, CaseSteps.Decided));
    }

    [Theory]
    [InlineData(CaseProcedure.General)]
    [InlineData(CaseProcedure.Simple)]
    public void No_penalty_decision_for_a_party_under_fourteen_on_the_day_of_the_act(CaseProcedure procedure)
    {
        var check = Decide(procedure, f => f with { PartiesUnderFourteen = ["刘某（违法行为发生时 13 周岁）"], ProposalLightened = true });
        Assert.Equal(["party.under_fourteen"], check.Unmet.Select(u => u.Code));
        Assert.Contains("刘某（违法行为发生时 13 周岁）", check.Unmet[0].Message, StringComparison.Ordinal);
        Assert.Contains("第三十条", check.Unmet[0].Message, StringComparison.Ordinal);

        // 不予行政处罚 is the decision the law wants for them.
        Assert.True(Decide(procedure, f => f with { PartiesUnderFourteen = ["刘某（违法行为发生时 13 周岁）"], ProposalPenalises = false }).IsAllowed);
    }

    [Theory]
    [InlineData(CaseProcedure.General)]
    [InlineData(CaseProcedure.Simple)]
    public void A_penalty_for_a_party_aged_fourteen_to_eighteen_must_be_lightened_or_explained(CaseProcedure procedure)
    {
        var check = Decide(procedure, f => f with { PartiesUnderEighteen = ["王某（违法行为发生时 16 周岁）"], ProposalLightened = false });
        Assert.Equal(["party.minor_not_lightened"], check.Unmet.Select(u => u.Code));
        Assert.Equal("tier", check.Unmet[0].Field);
        Assert.Contains("王某", check.Unmet[0].Message, StringComparison.Ordinal);

        Assert.True(Decide(procedure, f => f with { PartiesUnderEighteen = ["王某（违法行为发生时 16 周岁）"], ProposalLightened = true }).IsAllowed);
        Assert.True(Decide(procedure, f => f with { PartiesUnderEighteen = [], ProposalLightened = false }).IsAllowed);
    }

    [Theory]
    [InlineData(CaseSteps.Notice, CaseSteps.Statement)]
    [InlineData(CaseSteps.Statement, CaseSteps.Decided)]
    public void With_one_officer_left_after_a_recusal_the_case_moves_no_further_towards_the_decision(string from, string to)
    {
        var facts = Penalty(from) with { HandlerOfficerIds = new HashSet<int> { HandlerOfficer }, QualifiedOfficers = 1 };
        var check = CaseStateMachine.Check(facts, to, MoverOf(from, to), ActOf(CaseCategory.Penalty, CaseProcedure.General, from, to));
        Assert.Equal(["officers.too_few"], check.Unmet.Select(u => u.Code));
    }
}
