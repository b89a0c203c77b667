using Zhifa.Domain.Decisions;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Discretion;

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
        if (data.Count == 0) return new(null, [new BenchmarkSheetError(1, BenchmarkSheet.Behaviour, "", "empty", Messages.Get("discretion.sheet.empty"))]);
        var first = data[0];
        var benchmark = new DiscretionBenchmark
        {
            Behaviour = first.Behaviour.Trim(), Basis = first.Basis.Trim(), Source = first.Source.Trim(),
        };
        foreach (var row in data)
        {
            void Error(string column, string value, string code, string reason) => errors.Add(new BenchmarkSheetError(row.RowNumber, column, Shorten(value), code, reason));
            if (row.Behaviour.Trim().Length == 0) Error(BenchmarkSheet.Behaviour, row.Behaviour, "required", Messages.Get("validation.required", BenchmarkSheet.Behaviour));
            else if (row.Behaviour.Trim() != benchmark.Behaviour)
                Error(BenchmarkSheet.Behaviour, row.Behaviour, "inconsistent", Messages.Get("discretion.sheet.behaviour_differs", first.RowNumber));

            var circumstances = row.Circumstances.Trim();
            var standardText = row.Standard.Trim();
            // Some published tables put the circumstance and the standard in one cell: "……改正的，不予处罚。"
            if (circumstances.Length == 0 && standardText.Length > 0)
            {
                int de = standardText.IndexOf(BenchmarkSheet.CircumstanceEnds[0], StringComparison.Ordinal) is >= 0 and var a ? a : standardText.IndexOf(BenchmarkSheet.CircumstanceEnds[1], StringComparison.Ordinal);
                if (de > 0)
                {
                    circumstances = standardText[..(de + 1)];
                    standardText = standardText[(de + 2)..].Trim();
                }
            }
            if (circumstances.Length == 0) Error(BenchmarkSheet.Circumstances, row.Circumstances, "required", Messages.Get("validation.required", BenchmarkSheet.Circumstances));
            if (standardText.Length == 0) Error(BenchmarkSheet.Standard, row.Standard, "required", Messages.Get("validation.required", BenchmarkSheet.Standard));

            var parsed = StandardText.Parse(standardText);
            DiscretionTier? tier = null;
            if (row.Tier.Trim().Length > 0)
            {
                tier = DiscretionRules.ParseTier(row.Tier);
                if (tier is null) Error(BenchmarkSheet.Tier, row.Tier, "invalid", Messages.Get("discretion.sheet.tier_invalid", string.Join(Messages.Get("list.and"), Enum.GetValues<DiscretionTier>().Select(DiscretionRules.Label))));
            }
            else if (standardText.Length > 0)
            {
                tier = BenchmarkSheet.TierOf(row.Label, parsed);
                if (tier is null)
                    Error(BenchmarkSheet.Label, row.Label, "unknown_tier",
                        Messages.Get("discretion.sheet.tier_unknown", row.Label.Trim().Length == 0 ? Messages.Get("discretion.sheet.blank") : row.Label.Trim(), BenchmarkSheet.Tier));
            }
            if (standardText.Length > 0 && parsed.MentionsFine && !parsed.HasFine)
                Error(BenchmarkSheet.Standard, row.Standard, "no_range", Messages.Get("discretion.sheet.no_range"));
            if (standardText.Length > 0 && !parsed.NoPenalty && !parsed.Warning && !parsed.HasFine && !parsed.MentionsFine)
                Error(BenchmarkSheet.Standard, row.Standard, "no_penalty_kind", Messages.Get("discretion.sheet.no_penalty_kind"));

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
        if (data.Count > BenchmarkSheet.MaxRows) errors.Add(new BenchmarkSheetError(data[^1].RowNumber, BenchmarkSheet.Behaviour, "", "too_many", Messages.Get("discretion.sheet.too_many", BenchmarkSheet.MaxRows)));
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
                errors.Add(new BenchmarkSheetError(row.RowNumber, column, "", e.Code, e.Message.Replace(Messages.Get("discretion.grade.nth", index + 1), Messages.Get("discretion.sheet.this_row"), StringComparison.Ordinal)));
            }
        }
        return new(errors.Count == 0 ? benchmark : null, errors);
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
