using System.Globalization;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Discretion;

/// <summary>
/// The discretion benchmark (行政处罚裁量基准) of one penalty matter (DIS-1): the violation it describes, its basis, and
/// its grades (档次) from the lightest to the heaviest. Each save raises <see cref="Version"/>; the audit log keeps every
/// earlier state.
/// </summary>
public sealed class DiscretionBenchmark
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MatterId { get; set; }
    /// <summary>违法行为, as the published benchmark words it.</summary>
    public string Behaviour { get; set; } = "";
    /// <summary>处罚依据 with the statutory range (法定幅度), as published.</summary>
    public string Basis { get; set; } = "";
    /// <summary>Where the benchmark comes from (文件名称、文号或网址).</summary>
    public string Source { get; set; } = "";
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public List<DiscretionGrade> Grades { get; set; } = [];

    public IEnumerable<DiscretionGrade> Ordered => Grades.OrderBy(g => g.Order);
}

/// <summary>
/// One grade of a benchmark (裁量阶次): its tier, the circumstances (适用情形) that lead to it and its standard (裁量标准):
/// a warning, a fine range in yuan (one for everyone, optionally another for citizens) or a multiple of the illegal gains.
/// Several grades may share a tier (e.g. 较重 and 严重 are both 从重).
/// </summary>
public sealed class DiscretionGrade
{
    public int Id { get; set; }
    public int BenchmarkId { get; set; }
    public int Order { get; set; }
    public DiscretionTier Tier { get; set; }
    /// <summary>The label the published benchmark uses (轻微 / 较重 / 第一档 …).</summary>
    public string Label { get; set; } = "";
    /// <summary>The circumstances, one per line; any one of them leads to this grade.</summary>
    public string Circumstances { get; set; } = "";
    /// <summary>裁量标准 as published.</summary>
    public string Standard { get; set; } = "";
    public bool Warning { get; set; }
    public decimal? FineMinYuan { get; set; }
    public decimal? FineMaxYuan { get; set; }
    /// <summary>A range for citizens (公民、个体工商户) where the benchmark sets one apart from organisations.</summary>
    public decimal? CitizenFineMinYuan { get; set; }
    public decimal? CitizenFineMaxYuan { get; set; }
    /// <summary>违法所得 N 倍以上 M 倍以下.</summary>
    public decimal? GainsMultipleMin { get; set; }
    public decimal? GainsMultipleMax { get; set; }

    public IReadOnlyList<string> CircumstanceList => DiscretionRules.Lines(Circumstances);

    /// <summary>The tier, with the published label when it says more than the tier: 从重处罚（较重）, 一般.</summary>
    public string TierWithLabel
    {
        get
        {
            var tier = DiscretionRules.Label(Tier);
            return Label.Length == 0 || tier == Label || tier == Label + BenchmarkSheet.PenaltyWord ? tier : Messages.Get("discretion.tier_with_label", tier, Label);
        }
    }

    public bool HasFine => FineMaxYuan is not null || CitizenFineMaxYuan is not null || GainsMultipleMax is not null;

    /// <summary>The standard in short: 警告；罚款 1000–10000 元（公民 500–2000 元）.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        if (Tier == DiscretionTier.NoPenalty) parts.Add(Messages.Get("discretion.tier.no_penalty"));
        if (Warning) parts.Add(Messages.Get("discretion.warning"));
        if (FineMaxYuan is not null) parts.Add(Messages.Get("discretion.fine_range", DiscretionRules.Range(FineMinYuan, FineMaxYuan)));
        if (CitizenFineMaxYuan is not null) parts.Add(Messages.Get(FineMaxYuan is null ? "discretion.fine_range" : "discretion.citizen_fine_range", DiscretionRules.Range(CitizenFineMinYuan, CitizenFineMaxYuan)));
        if (GainsMultipleMax is not null) parts.Add(Messages.Get("discretion.gains_range", DiscretionRules.Range(GainsMultipleMin, GainsMultipleMax)));
        return parts.Count == 0 ? Messages.Get("discretion.no_fine") : string.Join(Messages.Get("list.semicolon"), parts);
    }
}

/// <summary>Labels, formatting and the validation of benchmarks.</summary>
public static class DiscretionRules
{
    public const int MaxGrades = 20;

    public static string Label(DiscretionTier tier) => tier switch
    {
        DiscretionTier.NoPenalty => Messages.Get("discretion.tier.no_penalty"),
        DiscretionTier.Mitigated => Messages.Get("discretion.tier.mitigated"),
        DiscretionTier.Lighter => Messages.Get("discretion.tier.lighter"),
        DiscretionTier.Ordinary => Messages.Get("discretion.tier.ordinary"),
        DiscretionTier.Heavier => Messages.Get("discretion.tier.heavier"),
        _ => tier.ToString(),
    };

    /// <summary>Reads a tier from its name (Lighter), its label (从轻处罚) or the short form (从轻).</summary>
    public static DiscretionTier? ParseTier(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var tier in Enum.GetValues<DiscretionTier>())
        {
            var label = Label(tier);
            if (string.Equals(t, tier.ToString(), StringComparison.OrdinalIgnoreCase) || t == label || t + BenchmarkSheet.PenaltyWord == label) return tier;
        }
        return null;
    }

    public static IReadOnlyList<string> Lines(string? text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    public static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Range(decimal? min, decimal? max)
        => (min ?? 0) == max ? Yuan(max ?? 0) : $"{Yuan(min ?? 0)}–{(max is { } m ? Yuan(m) : "")}";

    /// <summary>
    /// Every problem of a benchmark at once: grades from the lightest tier to the heaviest, each with circumstances,
    /// sensible ranges and no circumstance claimed by two grades (the recommendation could not choose).
    /// </summary>
    public static ValidationErrors Validate(string? behaviour, string? basis, string? source, IReadOnlyList<DiscretionGrade> grades)
    {
        var errors = new ValidationErrors()
            .Required("behaviour", behaviour, BenchmarkSheet.Behaviour).MaxLength("behaviour", behaviour, 1000, BenchmarkSheet.Behaviour)
            .MaxLength("basis", basis, 4000, BenchmarkSheet.Basis).MaxLength("source", source, 500, Messages.Get("discretion.field.source"));
        if (grades.Count == 0) errors.Add("grades", "required", Messages.Get("discretion.grades_required"));
        if (grades.Count > MaxGrades) errors.Add("grades", "too_many", Messages.Get("discretion.grades_too_many", MaxGrades));
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < grades.Count; i++)
        {
            var g = grades[i];
            var f = $"grades[{i}].";
            var name = Messages.Get("discretion.grade.nth", i + 1);
            errors.MaxLength(f + "label", g.Label, 50, Messages.Get("discretion.grade.label_of", name)).MaxLength(f + "standard", g.Standard, 2000, Messages.Get("discretion.grade.standard_of", name));
            var circumstances = g.CircumstanceList;
            if (circumstances.Count == 0) errors.Add(f + "circumstances", "required", Messages.Get("discretion.grade.circumstances_required", name));
            foreach (var c in circumstances)
            {
                if (c.Length > 500) errors.Add(f + "circumstances", "too_long", Messages.Get("discretion.grade.circumstance_too_long", name));
                else if (owner.TryGetValue(c, out var other) && other != i)
                    errors.Add(f + "circumstances", "duplicate", Messages.Get("discretion.grade.circumstance_duplicate", c, other + 1));
                else owner[c] = i;
            }
            if (i > 0 && g.Tier < grades[i - 1].Tier)
                errors.Add(f + "tier", "order", Messages.Get("discretion.grade.order", name, Label(g.Tier), Label(grades[i - 1].Tier)));
            RangeOf(errors, f + "fineMaxYuan", Messages.Get("discretion.grade.fine_of", name), g.FineMinYuan, g.FineMaxYuan);
            RangeOf(errors, f + "citizenFineMaxYuan", Messages.Get("discretion.grade.citizen_fine_of", name), g.CitizenFineMinYuan, g.CitizenFineMaxYuan);
            RangeOf(errors, f + "gainsMultipleMax", Messages.Get("discretion.grade.gains_of", name), g.GainsMultipleMin, g.GainsMultipleMax);
            if (g.Tier == DiscretionTier.NoPenalty && (g.HasFine || g.Warning))
                errors.Add(f + "tier", "no_penalty_with_penalty", Messages.Get("discretion.grade.no_penalty_with_penalty", name));
        }
        return errors;
    }

    private static void RangeOf(ValidationErrors errors, string field, string what, decimal? min, decimal? max)
    {
        if (min is < 0 || max is < 0) errors.Add(field, "out_of_range", Messages.Get("discretion.range.negative", what));
        else if (min is not null && max is null) errors.Add(field, "required", Messages.Get("discretion.range.max_required", what));
        else if (min > max) errors.Add(field, "out_of_range", Messages.Get("discretion.range.min_above_max", what));
        else if (max > 1_000_000_000_000m) errors.Add(field, "out_of_range", Messages.Get("discretion.range.too_large", what));
    }
}
