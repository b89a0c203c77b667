using System.Globalization;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;

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
            return Label.Length == 0 || tier == Label || tier == Label + "处罚" ? tier : $"{tier}（{Label}）";
        }
    }

    public bool HasFine => FineMaxYuan is not null || CitizenFineMaxYuan is not null || GainsMultipleMax is not null;

    /// <summary>The standard in short: 警告；罚款 1000–10000 元（公民 500–2000 元）.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        if (Tier == DiscretionTier.NoPenalty) parts.Add("不予处罚");
        if (Warning) parts.Add("警告");
        if (FineMaxYuan is not null) parts.Add("罚款 " + DiscretionRules.Range(FineMinYuan, FineMaxYuan) + " 元");
        if (CitizenFineMaxYuan is not null) parts.Add((FineMaxYuan is null ? "罚款 " : "对公民 ") + DiscretionRules.Range(CitizenFineMinYuan, CitizenFineMaxYuan) + " 元");
        if (GainsMultipleMax is not null) parts.Add("违法所得 " + DiscretionRules.Range(GainsMultipleMin, GainsMultipleMax) + " 倍的罚款");
        return parts.Count == 0 ? "不处罚款" : string.Join("；", parts);
    }
}

/// <summary>Labels, formatting and the validation of benchmarks.</summary>
public static class DiscretionRules
{
    public const int MaxGrades = 20;

    public static string Label(DiscretionTier tier) => tier switch
    {
        DiscretionTier.NoPenalty => "不予处罚",
        DiscretionTier.Mitigated => "减轻处罚",
        DiscretionTier.Lighter => "从轻处罚",
        DiscretionTier.Ordinary => "一般",
        DiscretionTier.Heavier => "从重处罚",
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
            if (string.Equals(t, tier.ToString(), StringComparison.OrdinalIgnoreCase) || t == label || t + "处罚" == label) return tier;
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
            .Required("behaviour", behaviour, "违法行为").MaxLength("behaviour", behaviour, 1000, "违法行为")
            .MaxLength("basis", basis, 4000, "处罚依据").MaxLength("source", source, 500, "来源");
        if (grades.Count == 0) errors.Add("grades", "required", "至少需要一个裁量阶次");
        if (grades.Count > MaxGrades) errors.Add("grades", "too_many", $"裁量阶次不能超过 {MaxGrades} 个");
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < grades.Count; i++)
        {
            var g = grades[i];
            var f = $"grades[{i}].";
            var name = $"第 {i + 1} 个阶次";
            errors.MaxLength(f + "label", g.Label, 50, name + "的原文标签").MaxLength(f + "standard", g.Standard, 2000, name + "的裁量标准");
            var circumstances = g.CircumstanceList;
            if (circumstances.Count == 0) errors.Add(f + "circumstances", "required", name + "须至少有一项适用情形");
            foreach (var c in circumstances)
            {
                if (c.Length > 500) errors.Add(f + "circumstances", "too_long", $"{name}的适用情形每项不能超过 500 个字符");
                else if (owner.TryGetValue(c, out var other) && other != i)
                    errors.Add(f + "circumstances", "duplicate", $"适用情形“{c}”已属于第 {other + 1} 个阶次，同一情形只能对应一个阶次");
                else owner[c] = i;
            }
            if (i > 0 && g.Tier < grades[i - 1].Tier)
                errors.Add(f + "tier", "order", $"{name}（{Label(g.Tier)}）排在{Label(grades[i - 1].Tier)}之后：阶次应从轻到重排列");
            RangeOf(errors, f + "fineMaxYuan", name + "的罚款", g.FineMinYuan, g.FineMaxYuan);
            RangeOf(errors, f + "citizenFineMaxYuan", name + "对公民的罚款", g.CitizenFineMinYuan, g.CitizenFineMaxYuan);
            RangeOf(errors, f + "gainsMultipleMax", name + "的违法所得倍数", g.GainsMultipleMin, g.GainsMultipleMax);
            if (g.Tier == DiscretionTier.NoPenalty && (g.HasFine || g.Warning))
                errors.Add(f + "tier", "no_penalty_with_penalty", $"{name}为不予处罚，不能同时设定警告或罚款");
        }
        return errors;
    }

    private static void RangeOf(ValidationErrors errors, string field, string what, decimal? min, decimal? max)
    {
        if (min is < 0 || max is < 0) errors.Add(field, "out_of_range", what + "不能为负数");
        else if (min is not null && max is null) errors.Add(field, "required", what + "填写了下限，须同时填写上限");
        else if (min > max) errors.Add(field, "out_of_range", what + "下限不能高于上限");
        else if (max > 1_000_000_000_000m) errors.Add(field, "out_of_range", what + "金额过大");
    }
}
