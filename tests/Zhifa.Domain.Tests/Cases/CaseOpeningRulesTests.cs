using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;

namespace Zhifa.Domain.Tests.Cases;

public sealed class CaseOpeningRulesTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Theory]
    [InlineData("处罚", CaseCategory.Penalty)]
    [InlineData("行政检查", CaseCategory.Inspection)]
    [InlineData("Licensing", CaseCategory.Licensing)]
    [InlineData("征收征用", CaseCategory.Expropriation)]
    public void Categories_are_read_from_names_and_Chinese_words(string text, CaseCategory expected)
        => Assert.Equal(expected, CaseOpeningRules.ParseCategory(text));

    [Fact]
    public void A_penalty_needs_a_procedure_other_categories_do_not()
    {
        var errors = new ValidationErrors();
        CaseOpeningRules.CheckCategory("处罚", null, errors);
        Assert.Equal(["procedure"], errors.Items.Select(e => e.Field));
        var ok = new ValidationErrors();
        Assert.Equal(CaseProcedure.Standard, CaseOpeningRules.CheckCategory("检查", "简易", ok).Procedure);
        Assert.False(ok.Any);
        Assert.Equal(CaseProcedure.Simple, CaseOpeningRules.CheckCategory("Penalty", "简易", ok).Procedure);
    }

    [Theory]
    [InlineData(CaseCategory.Penalty, MatterCategory.Penalty, true)]
    [InlineData(CaseCategory.Penalty, MatterCategory.Inspection, false)]
    [InlineData(CaseCategory.Inspection, MatterCategory.Inspection, true)]
    [InlineData(CaseCategory.Licensing, MatterCategory.Other, false)]
    public void A_matter_must_be_of_the_cases_family(CaseCategory category, MatterCategory matter, bool fits)
        => Assert.Equal(fits, CaseOpeningRules.MatterFits(category, matter));

    [Fact]
    public void Each_unqualified_officer_is_named_and_fewer_than_two_is_refused()
    {
        var errors = new ValidationErrors();
        CaseOpeningRules.CheckOfficers([1, 2, 3],
        [
            new OfficerOnDay(1, "张伟", true, CertificateStatus.Valid),
            new OfficerOnDay(2, "陈静", true, CertificateStatus.Expired),
            new OfficerOnDay(3, "黄磊", true, CertificateStatus.Revoked),
        ], errors);
        var messages = errors.Items.Select(e => e.Message).ToList();
        Assert.All(errors.Items, e => Assert.Equal("officerIds", e.Field));
        Assert.Contains(messages, m => m.Contains("陈静的执法证已过期"));
        Assert.Contains(messages, m => m.Contains("黄磊的执法证已注销"));

        var one = new ValidationErrors();
        CaseOpeningRules.CheckOfficers([1, 1], [new OfficerOnDay(1, "张伟", true, CertificateStatus.Valid)], one);
        Assert.Equal(["too_few"], one.Items.Select(e => e.Code));
    }

    [Fact]
    public void Two_qualified_officers_pass_and_an_officer_of_another_agency_is_refused()
    {
        var ok = new ValidationErrors();
        CaseOpeningRules.CheckOfficers([1, 2], [new OfficerOnDay(1, "张伟", true, CertificateStatus.Valid), new OfficerOnDay(2, "李娜", true, CertificateStatus.Valid)], ok);
        Assert.False(ok.Any);
        var foreign = new ValidationErrors();
        CaseOpeningRules.CheckOfficers([1, 99], [new OfficerOnDay(1, "张伟", true, CertificateStatus.Valid)], foreign);
        Assert.Contains("unknown", foreign.Items.Select(e => e.Code));
    }

    [Theory]
    [InlineData(-730, false, false)]
    [InlineData(-731, false, true)]
    [InlineData(-1000, true, false)]
    [InlineData(-1827, true, true)]
    public void LAW2_a_penalty_is_time_barred_after_two_years_or_five_with_serious_harm(int daysAgo, bool serious, bool barred)
    {
        var errors = new ValidationErrors();
        CaseOpeningRules.CheckLimitation(CaseCategory.Penalty, Day.AddDays(daysAgo), serious, Day, errors);
        Assert.Equal(barred, errors.Items.Any(e => e.Code == "time_barred"));
    }

    [Fact]
    public void LAW2_a_penalty_needs_the_day_the_act_ended_and_it_cannot_lie_ahead()
    {
        var missing = new ValidationErrors();
        CaseOpeningRules.CheckLimitation(CaseCategory.Penalty, null, false, Day, missing);
        Assert.Equal(["required"], missing.Items.Select(e => e.Code));
        var future = new ValidationErrors();
        CaseOpeningRules.CheckLimitation(CaseCategory.Penalty, Day.AddDays(1), false, Day, future);
        Assert.Equal(["in_future"], future.Items.Select(e => e.Code));
        var inspection = new ValidationErrors();
        CaseOpeningRules.CheckLimitation(CaseCategory.Inspection, null, false, Day, inspection);
        Assert.False(inspection.Any);
    }

    [Fact]
    public void LAW2_a_second_penalty_case_for_the_same_act_is_refused_naming_the_first()
    {
        var errors = new ValidationErrors();
        CaseOpeningRules.CheckDuplicate(CaseCategory.Penalty, ["永卫罚〔2026〕1号"], errors);
        Assert.Contains("永卫罚〔2026〕1号", errors.Items.Single().Message);
        var inspection = new ValidationErrors();
        CaseOpeningRules.CheckDuplicate(CaseCategory.Inspection, ["永卫检〔2026〕1号"], inspection);
        Assert.False(inspection.Any);
    }
}
