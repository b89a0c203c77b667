// Data, not messages: the columns and values of the matters list file, the format agencies exchange.
namespace Zhifa.Domain.Matters;

/// <summary>
/// The spreadsheet form of the matters list (执法事项清单): one row per legal basis, so a matter with several bases
/// spans several rows with the same 事项编码. Import and export use the same columns, so an export re-imports unchanged.
/// </summary>
public static class MatterSheet
{
    public const string Code = "事项编码";
    public const string Name = "事项名称";
    public const string Category = "事项类别";
    public const string Unit = "承办机构";
    public const string Law = "法律名称";
    public const string Article = "条款";
    public const string Text = "条文";
    public const string RandomInspection = "随机抽查";

    public const int MaxRows = 5000;

    /// <summary>A file may write a category without its 行政 prefix, or 征收 / 征用 alone for 行政征收征用.</summary>
    public const string CategoryPrefix = "行政";
    public static readonly IReadOnlyList<string> ExpropriationWords = ["征收", "征用"];

    public static readonly IReadOnlyList<string> Columns = [Code, Name, Category, Unit, Law, Article, Text, RandomInspection];

    /// <summary>Columns a file must have; the others may be left out and read as empty.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = [Code, Name, Category, Law, Article];

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>是 / 否, or empty for 否; null when the text is neither.</summary>
    public static bool? ParseYesNo(string? text) => text?.Trim() switch
    {
        null or "" or "否" => false,
        "是" => true,
        _ => null,
    };
}
