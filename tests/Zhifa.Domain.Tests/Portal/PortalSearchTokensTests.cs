using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Portal;

/// <summary>PUB-10: the portal's search tokens. A query is found in a text exactly when the text holds all its tokens.</summary>
public sealed class PortalSearchTokensTests
{
    private static bool Finds(string text, string query)
    {
        var indexed = PortalSearchTokens.Index([text]).Split(' ').ToHashSet(StringComparer.Ordinal);
        var wanted = PortalSearchTokens.Query(query);
        return wanted.Count > 0 && wanted.All(indexed.Contains);
    }

    [Theory]
    [InlineData("对当事人处以罚款人民币伍仟元", "罚款", true)]
    [InlineData("永兴县鑫达餐饮管理有限公司", "鑫达", true)]
    [InlineData("永兴县鑫达餐饮管理有限公司", "鑫达餐饮", true)]
    [InlineData("永兴县鑫达餐饮管理有限公司", "达鑫", false)]
    [InlineData("永兴卫罚〔2026〕12号", "〔2026〕12号", true)]
    [InlineData("永兴卫罚〔2026〕12号", "卫罚 2026", true)]
    [InlineData("永兴卫罚〔2026〕12号", "2027", false)]
    [InlineData("ABC Trading 公司", "abc", true)]
    [InlineData("全角２０２６年", "2026", true)]
    [InlineData("处以警告", "罚款", false)]
    [InlineData("第12号3条", "12号3", true)]
    [InlineData("第12号处罚", "12号", true)]
    public void A_query_is_found_when_the_text_contains_it(string text, string query, bool found)
        => Assert.Equal(found, Finds(text, query));

    [Fact]
    public void Chinese_text_is_indexed_as_overlapping_character_pairs_and_Latin_as_words()
    {
        var tokens = PortalSearchTokens.Index(["罚款金额 USB-2026"]).Split(' ').Select(PortalSearchTokens.Decode).ToList();
        Assert.Equal(["罚款", "款金", "金额", "usb", "2026"], tokens);
    }

    [Fact]
    public void Tokens_are_plain_ascii_so_both_databases_read_them_alike()
        => Assert.All(PortalSearchTokens.Index(["鑫达餐饮 ABC 12"]).Split(' '), t => Assert.Matches("^[cw][0-9a-z]+$", t));

    [Fact]
    public void Each_token_is_indexed_once()
    {
        var index = PortalSearchTokens.Index(["罚款罚款", "罚款"]).Split(' ');
        Assert.Equal(index.Length, index.Distinct().Count());
    }

    [Theory]
    [InlineData("罚", "检索词至少需要两个汉字，或一个完整的字母数字词")]
    [InlineData("，。", "检索词至少需要两个汉字，或一个完整的字母数字词")]
    [InlineData("罚款", null)]
    [InlineData("", null)]
    public void A_query_without_anything_searchable_is_refused_with_the_reason(string query, string? reason)
        => Assert.Equal(reason, PortalSearchTokens.WhyNotSearchable(query));

    [Fact]
    public void A_too_long_query_is_refused()
        => Assert.NotNull(PortalSearchTokens.WhyNotSearchable(new string('罚', PortalSearchTokens.MaxQueryLength + 1)));
}

/// <summary>The search filters: every bad value is named by its field.</summary>
public sealed class PortalSearchCriteriaTests
{
    [Fact]
    public void Good_filters_are_read()
    {
        var c = PortalSearchCriteria.Parse("罚款", "3", "penalty", "2026-01-01", "2026-06-30", "100", "5000.5", "2", "50");
        Assert.Equal((3, CaseCategory.Penalty, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 100m, 5000.5m, 2, 50, 50),
            (c.AgencyId!.Value, c.Category!.Value, c.From!.Value, c.To!.Value, c.MinFine!.Value, c.MaxFine!.Value, c.Page, c.PageSize, c.Skip));
        Assert.Equal("q=%E7%BD%9A%E6%AC%BE&agencyId=3&category=Penalty&from=2026-01-01&to=2026-06-30&minFine=100&maxFine=5000.5&pageSize=50&page=3",
            c.ToQueryString(3));
    }

    [Theory]
    [InlineData("罚", null, null, null, null, null, null, null, "q")]
    [InlineData(null, "x", null, null, null, null, null, null, "agencyId")]
    [InlineData(null, null, "Nothing", null, null, null, null, null, "category")]
    [InlineData(null, null, "1", null, null, null, null, null, "category")]
    [InlineData(null, null, null, "2026-13-01", null, null, null, null, "from")]
    [InlineData(null, null, null, "2026-05-01", "2026-04-01", null, null, null, "to")]
    [InlineData(null, null, null, null, null, "-5", null, null, "minFine")]
    [InlineData(null, null, null, null, null, "500", "100", null, "maxFine")]
    [InlineData(null, null, null, null, null, null, null, "0", "page")]
    [InlineData(null, null, null, null, null, null, null, "501", "page")]
    public void A_bad_value_is_refused_naming_its_field(string? q, string? agency, string? category, string? from, string? to, string? min,
        string? max, string? page, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => PortalSearchCriteria.Parse(q, agency, category, from, to, min, max, page, null));
        Assert.Equal([field], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_page_size_over_the_limit_is_refused()
        => Assert.Equal("pageSize", Assert.Throws<DomainValidationException>(() => PortalSearchCriteria.Parse(null, null, null, null, null, null, null, null, "101")).Errors[0].Field);
}
