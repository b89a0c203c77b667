// Data, not messages: the columns of published discretion tables and the words their labels use.
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

    /// <summary>Where a cell that holds both the circumstance and the standard divides them: "……改正的，不予处罚。"</summary>
    public static readonly IReadOnlyList<string> CircumstanceEnds = ["的，", "的,"];

    /// <summary>The word a tier's label may end in: 从轻 and 从轻处罚 are the same tier.</summary>
    public const string PenaltyWord = "处罚";

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
