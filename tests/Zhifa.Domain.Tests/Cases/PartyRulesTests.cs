using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Tests.Cases;

public sealed class PartyRulesTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly string Adult = IdentityCodes.CompleteIdCardNumber("43102319800101123");
    private static readonly string Child = IdentityCodes.CompleteIdCardNumber("43102320100601123");
    private static readonly string Company = IdentityCodes.CompleteCreditCode("91431023MA4L12345");

    private static (Party? Party, string[] Fields, ValidationErrors Errors) Check(PartyInput input)
    {
        var errors = new ValidationErrors();
        var p = PartyRules.Check(input, Day, "parties[0].", errors);
        return (p, errors.Items.Select(e => e.Field).ToArray(), errors);
    }

    private static string WrongCheckDigit(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    [Fact]
    public void A_natural_person_with_a_valid_ID_number_is_accepted_and_normalised()
    {
        var (p, fields, _) = Check(new PartyInput { Kind = "自然人", Name = " 张三 ", IdNumber = Adult.ToLowerInvariant() });
        Assert.Empty(fields);
        Assert.Equal(PartyKind.NaturalPerson, p!.Kind);
        Assert.Equal("张三", p.Name);
        Assert.Equal(Adult, p.IdNumber);
        Assert.False(p.IsMinor);
    }

    [Fact]
    public void A_wrong_ID_check_digit_is_refused_naming_the_field_and_the_expected_digit()
    {
        var (p, fields, errors) = Check(new PartyInput { Kind = "NaturalPerson", Name = "张三", IdNumber = WrongCheckDigit(Adult) });
        Assert.Null(p);
        Assert.Equal(["parties[0].idNumber"], fields);
        Assert.Contains("校验码错误", errors.Items[0].Message);
    }

    [Fact]
    public void A_minor_is_detected_from_the_birth_date_on_the_opening_day()
    {
        var (p, _, _) = Check(new PartyInput { Kind = "自然人", Name = "小明", IdNumber = Child });
        Assert.True(p!.IsMinor);
    }

    [Fact]
    public void An_adult_cannot_be_marked_as_a_minor()
    {
        var (_, fields, _) = Check(new PartyInput { Kind = "自然人", Name = "张三", IdNumber = Adult, IsMinor = true });
        Assert.Equal(["parties[0].isMinor"], fields);
    }

    [Fact]
    public void The_day_after_the_eighteenth_birthday_makes_an_adult_as_the_minors_ages_are_counted()
    {
        // 周岁 run from the day after the birthday, as the age under fourteen is counted for 行政处罚法第三十条.
        var id = IdentityCodes.CompleteIdCardNumber("43102320081123123");
        Assert.True(PartyRules.IsMinorOn(id, Day.AddDays(-1)));
        Assert.True(PartyRules.IsMinorOn(id, Day));
        Assert.False(PartyRules.IsMinorOn(id, Day.AddDays(1)));
    }

    [Fact]
    public void A_legal_person_needs_a_valid_credit_code_and_a_legal_representative()
    {
        var (_, fields, _) = Check(new PartyInput { Kind = "法人", Name = "某某公司" });
        Assert.Equal(["parties[0].creditCode", "parties[0].legalRepresentative"], fields);

        var (p, ok, _) = Check(new PartyInput { Kind = "LegalPerson", Name = "某某公司", CreditCode = Company, LegalRepresentative = "王五" });
        Assert.Empty(ok);
        Assert.Equal("王五", p!.LegalRepresentative);
    }

    [Fact]
    public void An_individual_business_needs_the_operators_ID_number_and_may_give_a_credit_code()
    {
        var (_, fields, _) = Check(new PartyInput { Kind = "个体工商户", Name = "某某小吃店" });
        Assert.Equal(["parties[0].idNumber"], fields);
        var (p, ok, _) = Check(new PartyInput { Kind = "个体工商户", Name = "某某小吃店", IdNumber = Adult, CreditCode = Company });
        Assert.Empty(ok);
        Assert.Equal(Company, p!.CreditCode);
        var (_, bad, _) = Check(new PartyInput { Kind = "个体工商户", Name = "某某小吃店", IdNumber = Adult, CreditCode = Company[..17] + "0" == Company ? Company[..17] + "1" : Company[..17] + "0" });
        Assert.Equal(["parties[0].creditCode"], bad);
    }

    [Fact]
    public void Only_a_natural_person_can_be_a_minor_and_an_unknown_kind_is_named()
    {
        var (_, fields, _) = Check(new PartyInput { Kind = "其他组织", Name = "某协会", CreditCode = Company, IsMinor = true });
        Assert.Equal(["parties[0].isMinor"], fields);
        var (_, unknown, _) = Check(new PartyInput { Kind = "外星人", Name = "X" });
        Assert.Equal(["parties[0].kind"], unknown);
    }

    [Theory]
    [InlineData("431023198001011234", "4310**********1234")]
    [InlineData("13800001111", "1380***1111")]
    [InlineData("", "")]
    public void Identifiers_are_masked_except_the_first_and_last_four_characters(string code, string masked)
        => Assert.Equal(masked, PartyRules.Mask(code));
}
