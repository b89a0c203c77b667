// Data, not messages: the example row of the import template, as an agency's own list would read.
namespace Zhifa.Web.Features.Matters;

internal static class MatterTemplateSample
{
    public static MatterImport.SheetRow Row => new()
    {
        Code = "330217999000", Name = "对公共场所未取得卫生许可证擅自营业的行政处罚", Category = "行政处罚", Unit = "",
        Law = "公共场所卫生管理条例实施细则", Article = "第三十五条", Text = "对未依法取得公共场所卫生许可证擅自营业的……", RandomInspection = "否",
    };
}
