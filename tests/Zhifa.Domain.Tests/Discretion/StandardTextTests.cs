using Zhifa.Domain.Discretion;

namespace Zhifa.Domain.Tests.Discretion;

/// <summary>The standards, worded as published discretion benchmarks word them, are read into ranges.</summary>
public sealed class StandardTextTests
{
    [Theory]
    [InlineData("500", "", 500)]
    [InlineData("1", "千", 1000)]
    [InlineData("6.5", "万", 65000)]
    [InlineData("二百", "", 200)]
    [InlineData("二十", "", 20)]
    [InlineData("十", "", 10)]
    [InlineData("三千", "", 3000)]
    [InlineData("一万", "", 10000)]
    [InlineData("十万", "", 100000)]
    [InlineData("一万五千", "", 15000)]
    [InlineData("两千", "", 2000)]
    [InlineData("一百零五", "", 105)]
    public void Numbers_are_read_in_arabic_and_chinese_forms(string digits, string unit, int expected)
        => Assert.Equal(expected, StandardText.Number(digits, unit));

    public static TheoryData<string, bool, bool, decimal?, decimal?, decimal?, decimal?, decimal?, decimal?> Standards => new()
    {
        // C005 (滨城黄河河务局): "不超过" caps the range although no 以下 follows.
        { "处1千元以上不超过1万元的罚款;", false, false, 1000, 10000, null, null, null, null },
        // C019 (公共场所卫生): one fixed amount.
        { "处以二百元的罚款", false, false, 200, 200, null, null, null, null },
        // C022 (生活饮用水卫生): the amount after the word 罚款.
        { "处以罚款300元", false, false, 300, 300, null, null, null, null },
        { "处以1000元罚款", false, false, 1000, 1000, null, null, null, null },
        // C018: a warning only.
        { "给予警告", false, true, null, null, null, null, null, null },
        // C001 (甘肃税务): no penalty.
        { "不予处罚。", true, false, null, null, null, null, null, null },
        // C002: a range for citizens and one for organisations.
        { "对个人处500元以下的罚款,对企业或者其他组织处1000元以下的罚款。", false, false, 0, 1000, 0, 500, null, null },
        // C028 (福建税务): 单位 and 个体.
        { "对单位处500元以上1万元以下的罚款;对个体处50元以上500元以下的罚款。", false, false, 500, 10000, 50, 500, null, null },
        // C014 (安全生产): the fine on the responsible person is not a fine on the party.
        { "给予警告,并可以对生产经营单位处1万元以上2万元以下的罚款, 对主要负责人或者其他人员处1000元以上5000元以下的罚款。", false, true, 10000, 20000, null, null, null, null },
        // C011: the same with a fixed amount.
        { "对机构处5000元的罚款;对其直接负责的主管人员和其他直接责任人员各处5000元的罚款", false, false, 5000, 5000, null, null, null, null },
        // C008 (东阳统计): a warning and an upper bound.
        { "给予警告并可以处三千元以下罚款", false, true, 0, 3000, null, null, null, null },
        { "给予警告并可以处三千元以上一万元以下罚款", false, true, 3000, 10000, null, null, null, null },
        // C030: a decimal amount in 万.
        { "处5万元以上6.5万元以下罚款", false, false, 50000, 65000, null, null, null, null },
        // 东莞安全生产 (the statute it quotes): a multiple of the illegal gains.
        { "没收违法所得,并处违法所得二倍以上五倍以下的罚款", false, false, null, null, null, null, 2, 5 },
    };

    [Theory]
    [MemberData(nameof(Standards))]
    public void A_published_standard_yields_its_warning_and_ranges(string text, bool noPenalty, bool warning,
        decimal? min, decimal? max, decimal? citizenMin, decimal? citizenMax, decimal? timesMin, decimal? timesMax)
    {
        var p = StandardText.Parse(text);
        Assert.Equal(noPenalty, p.NoPenalty);
        Assert.Equal(warning, p.Warning);
        Assert.Equal((min, max), (p.FineMinYuan, p.FineMaxYuan));
        Assert.Equal((citizenMin, citizenMax), (p.CitizenFineMinYuan, p.CitizenFineMaxYuan));
        Assert.Equal((timesMin, timesMax), (p.GainsMultipleMin, p.GainsMultipleMax));
    }

    [Fact]
    public void A_truncated_standard_that_names_a_fine_without_an_amount_has_no_range()
    {
        // Like C010, which the source cut off after "三千": a fine is named but no amount can be read.
        var p = StandardText.Parse("企业事业单位或其他组织给予警告并可以处三千罚款");
        Assert.True(p.MentionsFine);
        Assert.False(p.HasFine);
    }
}
