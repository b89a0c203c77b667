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

/// <summary>One data row of an uploaded sheet, as text; <see cref="RowNumber"/> is the row as the spreadsheet shows it (header = 1).</summary>
public sealed record MatterSheetRow(
    int RowNumber, string Code, string Name, string Category, string Unit, string Law, string Article, string Text, string RandomInspection)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(string.Concat(Code, Name, Category, Unit, Law, Article, Text, RandomInspection));
}

/// <summary>Why one cell of an uploaded sheet was refused.</summary>
public sealed record MatterSheetError(int RowNumber, string Column, string Value, string Code, string Reason);

/// <summary>A matter as the sheet describes it, ready to be created or to replace the stored one with the same code.</summary>
public sealed record SheetMatter(string Code, string Name, MatterCategory Category, string? UnitName, bool RandomInspection,
    IReadOnlyList<LegalBasis> Bases);

public sealed record SheetValidation(IReadOnlyList<SheetMatter> Matters, IReadOnlyList<MatterSheetError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Row-by-row rules of a matters-list import: every wrong cell of every row is reported, so one upload shows all mistakes.</summary>
public static class MatterSheetRules
{
    /// <summary>The required columns the header lacks, in sheet order.</summary>
    public static IReadOnlyList<string> MissingColumns(IEnumerable<string> header)
    {
        var present = header.Select(h => h.Trim()).ToHashSet();
        return MatterSheet.RequiredColumns.Where(c => !present.Contains(c)).ToList();
    }

    /// <param name="rows">The data rows; blank rows are skipped.</param>
    /// <param name="unitNames">Units of the target agency; 承办机构 must name one of them or be empty.</param>
    public static SheetValidation Validate(IReadOnlyList<MatterSheetRow> rows, IReadOnlyCollection<string> unitNames)
    {
        var errors = new List<MatterSheetError>();
        var matters = new List<SheetMatter>();
        // The first row of each code fixes the matter's own fields; later rows only add bases.
        var firstOfCode = new Dictionary<string, (MatterSheetRow Row, MatterCategory? Category, bool? Flag, List<LegalBasis> Bases)>(StringComparer.Ordinal);

        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            int before = errors.Count;
            void Error(string column, string value, string code, string reason) => errors.Add(new MatterSheetError(row.RowNumber, column, value, code, reason));

            var code = row.Code.Trim();
            var name = row.Name.Trim();
            var unit = row.Unit.Trim();
            Required(MatterSheet.Code, code, 50, Error);
            Required(MatterSheet.Name, name, 200, Error);
            var category = Matter.ParseCategory(row.Category);
            if (string.IsNullOrWhiteSpace(row.Category)) Error(MatterSheet.Category, row.Category, "required", "事项类别不能为空");
            else if (category is null)
                Error(MatterSheet.Category, row.Category, "invalid", "事项类别无效，应为：" + string.Join("、", Enum.GetValues<MatterCategory>().Select(Matter.Label)));
            if (unit.Length > 0 && !unitNames.Contains(unit)) Error(MatterSheet.Unit, row.Unit, "not_found", $"承办机构“{unit}”不是本执法主体的内设机构");
            Required(MatterSheet.Law, row.Law.Trim(), 200, Error);
            Required(MatterSheet.Article, row.Article.Trim(), 50, Error);
            if (row.Text.Trim().Length > 4000) Error(MatterSheet.Text, Shorten(row.Text), "too_long", "条文不能超过 4000 个字符");
            var flag = MatterSheet.ParseYesNo(row.RandomInspection);
            if (flag is null) Error(MatterSheet.RandomInspection, row.RandomInspection, "invalid", "随机抽查只能填“是”“否”或留空");

            var basis = new LegalBasis { Law = row.Law.Trim(), Article = row.Article.Trim(), Text = row.Text.Trim() };
            if (code.Length == 0) continue;
            if (!firstOfCode.TryGetValue(code, out var first))
            {
                firstOfCode[code] = (row with { Code = code, Name = name, Unit = unit }, category, flag, [basis]);
                continue;
            }

            var at = $"与第 {first.Row.RowNumber} 行（同一事项编码）不一致";
            if (name != first.Row.Name) Error(MatterSheet.Name, row.Name, "inconsistent", "事项名称" + at);
            if (category is not null && first.Category is not null && category != first.Category) Error(MatterSheet.Category, row.Category, "inconsistent", "事项类别" + at);
            if (unit != first.Row.Unit) Error(MatterSheet.Unit, row.Unit, "inconsistent", "承办机构" + at);
            if (flag is not null && first.Flag is not null && flag != first.Flag) Error(MatterSheet.RandomInspection, row.RandomInspection, "inconsistent", "随机抽查" + at);
            if (errors.Count == before && first.Bases.Any(b => b.Law == basis.Law && b.Article == basis.Article))
                Error(MatterSheet.Article, row.Article, "duplicate", $"同一事项的法律依据“{basis.Law} {basis.Article}”重复");
            first.Bases.Add(basis);
        }

        foreach (var (code, first) in firstOfCode)
        {
            if (first.Category is { } category && first.Flag is { } flag)
                matters.Add(new SheetMatter(code, first.Row.Name, category, first.Row.Unit.Length == 0 ? null : first.Row.Unit, flag, first.Bases));
        }
        return new SheetValidation(errors.Count == 0 ? matters : [], errors);
    }

    private static void Required(string column, string value, int max, Action<string, string, string, string> error)
    {
        if (value.Length == 0) error(column, value, "required", $"{column}不能为空");
        else if (value.Length > max) error(column, Shorten(value), "too_long", $"{column}不能超过 {max} 个字符");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
