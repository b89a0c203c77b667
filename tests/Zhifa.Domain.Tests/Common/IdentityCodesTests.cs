using Zhifa.Domain.Common;

namespace Zhifa.Domain.Tests.Common;

public sealed class IdentityCodesTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // a published example code
    public void Well_formed_credit_codes_pass(string code) => Assert.Null(IdentityCodes.CheckCreditCode(code));

    [Theory]
    [InlineData("91350100M000100Y44", "校验码错误")]
    [InlineData("91350100M000100Y4", "18 位")]
    [InlineData("91350100M0001O0Y43", "不是统一社会信用代码允许的字符")]
    [InlineData("", "不能为空")]
    public void Malformed_credit_codes_say_why(string code, string reason) => Assert.Contains(reason, IdentityCodes.CheckCreditCode(code));

    [Fact]
    public void Completing_a_code_gives_a_valid_one() => Assert.True(IdentityCodes.IsValidCreditCode(IdentityCodes.CompleteCreditCode("11431023MB1C55826")));

    [Theory]
    [InlineData("11010519491231002X", null)]
    [InlineData("110105194912310021", "校验码错误")]
    [InlineData("110105194913310028", "出生日期")]
    public void Identity_card_numbers_are_checked(string number, string? reason)
    {
        var result = IdentityCodes.CheckIdCardNumber(number);
        if (reason is null) Assert.Null(result);
        else Assert.Contains(reason, result);
    }
}
