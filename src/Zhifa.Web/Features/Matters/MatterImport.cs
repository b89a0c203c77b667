using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Zhifa.Data;
using Zhifa.Domain.Matters;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>The outcome of an upload: either a file-level problem, or per-row errors, or the counts of what was saved.</summary>
public sealed record MatterImportResult(string? FileError, IReadOnlyList<MatterSheetError> RowErrors, int Created, int Updated, int Unchanged)
{
    public bool Succeeded => FileError is null && RowErrors.Count == 0;
    public int Imported => Created + Updated + Unchanged;

    public string Summary => UiText.T("matters.import.summary", Imported, Created, Updated) + (Unchanged > 0 ? UiText.T("matters.import.summary_unchanged", Unchanged) : "");

    public static MatterImportResult Refused(string fileError) => new(fileError, [], 0, 0, 0);
}

public sealed record MatterImportCounts(int Imported, int Created, int Updated, int Unchanged, string Message);

/// <summary>
/// Reads a matters list from .xlsx or .csv, validates it with <see cref="MatterSheetRules"/> and saves it all at once
/// (one SaveChanges, so one transaction): a file with any wrong row changes nothing. Also writes the export and the template.
/// </summary>
public sealed class MatterImport(AppDbContext db, Agencies.AgencyService agencies)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>One exported row; the attribute names are the sheet's column headers.</summary>
    public sealed class SheetRow
    {
        [ExcelColumnName(MatterSheet.Code)] public string Code { get; set; } = "";
        [ExcelColumnName(MatterSheet.Name)] public string Name { get; set; } = "";
        [ExcelColumnName(MatterSheet.Category)] public string Category { get; set; } = "";
        [ExcelColumnName(MatterSheet.Unit)] public string Unit { get; set; } = "";
        [ExcelColumnName(MatterSheet.Law)] public string Law { get; set; } = "";
        [ExcelColumnName(MatterSheet.Article)] public string Article { get; set; } = "";
        [ExcelColumnName(MatterSheet.Text)] public string Text { get; set; } = "";
        [ExcelColumnName(MatterSheet.RandomInspection)] public string RandomInspection { get; set; } = "";
    }

    public async Task<MatterImportResult> ImportAsync(int agencyId, IFormFile? file)
    {
        if (file is null || file.Length == 0) return MatterImportResult.Refused(UiText.T("matters.import.error.file_required"));
        if (file.Length > MaxBytes) return MatterImportResult.Refused(UiText.T("matters.import.error.too_large"));
        await using var stream = file.OpenReadStream();
        return await ImportAsync(agencyId, stream, file.FileName);
    }

    public async Task<MatterImportResult> ImportAsync(int agencyId, Stream content, string fileName)
    {
        var (rows, fileError) = await ReadAsync(content, fileName);
        if (fileError is not null) return MatterImportResult.Refused(fileError);

        var units = await agencies.UnitsOfAsync(agencyId);
        var check = MatterSheetRules.Validate(rows, units.Select(u => u.Name).ToHashSet());
        if (!check.IsValid) return new MatterImportResult(null, check.Errors, 0, 0, 0);

        var existing = await db.Matters.Include(m => m.Bases).Where(m => m.AgencyId == agencyId).ToDictionaryAsync(m => m.Code, StringComparer.Ordinal);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var sheet in check.Matters)
        {
            int? unitId = sheet.UnitName is null ? null : units.First(u => u.Name == sheet.UnitName).Id;
            var bases = sheet.Bases.Select(b => new LegalBasis { Law = b.Law, Article = b.Article, Text = b.Text }).ToList();
            if (!existing.TryGetValue(sheet.Code, out var matter))
            {
                db.Matters.Add(new Matter
                {
                    AgencyId = agencyId, Code = sheet.Code, Name = sheet.Name, Category = sheet.Category,
                    ResponsibleUnitId = unitId, RandomInspection = sheet.RandomInspection, Bases = bases,
                });
                created++;
                continue;
            }
            bool same = matter.Name == sheet.Name && matter.Category == sheet.Category && matter.ResponsibleUnitId == unitId
                && matter.RandomInspection == sheet.RandomInspection && MatterService.SameBases(matter.Bases, bases);
            if (same) { unchanged++; continue; }
            matter.Name = sheet.Name;
            matter.Category = sheet.Category;
            matter.ResponsibleUnitId = unitId;
            matter.RandomInspection = sheet.RandomInspection;
            if (!MatterService.SameBases(matter.Bases, bases))
            {
                matter.Bases.Clear();
                matter.Bases.AddRange(bases);
            }
            updated++;
        }
        db.AddAuditEvent("Matter.imported", "Agency", agencyId.ToString(CultureInfo.InvariantCulture), agencyId,
            $"file={fileName};created={created};updated={updated};unchanged={unchanged}");
        await db.SaveChangesAsync();
        return new MatterImportResult(null, [], created, updated, unchanged);
    }

    /// <summary>Turns the file into text rows; the first row is the header, matched by name so columns may be in any order.</summary>
    public static async Task<(List<MatterSheetRow> Rows, string? Error)> ReadAsync(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not ".xlsx" and not ".csv") return ([], UiText.T("matters.import.error.extension"));

        using var buffer = new MemoryStream();
        await CopyLimitedAsync(content, buffer);
        if (buffer.Length > MaxBytes) return ([], UiText.T("matters.import.error.too_large"));
        buffer.Position = 0;

        Stream source = buffer;
        if (extension == ".csv") source = new MemoryStream(Encoding.UTF8.GetBytes(DecodeCsv(buffer.ToArray())));

        var rows = new List<MatterSheetRow>();
        try
        {
            var type = extension == ".csv" ? ExcelType.CSV : ExcelType.XLSX;
            // Without useHeaderRow the header row comes first as ordinary cells, which also works for a header-only file.
            Dictionary<string, string>? columnOf = null;
            int rowNumber = 0;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(source, useHeaderRow: false, excelType: type))
            {
                rowNumber++;
                if (columnOf is null)
                {
                    columnOf = [];
                    foreach (var (letter, value) in cells)
                    {
                        var header = Cell(value).TrimStart('\uFEFF').Trim();
                        if (header.Length > 0) columnOf.TryAdd(header, letter);
                    }
                    var missing = MatterSheetRules.MissingColumns(columnOf.Keys);
                    if (missing.Count > 0) return ([], UiText.T("matters.import.error.missing_columns", string.Join(UiText.T("list.and"), missing), string.Join(UiText.T("list.and"), MatterSheet.Columns)));
                    continue;
                }
                if (rowNumber - 1 > MatterSheet.MaxRows) return ([], UiText.T("matters.import.error.too_many_rows", MatterSheet.MaxRows));
                string Get(string column) => columnOf.TryGetValue(column, out var letter) && cells.TryGetValue(letter, out var v) ? Cell(v) : "";
                rows.Add(new MatterSheetRow(rowNumber, Get(MatterSheet.Code), Get(MatterSheet.Name), Get(MatterSheet.Category), Get(MatterSheet.Unit),
                    Get(MatterSheet.Law), Get(MatterSheet.Article), Get(MatterSheet.Text), Get(MatterSheet.RandomInspection)));
            }
            if (columnOf is null) return ([], UiText.T("matters.import.error.empty", string.Join(UiText.T("list.and"), MatterSheet.Columns)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ([], extension == ".csv"
                ? UiText.T("matters.import.error.csv", rows.Count + 2)
                : UiText.T("matters.import.error.xlsx"));
        }
        return (rows, null);
    }

    /// <summary>UTF-8 with or without BOM; a file that is not valid UTF-8 is read as GB18030, as saved by older Excel in China.</summary>
    public static string DecodeCsv(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static async Task CopyLimitedAsync(Stream from, Stream to)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(chunk)) > 0)
        {
            await to.WriteAsync(chunk.AsMemory(0, read));
            if (to.Length > MaxBytes) return;
        }
    }

    /// <summary>A cell as text; Excel stores codes typed as numbers as doubles, which must not come back as 3.30217E+11.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when Math.Abs(d) < 7.9e27 && d == Math.Floor(d) => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        bool b => MatterSheet.YesNo(b),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>The agency's matters in sheet form, one row per legal basis, ordered by code.</summary>
    public async Task<byte[]> ExportAsync(int agencyId)
    {
        var units = (await agencies.UnitsOfAsync(agencyId)).ToDictionary(u => u.Id, u => u.Name);
        var matters = await db.Matters.AsNoTracking().Include(m => m.Bases).Where(m => m.AgencyId == agencyId).OrderBy(m => m.Code).ToListAsync();
        var rows = new List<SheetRow>();
        foreach (var m in matters)
        {
            var bases = m.Bases.Count == 0 ? [new LegalBasis()] : m.Bases.OrderBy(b => b.Id).ToList();
            rows.AddRange(bases.Select(b => new SheetRow
            {
                Code = m.Code, Name = m.Name, Category = Matter.Label(m.Category),
                Unit = m.ResponsibleUnitId is { } u && units.TryGetValue(u, out var n) ? n : "",
                Law = b.Law, Article = b.Article, Text = b.Text, RandomInspection = MatterSheet.YesNo(m.RandomInspection),
            }));
        }
        return Write(rows);
    }

    public static byte[] Template() => Write([MatterTemplateSample.Row]);

    private static byte[] Write(List<SheetRow> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: UiText.T("matters.title"), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ExportFileName(string agencyShortName, DateTime chinaToday)
        => UiText.T("matters.export.file_name", agencyShortName, chinaToday);
}
