using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Rules;

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

    public string RangeText => FineMaxYuan is null ? Messages.Get("discretion.range.unknown")
        : FineMaxYuan == 0 ? Messages.Get("discretion.no_fine") : Messages.Get("discretion.yuan", DiscretionRules.Range(FineMinYuan, FineMaxYuan));
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
                ? Messages.Get("discretion.advice.no_penalty", noPenalty.Text)
                : Messages.Get("discretion.advice.no_penalty_grade", noPenaltyGrade!.CircumstanceList.First(found.Contains)));
            return new Recommendation(benchmark is not null, DiscretionTier.NoPenalty, [DiscretionTier.NoPenalty], outcome, noPenaltyGrade, false, 0, 0, reasons);
        }

        bool lighter = statutory.Any(s => s.Effect == CircumstanceEffect.LighterOrMitigated);
        bool heavier = statutory.Any(s => s.Effect == CircumstanceEffect.Heavier);
        var penalising = grades.Where(g => g.Tier != DiscretionTier.NoPenalty).ToList();
        var baseGrade = matched.Where(g => g.Tier != DiscretionTier.NoPenalty).MaxBy(g => g.Order)
            ?? penalising.FirstOrDefault(g => g.Tier == DiscretionTier.Ordinary) ?? penalising.FirstOrDefault();
        if (benchmark is null) reasons.Add(Messages.Get("discretion.advice.no_benchmark"));
        else if (baseGrade is null) reasons.Add(Messages.Get("discretion.advice.no_grade"));
        else if (matched.Count > 0) reasons.Add(Messages.Get("discretion.advice.matched", baseGrade.Order, Name(baseGrade)));
        else reasons.Add(Messages.Get("discretion.advice.unmatched", baseGrade.Order, Name(baseGrade)));

        var grade = baseGrade;
        DiscretionTier tier = baseGrade?.Tier ?? DiscretionTier.Ordinary;
        IReadOnlyList<DiscretionTier> supported = [tier];
        if (lighter && heavier)
        {
            reasons.Add(Messages.Get("discretion.advice.both"));
            supported = new[] { tier, DiscretionTier.Mitigated, DiscretionTier.Lighter, DiscretionTier.Heavier }.Distinct().Order().ToList();
        }
        else if (lighter)
        {
            var lighterGrade = grade is { Tier: DiscretionTier.Lighter or DiscretionTier.Mitigated } ? grade
                : penalising.LastOrDefault(g => g.Tier is DiscretionTier.Lighter or DiscretionTier.Mitigated);
            if (lighterGrade is not null) grade = lighterGrade;
            else if (grade is not null) reasons.Add(Messages.Get("discretion.advice.no_lighter", grade.Order));
            tier = lighterGrade?.Tier ?? DiscretionTier.Lighter;
            reasons.Add(Messages.Get("discretion.advice.lighter"));
            supported = [DiscretionTier.Mitigated, DiscretionTier.Lighter];
        }
        else if (heavier)
        {
            var heavierGrade = grade is { Tier: DiscretionTier.Heavier } ? grade : penalising.FirstOrDefault(g => g.Tier == DiscretionTier.Heavier);
            if (heavierGrade is not null) grade = heavierGrade;
            else if (grade is not null) reasons.Add(Messages.Get("discretion.advice.no_heavier", grade.Order));
            tier = DiscretionTier.Heavier;
            reasons.Add(Messages.Get("discretion.advice.heavier"));
            supported = [DiscretionTier.Heavier];
        }
        if (grade is not null && grade != baseGrade) reasons.Add(Messages.Get("discretion.advice.recommended", grade.Order, Name(grade)));

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
            reasons.Add(Messages.Get("discretion.advice.gains_needed"));
            return (null, null);
        }
        if (g.CitizenFineMaxYuan is not null)
        {
            reasons.Add(Messages.Get("discretion.advice.citizen_only"));
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
            if (outcome == DecisionOutcome.Penalty) list.Add(Messages.Get("discretion.depart.penalty_despite"));
            return list;
        }
        if (outcome is DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty)
        {
            list.Add(Messages.Get("discretion.depart.no_penalty_unsupported", r.TierLabel));
            return list;
        }
        if (tier is { } t && !r.SupportedTiers.Contains(t))
            list.Add(Messages.Get("discretion.depart.tier", DiscretionRules.Label(t), string.Join(Messages.Get("list.or"), r.SupportedTiers.Select(DiscretionRules.Label))));
        decimal fine = fineYuan ?? 0;
        if (r.FineMaxYuan is { } max && fine > max)
            list.Add(Messages.Get("discretion.depart.above", DiscretionRules.Yuan(fine), r.RangeText));
        else if (r.FineMinYuan is { } min && fine < min && !(tier == DiscretionTier.Mitigated && r.SupportedTiers.Contains(DiscretionTier.Mitigated)))
            list.Add(fineYuan is null ? Messages.Get("discretion.depart.no_fine", r.RangeText) : Messages.Get("discretion.depart.below", DiscretionRules.Yuan(fine), r.RangeText));
        return list;
    }
}
