using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;

namespace Zhifa.Domain.Tests.Discretion;

/// <summary>DIS-1 import: rows in the format of discretion_benchmarks_tiers.csv become grades, or every wrong row is named.</summary>
public sealed class BenchmarkSheetTests
{
    private const string River = "在河道管理范围内修建妨碍行洪的建筑物、构筑物等的处罚";
    private const string Tax = "(一)未按照规定的期限申报变更或者注销税务登记。";

    private static BenchmarkSheetRow Row(int n, string behaviour, string label, string circumstances, string standard, string tier = "")
        => new(n, behaviour, "处罚依据", label, circumstances, standard, tier, "http://example.invalid/source");

    [Fact]
    public void The_three_river_tiers_of_Bincheng_become_an_ordinary_and_two_heavier_grades_with_their_ranges()
    {
        var result = BenchmarkSheetRules.Read(
        [
            Row(2, River, "一般", "建筑面积不满100平方米的或者对河势稳定、河岸堤防安全、河道行洪影响较小的;", "处1千元以上不超过1万元的罚款;"),
            Row(3, River, "较重", "建筑面积在100平方米以上不满300平方米的或者对河势稳定、河岸堤防安全、河道行洪影响较大的;", "处1万元以上不超过2万元的罚款;"),
            Row(4, River, "严重", "建筑面积在300平方米以上的或者对河势稳定、河岸堤防安全、河道行洪造成严重影响的。", "处2万元以上不超过5万元的罚款"),
        ]);
        Assert.True(result.IsValid, string.Join("；", result.Errors.Select(e => e.Reason)));
        var grades = result.Benchmark!.Ordered.ToList();
        Assert.Equal([DiscretionTier.Ordinary, DiscretionTier.Heavier, DiscretionTier.Heavier], grades.Select(g => g.Tier));
        Assert.Equal([(1000m, 10000m), (10000m, 20000m), (20000m, 50000m)], grades.Select(g => (g.FineMinYuan!.Value, g.FineMaxYuan!.Value)));
        Assert.Equal(["一般", "较重", "严重"], grades.Select(g => g.Label));
        Assert.Equal(River, result.Benchmark.Behaviour);
    }

    [Fact]
    public void Gansu_tax_rows_whose_circumstance_shares_the_standard_cell_are_split_and_the_first_tier_is_no_penalty()
    {
        var result = BenchmarkSheetRules.Read(
        [
            Row(2, Tax, "轻微", "", "经税务机关责令限期改正限期内改正的,不予处罚。"),
            Row(3, Tax, "一般", "", "在税务机关责令限期改正的期限届满30日内改正的,对个人处500元以下的罚款,对企业或者其他组织处1000元以下的罚款。"),
            Row(4, Tax, "较重", "", "在税务机关责令限期改正的期限届满超过30日改正的,对个人处500元以上2000元以下的罚款,对企业或者其他组织处1000元以上2000元以下的罚款。"),
            Row(5, Tax, "严重", "", "经税务机关责令限期改正,拒不改正或者有其他严重情节的,处2000元以上1万元以下的罚款。"),
        ]);
        Assert.True(result.IsValid, string.Join("；", result.Errors.Select(e => e.Reason)));
        var g = result.Benchmark!.Ordered.ToList();
        Assert.Equal(DiscretionTier.NoPenalty, g[0].Tier);
        Assert.Equal(["经税务机关责令限期改正限期内改正的"], g[0].CircumstanceList);
        Assert.Equal((0m, 1000m, 0m, 500m), (g[1].FineMinYuan!.Value, g[1].FineMaxYuan!.Value, g[1].CitizenFineMinYuan!.Value, g[1].CitizenFineMaxYuan!.Value));
        Assert.Equal(["经税务机关责令限期改正,拒不改正或者有其他严重情节的"], g[3].CircumstanceList);
        Assert.Equal((2000m, 10000m), (g[3].FineMinYuan!.Value, g[3].FineMaxYuan!.Value));
    }

    [Fact]
    public void Labels_that_do_not_name_a_tier_are_refused_unless_the_tier_column_names_it()
    {
        // The public-places hygiene rows (C018–C021) carry no label; 推荐阶次 supplies it.
        const string hygiene = "公共场所卫生管理条例 第十四条 (序号29)";
        var refused = BenchmarkSheetRules.Read([Row(2, hygiene, "", "卫生制度不健全或从业人员未经卫生知识培训上岗的", "给予警告")]);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((2, BenchmarkSheet.Label, "unknown_tier"), (error.RowNumber, error.Column, error.Code));
        Assert.Null(refused.Benchmark);

        var accepted = BenchmarkSheetRules.Read(
        [
            Row(2, hygiene, "", "卫生制度不健全或从业人员未经卫生知识培训上岗的\n不按时进行健康检查的", "给予警告", "从轻"),
            Row(3, hygiene, "", "有两项主要卫生指标不合格的", "处以二百元的罚款", "一般"),
            Row(4, hygiene, "", "未取得\"卫生许可证\"擅自营业的", "处以八百元的罚款", "从重"),
        ]);
        Assert.True(accepted.IsValid, string.Join("；", accepted.Errors.Select(e => e.Reason)));
        var first = accepted.Benchmark!.Ordered.First();
        Assert.Equal(2, first.CircumstanceList.Count);
        Assert.True(first.Warning);
    }

    [Fact]
    public void Every_wrong_row_is_reported_and_nothing_is_kept()
    {
        var result = BenchmarkSheetRules.Read(
        [
            Row(2, River, "一般", "影响较小的", "处1千元以上不超过1万元的罚款;"),
            Row(3, "迟报统计资料的", "(违反情节)", "未经催报", "给予警告"),                 // another violation, unknown label
            Row(4, River, "第三档", "", ""),                                              // truncated in the source (C013)
            Row(5, River, "较重", "影响较大的", "处罚款"),                                    // a fine without an amount
            Row(6, River, "一般", "影响较小的", "处1000元罚款", "一般"),                      // the same circumstance twice
        ]);
        Assert.Null(result.Benchmark);
        Assert.Contains(result.Errors, e => e.RowNumber == 3 && e.Column == BenchmarkSheet.Behaviour && e.Code == "inconsistent");
        Assert.Contains(result.Errors, e => e.RowNumber == 3 && e.Code == "unknown_tier");
        Assert.Contains(result.Errors, e => e.RowNumber == 4 && e.Column == BenchmarkSheet.Circumstances && e.Code == "required");
        Assert.Contains(result.Errors, e => e.RowNumber == 4 && e.Column == BenchmarkSheet.Standard && e.Code == "required");
        Assert.Contains(result.Errors, e => e.RowNumber == 5 && e.Code == "no_range");
        Assert.DoesNotContain(result.Errors, e => e.RowNumber == 2);
    }

    [Fact]
    public void Grades_out_of_order_or_sharing_a_circumstance_are_reported_on_their_row()
    {
        var result = BenchmarkSheetRules.Read(
        [
            Row(2, River, "严重", "影响严重的", "处2万元以上不超过5万元的罚款"),
            Row(3, River, "一般", "影响较小的\n影响严重的", "处1千元以上不超过1万元的罚款;"),
        ]);
        Assert.Contains(result.Errors, e => e.RowNumber == 3 && e.Code == "order");
        Assert.Contains(result.Errors, e => e.RowNumber == 3 && e.Code == "duplicate" && e.Column == BenchmarkSheet.Circumstances);
    }

    [Theory]
    [InlineData("违法行为(原文)", BenchmarkSheet.Behaviour)]
    [InlineData("裁量阶次/档次(原文标签)", BenchmarkSheet.Label)]
    [InlineData("适用情形(原文)", BenchmarkSheet.Circumstances)]
    [InlineData("裁量标准(原文)", BenchmarkSheet.Standard)]
    [InlineData("处罚依据(原文或摘记)", BenchmarkSheet.Basis)]
    [InlineData("\uFEFFrow_id", "row_id")]
    [InlineData("违法情节", BenchmarkSheet.Circumstances)]
    public void Headers_of_the_collected_format_are_recognised(string header, string column)
        => Assert.Equal(column, BenchmarkSheet.Normalise(header));
}
