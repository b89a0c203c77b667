using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.LegalReview;

namespace Zhifa.Domain.Tests.LegalReview;

/// <summary>LR-2: which cases the catalogue flags, and the reasons it gives.</summary>
public sealed class MajorDecisionRulesTests
{
    private static readonly MajorDecisionCatalogue Catalogue = new()
    {
        AgencyId = 1, NaturalPersonFineYuan = 10000m, OrganisationFineYuan = 100000m, ConfiscationYuan = 50000m,
        MajorKinds = "SuspendBusiness,RevokeLicence,OrderClosure,RestrictPractice", AfterHearing = true,
    };

    private static DecisionProposal Penalty(string kinds, decimal? fine = null, decimal? confiscation = null, DiscretionTier? tier = null, string outside = "")
        => new() { Outcome = DecisionOutcome.Penalty, PenaltyKinds = kinds, FineYuan = fine, ConfiscationYuan = confiscation, Tier = tier, OutsideRangeReason = outside, Content = "x" };

    private static MajorDecisionFacts Facts(DecisionProposal? p, PartyKind party = PartyKind.NaturalPerson, bool heard = false,
        CaseProcedure procedure = CaseProcedure.General, params ReviewFlag[] flags)
        => new(CaseCategory.Penalty, procedure, [party], p, heard, flags);

    public static TheoryData<string, MajorDecisionFacts, string[]> Cases => new()
    {
        { "no proposal yet", Facts(null), [] },
        { "a warning", Facts(Penalty("Warning")), [] },
        { "a natural person's fine just below the threshold", Facts(Penalty("Fine", 9999.99m)), [] },
        { "a natural person's fine at the threshold", Facts(Penalty("Fine", 10000m)), ["fine.natural_person"] },
        { "an individual business counts as a natural person", Facts(Penalty("Fine", 10000m), PartyKind.IndividualBusiness), ["fine.natural_person"] },
        { "an organisation's fine at the natural person's threshold", Facts(Penalty("Fine", 10000m), PartyKind.LegalPerson), [] },
        { "an organisation's fine at its threshold", Facts(Penalty("Fine", 100000m), PartyKind.OtherOrganization), ["fine.organisation"] },
        { "confiscation at the threshold", Facts(Penalty("ConfiscateIllegalGains", confiscation: 50000m)), ["confiscation"] },
        { "confiscation below the threshold", Facts(Penalty("ConfiscateIllegalGains", confiscation: 49999m)), [] },
        { "licence revocation", Facts(Penalty("RevokeLicence")), ["kind"] },
        { "suspension of business with a fine", Facts(Penalty("Fine,SuspendBusiness", 20000m)), ["fine.natural_person", "kind"] },
        { "a kind the catalogue does not list", Facts(Penalty("SuspendLicence")), [] },
        { "decided after a hearing", Facts(Penalty("Warning"), heard: true), ["hearing"] },
        { "no penalty after a hearing", Facts(new DecisionProposal { Outcome = DecisionOutcome.NoPenalty, Content = "x" }, heard: true), ["hearing"] },
        { "a simple-procedure case is never flagged automatically", Facts(Penalty("RevokeLicence"), heard: true, procedure: CaseProcedure.Simple), [] },
        { "a mitigated penalty when the catalogue does not list it", Facts(Penalty("Fine", 100m, tier: DiscretionTier.Mitigated)), [] },
        {
            "a manual flag of a simple-procedure case",
            Facts(Penalty("Warning"), procedure: CaseProcedure.Simple, flags: new ReviewFlag { Criterion = JudgementCriterion.Complex, Reason = "涉及三个法律关系", FlaggedByName = "张伟" }),
            ["manual.Complex"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_catalogue_flags_a_case_for_exactly_its_reasons(string situation, MajorDecisionFacts facts, string[] expected)
    {
        var reasons = MajorDecisionRules.Reasons(Catalogue, facts);
        Assert.True(expected.SequenceEqual(reasons.Select(r => r.Code)), $"{situation}: got {string.Join(",", reasons.Select(r => r.Code))}");
    }

    [Fact]
    public void A_reason_names_the_amount_and_the_threshold_it_reached()
    {
        var reason = Assert.Single(MajorDecisionRules.Reasons(Catalogue, Facts(Penalty("Fine", 12000m))));
        Assert.Contains("12,000", reason.Message);
        Assert.Contains("10,000", reason.Message);
    }

    [Fact]
    public void An_agency_setting_sends_every_general_procedure_penalty_to_review()
    {
        var all = new MajorDecisionCatalogue { AllGeneralProcedurePenalties = true };
        Assert.Equal(["all_general"], MajorDecisionRules.Reasons(all, Facts(null)).Select(r => r.Code));
        Assert.Empty(MajorDecisionRules.Reasons(all, Facts(null, procedure: CaseProcedure.Simple)));
    }

    [Theory]
    [InlineData(DiscretionTier.Mitigated, "", "拟减轻处罚")]
    [InlineData(DiscretionTier.Heavier, "情节特别严重", "超出裁量基准")]
    public void A_catalogue_may_list_mitigated_penalties_and_those_outside_the_benchmark(DiscretionTier tier, string outside, string expected)
    {
        var c = new MajorDecisionCatalogue { MitigatedOrOutsideRange = true };
        Assert.Contains(expected, Assert.Single(MajorDecisionRules.Reasons(c, Facts(Penalty("Fine", 100m, tier: tier, outside: outside)))).Message);
    }

    [Fact]
    public void The_default_catalogue_holds_the_kinds_and_the_hearing_of_the_review_rules_but_no_amounts()
    {
        var d = MajorDecisionCatalogue.Default(7);
        Assert.Null(d.NaturalPersonFineYuan);
        Assert.True(d.AfterHearing);
        Assert.Contains(PenaltyKind.RevokeLicence, d.Kinds);
        Assert.Contains(PenaltyKind.SuspendBusiness, d.Kinds);
        Assert.Empty(MajorDecisionRules.Reasons(d, Facts(Penalty("Fine", 1_000_000m))));
    }

    [Theory]
    [InlineData(0.0, null, null, "naturalPersonFineYuan")]
    [InlineData(null, -1.0, null, "organisationFineYuan")]
    [InlineData(null, null, 0.001, "confiscationYuan")]
    public void A_catalogue_refuses_amounts_that_are_not_positive_yuan(double? np, double? org, double? conf, string field)
    {
        var errors = MajorDecisionCatalogue.Validate((decimal?)np, (decimal?)org, (decimal?)conf, [], null, out _);
        Assert.Equal([field], errors.Items.Select(e => e.Field));
    }

    [Fact]
    public void A_catalogue_reads_kinds_by_name_or_Chinese_label_and_refuses_unknown_ones()
    {
        var errors = MajorDecisionCatalogue.Validate(null, null, null, ["吊销许可证件", "SuspendBusiness", "打板子"], null, out var kinds);
        Assert.Equal([PenaltyKind.RevokeLicence, PenaltyKind.SuspendBusiness], kinds);
        Assert.Contains("打板子", Assert.Single(errors.Items).Message);
    }
}
