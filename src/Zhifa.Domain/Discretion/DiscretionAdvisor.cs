using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;

namespace Zhifa.Domain.Discretion;

/// <summary>
/// The tier and range the recorded circumstances lead to (DIS-2). <see cref="FineMinYuan"/> / <see cref="FineMaxYuan"/>
/// are null when the range cannot be told (no benchmark, or a multiple of unknown illegal gains); 0–0 means no fine.
/// </summary>
public sealed record Recommendation(
    bool HasBenchmark,
    DiscretionTier Tier,
    IReadOnlyList<DiscretionTier> SupportedTiers,
    DecisionOutcome Outcome,
    DiscretionGrade? Grade,
    bool Warning,
    decimal? FineMinYuan,
    decimal? FineMaxYuan,
    IReadOnlyList<string> Reasons)
{
    public string TierLabel => DiscretionRules.Label(Tier);

    public string RangeText => FineMaxYuan is null ? "（无法确定）"
        : FineMaxYuan == 0 ? "不处罚款" : DiscretionRules.Range(FineMinYuan, FineMaxYuan) + " 元";
}

/// <summary>Recommends from a matter's benchmark and tells how a proposal departs from the recommendation.</summary>
public static class DiscretionAdvisor
{
    private static bool IsCitizen(PartyKind k) => k is PartyKind.NaturalPerson or PartyKind.IndividualBusiness;

    /// <param name="benchmark">The matter's benchmark, or null when it has none.</param>
    /// <param name="recorded">The circumstances found (texts of the benchmark's or of <see cref="StatutoryCircumstance.All"/>).</param>
    /// <param name="illegalGainsYuan">违法所得, for ranges set as multiples of it.</param>
    public static Recommendation Recommend(DiscretionBenchmark? benchmark, IReadOnlyList<string> recorded, IReadOnlyList<PartyKind> parties, decimal? illegalGainsYuan)
    {
        var found = recorded.Select(r => r.Trim()).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        var statutory = found.Select(StatutoryCircumstance.Find).OfType<StatutoryCircumstance>().ToList();
        var grades = benchmark?.Ordered.ToList() ?? [];
        var matched = grades.Where(g => g.CircumstanceList.Any(found.Contains)).ToList();
        var reasons = new List<string>();

        var noPenalty = statutory.FirstOrDefault(s => s.Effect == CircumstanceEffect.NoPenalty);
        var noPenaltyGrade = matched.FirstOrDefault(g => g.Tier == DiscretionTier.NoPenalty);
        if (noPenalty is not null || noPenaltyGrade is not null)
        {
            var outcome = statutory.Any(s => s.Code == StatutoryCircumstance.FirstViolationCode) ? DecisionOutcome.FirstViolationNoPenalty : DecisionOutcome.NoPenalty;
            reasons.Add(noPenalty is not null
                ? $"记录了情节“{noPenalty.Text}”，推荐不予处罚"
                : $"记录了情节“{noPenaltyGrade!.CircumstanceList.First(found.Contains)}”，对应裁量基准的不予处罚阶次");
            return new Recommendation(benchmark is not null, DiscretionTier.NoPenalty, [DiscretionTier.NoPenalty], outcome, noPenaltyGrade, false, 0, 0, reasons);
        }

        bool lighter = statutory.Any(s => s.Effect == CircumstanceEffect.LighterOrMitigated);
        bool heavier = statutory.Any(s => s.Effect == CircumstanceEffect.Heavier);
        var penalising = grades.Where(g => g.Tier != DiscretionTier.NoPenalty).ToList();
        var baseGrade = matched.Where(g => g.Tier != DiscretionTier.NoPenalty).MaxBy(g => g.Order)
            ?? penalising.FirstOrDefault(g => g.Tier == DiscretionTier.Ordinary) ?? penalising.FirstOrDefault();
        if (benchmark is null) reasons.Add("本事项尚未制定裁量基准，只能按法定情节推荐阶次，罚款幅度须依照法律规定确定");
        else if (baseGrade is null) reasons.Add("裁量基准没有可处罚的阶次");
        else if (matched.Count > 0) reasons.Add($"记录的情节对应第 {baseGrade.Order} 阶次（{Name(baseGrade)}）");
        else reasons.Add($"未记录裁量基准所列的情节，按第 {baseGrade.Order} 阶次（{Name(baseGrade)}）推荐");

        var grade = baseGrade;
        DiscretionTier tier = baseGrade?.Tier ?? DiscretionTier.Ordinary;
        IReadOnlyList<DiscretionTier> supported = [tier];
        if (lighter && heavier)
        {
            reasons.Add("同时存在从轻（减轻）和从重情节，按基础阶次推荐，须在裁量理由中说明如何权衡");
            supported = new[] { tier, DiscretionTier.Mitigated, DiscretionTier.Lighter, DiscretionTier.Heavier }.Distinct().Order().ToList();
        }
        else if (lighter)
        {
            var lighterGrade = grade is { Tier: DiscretionTier.Lighter or DiscretionTier.Mitigated } ? grade
                : penalising.LastOrDefault(g => g.Tier is DiscretionTier.Lighter or DiscretionTier.Mitigated);
            if (lighterGrade is not null) grade = lighterGrade;
            else if (grade is not null) reasons.Add($"裁量基准未设从轻阶次：在第 {grade.Order} 阶次的幅度内从轻（靠近下限），或依法减轻");
            tier = lighterGrade?.Tier ?? DiscretionTier.Lighter;
            reasons.Add("有依法应当或者可以从轻、减轻处罚的情节（行政处罚法第三十条至第三十二条）");
            supported = [DiscretionTier.Mitigated, DiscretionTier.Lighter];
        }
        else if (heavier)
        {
            var heavierGrade = grade is { Tier: DiscretionTier.Heavier } ? grade : penalising.FirstOrDefault(g => g.Tier == DiscretionTier.Heavier);
            if (heavierGrade is not null) grade = heavierGrade;
            else if (grade is not null) reasons.Add($"裁量基准未设从重阶次：在第 {grade.Order} 阶次的幅度内从重（靠近上限）");
            tier = DiscretionTier.Heavier;
            reasons.Add("有依法从重处罚的情节");
            supported = [DiscretionTier.Heavier];
        }
        if (grade is not null && grade != baseGrade) reasons.Add($"推荐第 {grade.Order} 阶次（{Name(grade)}）");

        var (min, max) = grade is null ? (null, null) : RangeOf(grade, parties, illegalGainsYuan, reasons);
        return new Recommendation(benchmark is not null, tier, supported, DecisionOutcome.Penalty, grade, grade?.Warning ?? false, min, max, reasons);
    }

    private static string Name(DiscretionGrade g) => g.TierWithLabel + "：" + g.Summary();

    private static (decimal? Min, decimal? Max) RangeOf(DiscretionGrade g, IReadOnlyList<PartyKind> parties, decimal? gains, List<string> reasons)
    {
        bool citizens = parties.Count > 0 && parties.All(IsCitizen);
        if (citizens && g.CitizenFineMaxYuan is { } cmax) return (g.CitizenFineMinYuan ?? 0, cmax);
        if (g.FineMaxYuan is { } max) return (g.FineMinYuan ?? 0, max);
        if (g.GainsMultipleMax is { } mmax)
        {
            if (gains is > 0) return ((g.GainsMultipleMin ?? 0) * gains.Value, mmax * gains.Value);
            reasons.Add("该阶次按违法所得的倍数罚款，须填写违法所得金额才能计算幅度");
            return (null, null);
        }
        if (g.CitizenFineMaxYuan is not null)
        {
            reasons.Add("该阶次只规定了对公民的罚款幅度");
            return (null, null);
        }
        return (0, 0);
    }

    /// <summary>
    /// How a proposal departs from the recommendation: a fine outside the range, a tier the circumstances do not
    /// support, a penalty where they recommend none or none where they do not. Each needs a written reason (DIS-2).
    /// </summary>
    public static IReadOnlyList<string> Deviations(Recommendation r, DecisionOutcome outcome, DiscretionTier? tier, decimal? fineYuan)
    {
        var list = new List<string>();
        if (outcome == DecisionOutcome.Other) return list;
        if (r.Tier == DiscretionTier.NoPenalty)
        {
            if (outcome == DecisionOutcome.Penalty) list.Add("所记录的情节推荐不予处罚，拟作出的决定却给予行政处罚");
            return list;
        }
        if (outcome is DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty)
        {
            list.Add($"所记录的情节不支持不予处罚（推荐：{r.TierLabel}）");
            return list;
        }
        if (tier is { } t && !r.SupportedTiers.Contains(t))
            list.Add($"裁量阶次“{DiscretionRules.Label(t)}”不是所记录情节支持的阶次（推荐：{string.Join("或", r.SupportedTiers.Select(DiscretionRules.Label))}）");
        decimal fine = fineYuan ?? 0;
        if (r.FineMaxYuan is { } max && fine > max)
            list.Add($"拟罚款 {DiscretionRules.Yuan(fine)} 元，高于推荐幅度 {r.RangeText}");
        else if (r.FineMinYuan is { } min && fine < min && !(tier == DiscretionTier.Mitigated && r.SupportedTiers.Contains(DiscretionTier.Mitigated)))
            list.Add(fineYuan is null ? $"未拟罚款，低于推荐幅度 {r.RangeText}" : $"拟罚款 {DiscretionRules.Yuan(fine)} 元，低于推荐幅度 {r.RangeText}");
        return list;
    }
}
