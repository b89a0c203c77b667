using Zhifa.Domain.Matters;

namespace Zhifa.Domain.Tests.Matters;

public class MatterSheetRulesTests
{
    private static readonly string[] Units = ["公共卫生监督股", "医疗卫生监督股"];

    private static MatterSheetRow Row(int n, string code = "A001", string name = "对某违法行为的行政处罚", string category = "行政处罚",
        string unit = "公共卫生监督股", string law = "某某条例", string article = "第一条", string text = "条文", string random = "")
        => new(n, code, name, category, unit, law, article, text, random);

    [Fact]
    public void Rows_with_the_same_code_form_one_matter_with_several_bases()
    {
        var result = MatterSheetRules.Validate([Row(2), Row(3, article: "第二条"), Row(4, code: "B001", category: "检查", random: "是")], Units);

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Matters.Count);
        var a = result.Matters.Single(m => m.Code == "A001");
        Assert.Equal(["第一条", "第二条"], a.Bases.Select(b => b.Article));
        Assert.Equal(MatterCategory.Penalty, a.Category);
        Assert.Equal("公共卫生监督股", a.UnitName);
        var b = result.Matters.Single(m => m.Code == "B001");
        Assert.Equal(MatterCategory.Inspection, b.Category);
        Assert.True(b.RandomInspection);
    }

    [Fact]
    public void Every_wrong_cell_of_every_row_is_reported_with_its_spreadsheet_row_number()
    {
        var result = MatterSheetRules.Validate(
        [
            Row(2, category: "行政奖励"),
            Row(3, code: "B001", unit: "不存在的股"),
            Row(4, code: "C001", law: "", article: "", random: "可能"),
        ], Units);

        Assert.False(result.IsValid);
        Assert.Empty(result.Matters);
        Assert.Contains(result.Errors, e => e.RowNumber == 2 && e.Column == "事项类别" && e.Value == "行政奖励" && e.Reason.Contains("事项类别无效"));
        Assert.Contains(result.Errors, e => e.RowNumber == 3 && e.Column == "承办机构" && e.Reason.Contains("不是本执法主体的内设机构"));
        Assert.Contains(result.Errors, e => e.RowNumber == 4 && e.Column == "法律名称" && e.Reason == "法律名称不能为空");
        Assert.Contains(result.Errors, e => e.RowNumber == 4 && e.Column == "条款" && e.Reason == "条款不能为空");
        Assert.Contains(result.Errors, e => e.RowNumber == 4 && e.Column == "随机抽查");
    }

    [Fact]
    public void A_later_row_that_disagrees_with_the_first_row_of_its_code_is_refused_on_that_row()
    {
        var result = MatterSheetRules.Validate(
        [
            Row(2),
            Row(3, name: "另一个名称", article: "第二条"),
            Row(4, category: "强制", unit: "医疗卫生监督股", article: "第三条"),
        ], Units);

        Assert.Contains(result.Errors, e => e.RowNumber == 3 && e.Column == "事项名称" && e.Reason.Contains("与第 2 行"));
        Assert.Contains(result.Errors, e => e.RowNumber == 4 && e.Column == "事项类别");
        Assert.Contains(result.Errors, e => e.RowNumber == 4 && e.Column == "承办机构");
        Assert.DoesNotContain(result.Errors, e => e.RowNumber == 2);
    }

    [Fact]
    public void Categories_are_read_with_or_without_the_administrative_prefix()
    {
        var result = MatterSheetRules.Validate([Row(2, code: "1", category: "许可"), Row(3, code: "2", category: "行政许可"), Row(4, code: "3", category: "征收")], Units);

        Assert.True(result.IsValid);
        Assert.Equal([MatterCategory.Licensing, MatterCategory.Licensing, MatterCategory.Expropriation], result.Matters.Select(m => m.Category));
    }

    [Fact]
    public void Blank_rows_are_skipped_and_an_empty_unit_means_none()
    {
        var result = MatterSheetRules.Validate([Row(2, unit: ""), new MatterSheetRow(3, "", "", "", "", "", "", "", "")], Units);

        Assert.True(result.IsValid);
        Assert.Null(Assert.Single(result.Matters).UnitName);
    }

    [Fact]
    public void The_same_law_and_article_twice_in_one_matter_is_refused()
    {
        var result = MatterSheetRules.Validate([Row(2), Row(3)], Units);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "条款"), (error.RowNumber, error.Column));
    }

    [Fact]
    public void Missing_required_headers_are_named()
    {
        Assert.Equal(["事项类别", "条款"], MatterSheetRules.MissingColumns(["事项编码", "事项名称", "法律名称", "条文"]));
        Assert.Empty(MatterSheetRules.MissingColumns(MatterSheet.Columns));
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("", false)]
    [InlineData(" 是 ", true)]
    [InlineData("Y", null)]
    public void The_random_inspection_flag_reads_yes_no_or_empty(string text, bool? expected)
        => Assert.Equal(expected, MatterSheet.ParseYesNo(text));
}
