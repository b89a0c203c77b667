using Zhifa.Domain.Documents;

namespace Zhifa.Domain.Tests.Documents;

/// <summary>The notice and decision templates cite each provision in its place and every decision states the named remedies.</summary>
public sealed class DecisionDocumentRulesTests
{
    private static readonly DocumentBasis Basis = new("《公共场所卫生管理条例》第八条", "《公共场所卫生管理条例实施细则》第三十五条第一款", "", "", "",
        "违法条款：《公共场所卫生管理条例》第八条；处罚依据：《公共场所卫生管理条例实施细则》第三十五条第一款");

    private static readonly DocumentCaseData Data = new("永兴县卫生健康局", "永卫罚〔2026〕12号", "未取得卫生许可证擅自营业案", "擅自营业。", "便江镇",
        [new DocumentPartyInfo("悦来宾馆", "", "91431023MA4L0000X1", "便江镇", "陈某")], [new DocumentOfficerInfo("张伟", "43100001")],
        Basis, "永兴县人民政府", "永兴县人民法院");

    private static DocumentType Type(string code) => DocumentTypes.Find(code)!;

    [Theory]
    [InlineData("penalty-notice")]
    [InlineData("penalty-decision")]
    [InlineData("no-penalty-decision")]
    public void The_provisions_violated_follow_违反了_and_the_basis_follows_依据(string code)
    {
        var body = Type(code).DefaultBody;
        Assert.Contains("以上事实违反了{{违法条款}}的规定。", body);
        Assert.Contains(body, line => line.StartsWith(code == "no-penalty-decision" ? "依据{{不予处罚依据}}的规定" : "依据{{处罚依据}}的规定", StringComparison.Ordinal));
        Assert.DoesNotContain(body, line => line.Contains("{{法律依据}}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("penalty-decision")]
    [InlineData("no-penalty-decision")]
    [InlineData("seizure-decision")]
    public void Every_decision_states_the_remedies_naming_the_agency_s_reconsideration_organ_and_court(string code)
    {
        Assert.Contains("{{救济途径}}", Type(code).DefaultBody);
        var map = DocumentRules.FillMap(Type(code), Data, new Dictionary<string, string>(), "", new DateTime(2026, 3, 2));
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", map["救济途径"]);
        Assert.Contains("六个月内依法向永兴县人民法院提起行政诉讼", map["救济途径"]);
    }

    [Fact]
    public void The_provisions_are_filled_from_the_proposed_decision_and_a_field_entered_wins()
    {
        var type = Type("penalty-decision");
        var map = DocumentRules.FillMap(type, Data, new Dictionary<string, string>(), "", new DateTime(2026, 3, 2));
        Assert.Equal(("《公共场所卫生管理条例》第八条", "《公共场所卫生管理条例实施细则》第三十五条第一款"), (map["违法条款"], map["处罚依据"]));
        Assert.Equal(Basis.Summary, map["法律依据"]);
        var typed = DocumentRules.FillMap(type, Data, new Dictionary<string, string> { ["处罚依据"] = "《某规章》第九条" }, "", new DateTime(2026, 3, 2));
        Assert.Equal("《某规章》第九条", typed["处罚依据"]);
    }

    [Fact]
    public void A_required_provision_is_satisfied_by_the_proposed_decision_and_refused_without_it()
    {
        var type = Type("penalty-decision");
        var fields = DocumentRules.NormalizeFields(type, new Dictionary<string, string?> { ["决定内容"] = "警告" });
        var fromCase = DocumentRules.FillMap(type, Data, new Dictionary<string, string>(), "", new DateTime(2026, 3, 2));
        Assert.False(DocumentRules.ValidateFields(type, fields, fromCase).Any);
        var bare = DocumentRules.FillMap(type, Data with { Basis = null }, new Dictionary<string, string>(), "", new DateTime(2026, 3, 2));
        Assert.Equal(["违法条款", "处罚依据"], DocumentRules.ValidateFields(type, fields, bare).Items.Select(e => e.Field));
    }
}
