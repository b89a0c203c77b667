using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Matters;

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
            if (string.IsNullOrWhiteSpace(row.Category)) Error(MatterSheet.Category, row.Category, "required", Messages.Get("validation.required", MatterSheet.Category));
            else if (category is null)
                Error(MatterSheet.Category, row.Category, "invalid", Messages.Get("matter.sheet.category_invalid", string.Join(Messages.Get("list.and"), Enum.GetValues<MatterCategory>().Select(Matter.Label))));
            if (unit.Length > 0 && !unitNames.Contains(unit)) Error(MatterSheet.Unit, row.Unit, "not_found", Messages.Get("matter.sheet.unit_not_found", unit));
            Required(MatterSheet.Law, row.Law.Trim(), 200, Error);
            Required(MatterSheet.Article, row.Article.Trim(), 50, Error);
            if (row.Text.Trim().Length > 4000) Error(MatterSheet.Text, Shorten(row.Text), "too_long", Messages.Get("validation.too_long", MatterSheet.Text, 4000));
            var flag = MatterSheet.ParseYesNo(row.RandomInspection);
            if (flag is null) Error(MatterSheet.RandomInspection, row.RandomInspection, "invalid", Messages.Get("matter.sheet.random_invalid"));

            var basis = new LegalBasis { Law = row.Law.Trim(), Article = row.Article.Trim(), Text = row.Text.Trim() };
            if (code.Length == 0) continue;
            if (!firstOfCode.TryGetValue(code, out var first))
            {
                firstOfCode[code] = (row with { Code = code, Name = name, Unit = unit }, category, flag, [basis]);
                continue;
            }

            var at = first.Row.RowNumber;
            if (name != first.Row.Name) Error(MatterSheet.Name, row.Name, "inconsistent", Messages.Get("matter.sheet.inconsistent", MatterSheet.Name, at));
            if (category is not null && first.Category is not null && category != first.Category) Error(MatterSheet.Category, row.Category, "inconsistent", Messages.Get("matter.sheet.inconsistent", MatterSheet.Category, at));
            if (unit != first.Row.Unit) Error(MatterSheet.Unit, row.Unit, "inconsistent", Messages.Get("matter.sheet.inconsistent", MatterSheet.Unit, at));
            if (flag is not null && first.Flag is not null && flag != first.Flag) Error(MatterSheet.RandomInspection, row.RandomInspection, "inconsistent", Messages.Get("matter.sheet.inconsistent", MatterSheet.RandomInspection, at));
            if (errors.Count == before && first.Bases.Any(b => b.Law == basis.Law && b.Article == basis.Article))
                Error(MatterSheet.Article, row.Article, "duplicate", Messages.Get("matter.sheet.duplicate_basis", basis.Law, basis.Article));
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
        if (value.Length == 0) error(column, value, "required", Messages.Get("validation.required", column));
        else if (value.Length > max) error(column, Shorten(value), "too_long", Messages.Get("validation.too_long", column, max));
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
