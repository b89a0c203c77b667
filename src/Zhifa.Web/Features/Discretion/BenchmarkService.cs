using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Matters;
using Zhifa.Web.Features.Matters;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Discretion;

/// <summary>A benchmark as an administrator enters it; the grades replace the stored ones as a whole.</summary>
public sealed class BenchmarkInput
{
    public string? Behaviour { get; set; }
    public string? Basis { get; set; }
    public string? Source { get; set; }
    public List<GradeInput> Grades { get; set; } = [];
}

public sealed class GradeInput
{
    /// <summary>NoPenalty / Mitigated / Lighter / Ordinary / Heavier, or 不予处罚 / 减轻 / 从轻 / 一般 / 从重.</summary>
    public string? Tier { get; set; }
    public string? Label { get; set; }
    public List<string> Circumstances { get; set; } = [];
    public string? Standard { get; set; }
    public bool Warning { get; set; }
    public decimal? FineMinYuan { get; set; }
    public decimal? FineMaxYuan { get; set; }
    public decimal? CitizenFineMinYuan { get; set; }
    public decimal? CitizenFineMaxYuan { get; set; }
    public decimal? GainsMultipleMin { get; set; }
    public decimal? GainsMultipleMax { get; set; }
}

public sealed record GradeDto(int Order, string Tier, string TierLabel, string Label, IReadOnlyList<string> Circumstances, string Standard, bool Warning,
    decimal? FineMinYuan, decimal? FineMaxYuan, decimal? CitizenFineMinYuan, decimal? CitizenFineMaxYuan, decimal? GainsMultipleMin, decimal? GainsMultipleMax, string Summary);

public sealed record BenchmarkDto(int Id, int MatterId, int AgencyId, string Behaviour, string Basis, string Source, int Version, DateTime UpdatedAt, string UpdatedBy,
    IReadOnlyList<GradeDto> Grades);

public sealed record BenchmarkListItem(int MatterId, int AgencyId, string MatterCode, string MatterName, bool HasBenchmark, int? Version, int Grades);

public sealed record BenchmarkImportResult(string? FileError, IReadOnlyList<BenchmarkSheetError> RowErrors, DiscretionBenchmark? Benchmark)
{
    public bool Succeeded => FileError is null && RowErrors.Count == 0 && Benchmark is not null;
}

/// <summary>Discretion benchmarks of penalty matters (DIS-1): read, replace, import, delete. Callers check scope and rights.</summary>
public sealed class BenchmarkService(AppDbContext db, CurrentUser me, MatterService matterService) : IMatterBenchmarks
{
    public Task<DiscretionBenchmark?> FindAsync(int matterId)
        => db.Set<DiscretionBenchmark>().AsNoTracking().Include(b => b.Grades).FirstOrDefaultAsync(b => b.MatterId == matterId);

    public async Task<List<BenchmarkListItem>> ListAsync(int? agencyId)
    {
        var matters = (await matterService.VisibleQueryAsync()).Where(m => m.Category == MatterCategory.Penalty);
        if (agencyId is { } a) matters = matters.Where(m => m.AgencyId == a);
        var rows = await matters.OrderBy(m => m.AgencyId).ThenBy(m => m.Code).Select(m => new { m.Id, m.AgencyId, m.Code, m.Name }).ToListAsync();
        var ids = rows.Select(r => r.Id).ToList();
        var benchmarks = await db.Set<DiscretionBenchmark>().AsNoTracking().Where(b => ids.Contains(b.MatterId))
            .Select(b => new { b.MatterId, b.Version, Grades = b.Grades.Count }).ToDictionaryAsync(b => b.MatterId);
        return rows.Select(r => benchmarks.TryGetValue(r.Id, out var b)
            ? new BenchmarkListItem(r.Id, r.AgencyId, r.Code, r.Name, true, b.Version, b.Grades)
            : new BenchmarkListItem(r.Id, r.AgencyId, r.Code, r.Name, false, null, 0)).ToList();
    }

    /// <summary>Creates or replaces the matter's benchmark; a refused input changes nothing.</summary>
    public async Task<DiscretionBenchmark> SaveAsync(Matter matter, BenchmarkInput input)
    {
        var errors = new ValidationErrors();
        var grades = new List<DiscretionGrade>();
        for (int i = 0; i < input.Grades.Count; i++)
        {
            var g = input.Grades[i];
            var tier = DiscretionRules.ParseTier(g.Tier);
            if (string.IsNullOrWhiteSpace(g.Tier)) errors.Add($"grades[{i}].tier", "required", UiText.T("discretion.error.tier_required", i + 1));
            else if (tier is null) errors.Add($"grades[{i}].tier", "invalid", UiText.T("discretion.error.tier_invalid", i + 1));
            grades.Add(new DiscretionGrade
            {
                Order = i + 1, Tier = tier ?? DiscretionTier.Ordinary, Label = g.Label?.Trim() ?? "",
                Circumstances = string.Join('\n', g.Circumstances.SelectMany(c => (c ?? "").Split('\n')).Select(c => c.Trim()).Where(c => c.Length > 0)),
                Standard = g.Standard?.Trim() ?? "", Warning = g.Warning,
                FineMinYuan = g.FineMinYuan, FineMaxYuan = g.FineMaxYuan, CitizenFineMinYuan = g.CitizenFineMinYuan, CitizenFineMaxYuan = g.CitizenFineMaxYuan,
                GainsMultipleMin = g.GainsMultipleMin, GainsMultipleMax = g.GainsMultipleMax,
            });
        }
        if (errors.Any) errors.AddRange(DiscretionRules.Validate(input.Behaviour, input.Basis, input.Source, grades).Items.Where(e => !e.Field.EndsWith(".tier", StringComparison.Ordinal)));
        else errors.AddRange(DiscretionRules.Validate(input.Behaviour, input.Basis, input.Source, grades).Items);
        RequirePenaltyMatter(matter, errors);
        errors.ThrowIfAny();
        return await StoreAsync(matter, input.Behaviour!.Trim(), input.Basis?.Trim() ?? "", input.Source?.Trim() ?? "", grades);
    }

    private static void RequirePenaltyMatter(Matter matter, ValidationErrors errors)
    {
        if (matter.Category != MatterCategory.Penalty) errors.Add("matterId", "not_penalty", UiText.T("discretion.error.not_penalty"));
    }

    private async Task<DiscretionBenchmark> StoreAsync(Matter matter, string behaviour, string basis, string source, List<DiscretionGrade> grades)
    {
        var b = await db.Set<DiscretionBenchmark>().Include(x => x.Grades).FirstOrDefaultAsync(x => x.MatterId == matter.Id);
        if (b is null) db.Set<DiscretionBenchmark>().Add(b = new DiscretionBenchmark { MatterId = matter.Id, AgencyId = matter.AgencyId });
        b.Behaviour = behaviour;
        b.Basis = basis;
        b.Source = source;
        b.Version++;
        b.UpdatedAt = db.UtcNow;
        b.UpdatedBy = me.UserName;
        b.Grades.Clear();
        b.Grades.AddRange(grades);
        await db.SaveChangesAsync();
        return b;
    }

    public async Task DeleteAsync(Matter matter)
    {
        var b = await db.Set<DiscretionBenchmark>().FirstOrDefaultAsync(x => x.MatterId == matter.Id);
        if (b is null) return;
        db.Set<DiscretionBenchmark>().Remove(b);
        await db.SaveChangesAsync();
    }

    /// <summary>Reads a .csv (or .xlsx) in the collected-benchmarks format and replaces the matter's benchmark only if every row is right.</summary>
    public async Task<BenchmarkImportResult> ImportAsync(Matter matter, Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not ".csv" and not ".xlsx") return new(UiText.T("discretion.import.error.extension"), [], null);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        if (buffer.Length > MatterImport.MaxBytes) return new(UiText.T("matters.import.error.too_large"), [], null);
        if (matter.Category != MatterCategory.Penalty) return new(UiText.T("discretion.error.not_penalty"), [], null);
        buffer.Position = 0;
        Stream source = extension == ".csv" ? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(MatterImport.DecodeCsv(buffer.ToArray()))) : buffer;
        var rows = new List<BenchmarkSheetRow>();
        try
        {
            Dictionary<string, string>? columnOf = null;
            int rowNumber = 0;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(source, useHeaderRow: false, excelType: extension == ".csv" ? ExcelType.CSV : ExcelType.XLSX))
            {
                rowNumber++;
                if (columnOf is null)
                {
                    columnOf = [];
                    foreach (var (letter, value) in cells)
                    {
                        var header = BenchmarkSheet.Normalise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                        if (header.Length > 0) columnOf.TryAdd(header, letter);
                    }
                    var missing = BenchmarkSheet.MissingColumns(columnOf.Keys);
                    if (missing.Count > 0)
                        return new(UiText.T("discretion.import.error.missing_columns", string.Join(UiText.T("list.and"), missing), string.Join(UiText.T("list.and"), BenchmarkSheet.Columns)), [], null);
                    continue;
                }
                if (rows.Count >= BenchmarkSheet.MaxRows) return new(UiText.T("discretion.import.error.too_many_rows", BenchmarkSheet.MaxRows), [], null);
                string Get(string column) => columnOf.TryGetValue(column, out var letter) && cells.TryGetValue(letter, out var v)
                    ? (Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").Trim() : "";
                rows.Add(new BenchmarkSheetRow(rowNumber, Get(BenchmarkSheet.Behaviour), Get(BenchmarkSheet.Basis), Get(BenchmarkSheet.Label),
                    Get(BenchmarkSheet.Circumstances).Replace("\r", "", StringComparison.Ordinal), Get(BenchmarkSheet.Standard), Get(BenchmarkSheet.Tier), Get(BenchmarkSheet.Source)));
            }
            if (columnOf is null) return new(UiText.T("discretion.import.error.empty"), [], null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new(UiText.T("discretion.import.error.unreadable", rows.Count + 2), [], null);
        }
        var read = BenchmarkSheetRules.Read(rows);
        if (!read.IsValid) return new(null, read.Errors, null);
        var imported = read.Benchmark!;
        db.AddAuditEvent("DiscretionBenchmark.imported", "Matter", matter.Id.ToString(CultureInfo.InvariantCulture), matter.AgencyId,
            $"file={fileName};grades={imported.Grades.Count}");
        var stored = await StoreAsync(matter, imported.Behaviour, imported.Basis, imported.Source, imported.Grades);
        return new(null, [], stored);
    }

    public static BenchmarkDto ToDto(DiscretionBenchmark b) => new(b.Id, b.MatterId, b.AgencyId, b.Behaviour, b.Basis, b.Source, b.Version, b.UpdatedAt, b.UpdatedBy,
        b.Ordered.Select(ToDto).ToList());

    public static GradeDto ToDto(DiscretionGrade g) => new(g.Order, g.Tier.ToString(), DiscretionRules.Label(g.Tier), g.Label, g.CircumstanceList, g.Standard, g.Warning,
        g.FineMinYuan, g.FineMaxYuan, g.CitizenFineMinYuan, g.CitizenFineMaxYuan, g.GainsMultipleMin, g.GainsMultipleMax, g.Summary());

    /// <summary>The agency's benchmarks with their grades, untracked (for the published lists of 事前公开).</summary>
    public async Task<List<DiscretionBenchmark>> OfAgencyAsync(int agencyId)
        => await db.Set<DiscretionBenchmark>().AsNoTracking().Include(b => b.Grades).Where(b => b.AgencyId == agencyId).ToListAsync();
}
