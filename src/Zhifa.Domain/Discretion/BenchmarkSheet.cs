using Zhifa.Domain.Decisions;

namespace Zhifa.Domain.Discretion;

/// <summary>
/// The table form of a benchmark, as published benchmarks are collected (one row per grade): 违法行为, 处罚依据,
/// 裁量阶次/档次 (the published label), 适用情形 and 裁量标准, plus an optional 推荐阶次 column naming our tier where the
/// label does not (第一档, (一) …). Headers are matched without their parenthesised notes, so "违法行为(原文)" is 违法行为;
/// other columns (row_id, source_url, note …) are kept out of the benchmark except source_url as its source.
/// </summary>
public static class BenchmarkSheet
{
    public const string Behaviour = "违法行为";
    public const string Basis = "处罚依据";
    public const string Label = "裁量阶次/档次";
    public const string Circumstances = "适用情形";
    public const string Standard = "裁量标准";
    public const string Tier = "推荐阶次";
    public const string Source = "source_url";
    public const int MaxRows = 200;

    public static readonly IReadOnlyList<string> RequiredColumns = [Behaviour, Label, Circumstances, Standard];
    public static readonly IReadOnlyList<string> Columns = [Behaviour, Basis, Label, Circumstances, Standard, Tier];

    /// <summary>"违法行为(原文)" → "违法行为"; "裁量阶次" alone is the label column too.</summary>
    public static string Normalise(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF');
        int paren = h.IndexOfAny(['(', '（']);
        if (paren > 0) h = h[..paren].Trim();
        return h is "裁量阶次" or "档次" or "违法程度" ? Label : h is "违法情节" ? Circumstances : h is "处罚标准" or "裁量幅度" ? Standard : h;
    }

    public static IReadOnlyList<string> MissingColumns(IEnumerable<string> headers)
    {
        var present = headers.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        return RequiredColumns.Where(c => !present.Contains(c)).ToList();
    }

    /// <summary>
    /// The tier a published label means: 轻微 is no penalty when the standard says so, else 从轻; 较重, 严重 are 从重.
    /// Null when the label alone cannot tell (第一档, (一), empty) — then 推荐阶次 must say it.
    /// </summary>
    public static DiscretionTier? TierOf(string label, ParsedStandard standard)
    {
        var l = label.Trim();
        if (standard.NoPenalty || l.Contains("不予", StringComparison.Ordinal) || l.Contains("免罚", StringComparison.Ordinal)) return DiscretionTier.NoPenalty;
        if (l.Contains("减轻", StringComparison.Ordinal)) return DiscretionTier.Mitigated;
        if (l.Contains("从轻", StringComparison.Ordinal) || l.Contains("较轻", StringComparison.Ordinal) || l.Contains("轻微", StringComparison.Ordinal)) return DiscretionTier.Lighter;
        if (l.Contains("一般", StringComparison.Ordinal)) return DiscretionTier.Ordinary;
        if (l.Contains("从重", StringComparison.Ordinal) || l.Contains("较重", StringComparison.Ordinal) || l.Contains("严重", StringComparison.Ordinal)) return DiscretionTier.Heavier;
        return null;
    }
}

/// <summary>One data row as text; <see cref="RowNumber"/> is the row as a spreadsheet shows it (header = 1).</summary>
public sealed record BenchmarkSheetRow(int RowNumber, string Behaviour, string Basis, string Label, string Circumstances, string Standard, string Tier, string Source)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(string.Concat(Behaviour, Basis, Label, Circumstances, Standard, Tier));
}

public sealed record BenchmarkSheetError(int RowNumber, string Column, string Value, string Code, string Reason);

public sealed record BenchmarkSheetResult(DiscretionBenchmark? Benchmark, IReadOnlyList<BenchmarkSheetError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Benchmark is not null;
}

/// <summary>Row-by-row reading of an uploaded benchmark: every wrong cell of every row is reported, and nothing is kept unless all rows are right.</summary>
public static class BenchmarkSheetRules
{
    public static BenchmarkSheetResult Read(IReadOnlyList<BenchmarkSheetRow> rows)
    {
        var errors = new List<BenchmarkSheetError>();
        var data = rows.Where(r => !r.IsBlank).ToList();
        if (data.Count == 0) return new(null, [new BenchmarkSheetError(1, BenchmarkSheet.Behaviour, "", "empty", "文件没有数据行")]);
        var first = data[0];
        var benchmark = new DiscretionBenchmark
        {
            Behaviour = first.Behaviour.Trim(), Basis = first.Basis.Trim(), Source = first.Source.Trim(),
        };
        foreach (var row in data)
        {
            void Error(string column, string value, string code, string reason) => errors.Add(new BenchmarkSheetError(row.RowNumber, column, Shorten(value), code, reason));
            if (row.Behaviour.Trim().Length == 0) Error(BenchmarkSheet.Behaviour, row.Behaviour, "required", "违法行为不能为空");
            else if (row.Behaviour.Trim() != benchmark.Behaviour)
                Error(BenchmarkSheet.Behaviour, row.Behaviour, "inconsistent", $"违法行为与第 {first.RowNumber} 行不同：一个事项的裁量基准只能描述一种违法行为，请分别导入");

            var circumstances = row.Circumstances.Trim();
            var standardText = row.Standard.Trim();
            // Some published tables put the circumstance and the standard in one cell: "……改正的，不予处罚。"
            if (circumstances.Length == 0 && standardText.Length > 0)
            {
                int de = standardText.IndexOf("的，", StringComparison.Ordinal) is >= 0 and var a ? a : standardText.IndexOf("的,", StringComparison.Ordinal);
                if (de > 0)
                {
                    circumstances = standardText[..(de + 1)];
                    standardText = standardText[(de + 2)..].Trim();
                }
            }
            if (circumstances.Length == 0) Error(BenchmarkSheet.Circumstances, row.Circumstances, "required", "适用情形不能为空");
            if (standardText.Length == 0) Error(BenchmarkSheet.Standard, row.Standard, "required", "裁量标准不能为空");

            var parsed = StandardText.Parse(standardText);
            DiscretionTier? tier = null;
            if (row.Tier.Trim().Length > 0)
            {
                tier = DiscretionRules.ParseTier(row.Tier);
                if (tier is null) Error(BenchmarkSheet.Tier, row.Tier, "invalid", "推荐阶次只能是：" + string.Join("、", Enum.GetValues<DiscretionTier>().Select(DiscretionRules.Label)));
            }
            else if (standardText.Length > 0)
            {
                tier = BenchmarkSheet.TierOf(row.Label, parsed);
                if (tier is null)
                    Error(BenchmarkSheet.Label, row.Label, "unknown_tier",
                        $"无法从“{(row.Label.Trim().Length == 0 ? "（空）" : row.Label.Trim())}”判断是不予处罚、减轻、从轻、一般还是从重，请在“{BenchmarkSheet.Tier}”列写明");
            }
            if (standardText.Length > 0 && parsed.MentionsFine && !parsed.HasFine)
                Error(BenchmarkSheet.Standard, row.Standard, "no_range", "裁量标准提到罚款，但读不出罚款金额或幅度（如“处1000元以上5000元以下的罚款”）");
            if (standardText.Length > 0 && !parsed.NoPenalty && !parsed.Warning && !parsed.HasFine && !parsed.MentionsFine)
                Error(BenchmarkSheet.Standard, row.Standard, "no_penalty_kind", "裁量标准没有写明不予处罚、警告或罚款");

            benchmark.Grades.Add(new DiscretionGrade
            {
                Order = benchmark.Grades.Count + 1, Tier = tier ?? DiscretionTier.Ordinary, Label = row.Label.Trim(),
                Circumstances = string.Join('\n', circumstances.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                Standard = standardText, Warning = parsed.Warning && !parsed.NoPenalty,
                FineMinYuan = parsed.FineMinYuan, FineMaxYuan = parsed.FineMaxYuan,
                CitizenFineMinYuan = parsed.CitizenFineMinYuan, CitizenFineMaxYuan = parsed.CitizenFineMaxYuan,
                GainsMultipleMin = parsed.GainsMultipleMin, GainsMultipleMax = parsed.GainsMultipleMax,
            });
        }
        if (data.Count > BenchmarkSheet.MaxRows) errors.Add(new BenchmarkSheetError(data[^1].RowNumber, BenchmarkSheet.Behaviour, "", "too_many", $"一个裁量基准不能超过 {BenchmarkSheet.MaxRows} 行"));
        if (errors.Count == 0)
        {
            // The rules of a benchmark entered by hand apply to an imported one too; their messages name the grade, which is the row.
            var check = DiscretionRules.Validate(benchmark.Behaviour, benchmark.Basis, benchmark.Source, benchmark.Grades);
            foreach (var e in check.Items)
            {
                int index = e.Field.StartsWith("grades[", StringComparison.Ordinal) && int.TryParse(e.Field.AsSpan(7, e.Field.IndexOf(']', StringComparison.Ordinal) - 7), out var i) ? i : 0;
                var row = data[Math.Min(index, data.Count - 1)];
                var column = e.Field.Contains("circumstances", StringComparison.Ordinal) ? BenchmarkSheet.Circumstances
                    : e.Field.Contains("tier", StringComparison.Ordinal) ? BenchmarkSheet.Label
                    : e.Field.StartsWith("grades[", StringComparison.Ordinal) ? BenchmarkSheet.Standard : BenchmarkSheet.Behaviour;
                errors.Add(new BenchmarkSheetError(row.RowNumber, column, "", e.Code, e.Message.Replace($"第 {index + 1} 个阶次", "本行", StringComparison.Ordinal)));
            }
        }
        return new(errors.Count == 0 ? benchmark : null, errors);
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
