using System.Globalization;
using System.Text.RegularExpressions;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Decisions;

/// <summary>A 罚则 that fines the act, with the highest fine it allows (null when not known).</summary>
public sealed record PenaltyNorm(string Citation, decimal? MaxFineYuan)
{
    public string Describe() => MaxFineYuan is { } max ? Messages.Get("provisions.norm_with_max", Citation, DecisionRules.Yuan(max)) : Citation;

    /// <summary>The proposal keeps its norms one per line, the citation and the amount separated by a tab (no amount when unknown).</summary>
    public static IReadOnlyList<PenaltyNorm> ParseLines(string? text) => (text ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('\t'))
        .Select(parts => new PenaltyNorm(parts[0].Trim(),
            parts.Length > 1 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var max) ? max : null))
        .Where(n => n.Citation.Length > 0).ToList();

    public static string ToLines(IEnumerable<PenaltyNorm> norms)
        => string.Join('\n', norms.Select(n => n.Citation + "\t" + (n.MaxFineYuan?.ToString("0.00", CultureInfo.InvariantCulture) ?? "")));
}

/// <summary>What a matter's legal bases suggest for a new proposal: the norms of conduct and the 罚则 with their maximum fines.</summary>
public sealed record ProvisionSuggestion(string ViolatedProvisions, IReadOnlyList<PenaltyNorm> PenaltyNorms);

/// <summary>The provisions of a proposal as they are kept, once checked.</summary>
public sealed record CheckedProvisions(string ViolatedProvisions, string PenaltyBasis, IReadOnlyList<PenaltyNorm> PenaltyNorms);

/// <summary>
/// The provisions a decision cites, each in its place (行政处罚法第五十九条第一款第二项、第三项; 第四十四条 for the notice):
/// the 违法条款 the act breaks (the norm of conduct, "违反了《…》第X条的规定") and the 处罚依据 that penalises it (the 罚则,
/// "依据《…》第Y条的规定，决定…"). Where one act breaks several norms that fine it, the one with the higher fine is applied
/// (第二十九条): the norm is chosen first, then the amount is set within it by the benchmark.
/// </summary>
public static partial class DecisionProvisions
{
    public const int MaxNorms = 5;
    public const int ViolatedMaxLength = 1000;
    public const int CitationMaxLength = 300;

    /// <summary>行政处罚法第二十九条, as a decision states why the norm was applied.</summary>
    public static string HigherFineRule => Messages.Get("provisions.higher_fine_rule");

    public static string Cite(string law, string article) => $"《{law.Trim().Trim('《', '》')}》{article.Trim()}";

    private static string Clean(string? text) => WhitespaceRun().Replace((text ?? "").Replace('\t', ' ').Trim(), " ");

    /// <summary>
    /// Checks and settles the provisions of a proposal, adding every problem to <paramref name="errors"/>. A penalty needs
    /// both the 违法条款 and the 处罚依据; a 不予处罚 needs the 违法条款 (the ground is checked by <see cref="NoPenaltyGrounds"/>).
    /// With several 罚则 and a fine, each states its maximum and the highest applies: the basis is chosen automatically when
    /// none is given, and a lower one is refused naming the norm to apply.
    /// </summary>
    public static CheckedProvisions Check(DecisionOutcome outcome, bool fines, decimal? fineYuan, string? violatedProvisions, string? penaltyBasis,
        IReadOnlyList<(string? Citation, decimal? MaxFineYuan)> norms, ValidationErrors errors)
    {
        var violated = (violatedProvisions ?? "").Trim();
        errors.MaxLength("violatedProvisions", violated, ViolatedMaxLength, Messages.Get("provisions.field.violated"));
        if (outcome == DecisionOutcome.Other) return new(violated, "", []);
        if (violated.Length == 0)
            errors.Add("violatedProvisions", "required", outcome == DecisionOutcome.Penalty
                ? Messages.Get("provisions.violated_required")
                : Messages.Get("provisions.violated_required.no_penalty"));
        // A 不予处罚 cites its ground instead of a 罚则; anything typed into the penalty fields is not kept.
        if (outcome != DecisionOutcome.Penalty) return new(violated, "", []);

        var list = new List<PenaltyNorm>();
        for (int i = 0; i < norms.Count; i++)
        {
            var citation = Clean(norms[i].Citation);
            var max = norms[i].MaxFineYuan;
            if (citation.Length == 0)
            {
                if (max is not null) errors.Add($"penaltyNorms[{i}].citation", "required", Messages.Get("provisions.norm_citation_required", i + 1));
                continue;
            }
            if (citation.Length > CitationMaxLength) errors.Add($"penaltyNorms[{i}].citation", "too_long", Messages.Get("provisions.norm_citation_too_long", i + 1, CitationMaxLength));
            if (max is < 0) errors.Add($"penaltyNorms[{i}].maxFineYuan", "out_of_range", Messages.Get("provisions.norm_max_out_of_range", i + 1));
            if (list.Any(n => n.Citation == citation)) errors.Add($"penaltyNorms[{i}].citation", "duplicate", Messages.Get("provisions.norm_duplicate", citation));
            else list.Add(new PenaltyNorm(citation, max));
        }
        if (list.Count > MaxNorms) errors.Add("penaltyNorms", "too_many", Messages.Get("provisions.norms_too_many", MaxNorms));

        var basis = Clean(penaltyBasis);
        errors.MaxLength("penaltyBasis", basis, CitationMaxLength, Messages.Get("provisions.field.basis"));
        if (list.Count == 0)
        {
            if (basis.Length == 0)
            {
                errors.Add("penaltyBasis", "required", Messages.Get("provisions.basis_required"));
                return new(violated, "", []);
            }
            list.Add(new PenaltyNorm(basis, null));
        }
        else if (basis.Length > 0 && list.All(n => n.Citation != basis))
            errors.Add("penaltyBasis", "not_listed", Messages.Get("provisions.basis_not_listed", basis));

        if (fines && list.Count > 1)
        {
            var unknown = list.Where(n => n.MaxFineYuan is null).ToList();
            foreach (var n in unknown)
                errors.Add($"penaltyNorms[{list.IndexOf(n)}].maxFineYuan", "required",
                    Messages.Get("provisions.norm_max_required", n.Citation));
            if (unknown.Count == 0)
            {
                var higher = list.MaxBy(n => n.MaxFineYuan)!;
                if (basis.Length == 0) basis = higher.Citation;
                else if (list.FirstOrDefault(n => n.Citation == basis) is { } chosen && chosen.MaxFineYuan < higher.MaxFineYuan)
                    errors.Add("penaltyBasis", "lower_fine",
                        Messages.Get("provisions.basis_lower_fine", higher.Describe(), chosen.Describe()));
            }
        }
        if (basis.Length == 0)
        {
            if (list.Count == 1) basis = list[0].Citation;
            else if (!fines) errors.Add("penaltyBasis", "required", Messages.Get("provisions.basis_required.several"));
        }

        if (list.FirstOrDefault(n => n.Citation == basis) is { MaxFineYuan: { } statutoryMax } && fines && fineYuan > statutoryMax)
            errors.Add("fineYuan", "above_statutory_max", Messages.Get("provisions.fine_above_statutory_max", DecisionRules.Yuan(fineYuan.Value), basis, DecisionRules.Yuan(statutoryMax)));
        foreach (var n in list.Where(n => violated.Contains(n.Citation, StringComparison.Ordinal)))
            errors.Add("violatedProvisions", "penalty_norm_as_violation",
                Messages.Get("provisions.penalty_norm_as_violation", n.Citation));
        return new(violated, basis, list);
    }

    /// <summary>What still keeps a proposal from being told or decided: the provisions and the ground each outcome needs.</summary>
    public static IReadOnlyList<ValidationError> Missing(DecisionProposal p)
    {
        var missing = new List<ValidationError>();
        if (p.Outcome == DecisionOutcome.Other) return missing;
        if (string.IsNullOrWhiteSpace(p.ViolatedProvisions)) missing.Add(new("violatedProvisions", "required", Messages.Get("provisions.missing.violated")));
        if (p.Outcome == DecisionOutcome.Penalty && string.IsNullOrWhiteSpace(p.PenaltyBasis)) missing.Add(new("penaltyBasis", "required", Messages.Get("provisions.missing.basis")));
        if (p.Outcome != DecisionOutcome.Penalty && p.NoPenaltyGround is null) missing.Add(new("noPenaltyGround", "required", Messages.Get("provisions.missing.ground")));
        return missing;
    }

    /// <summary>
    /// Why the applied norm was applied, as the notice and the decision state it: only where several norms fine the act
    /// (行政处罚法第二十九条); empty otherwise.
    /// </summary>
    public static string NormChoice(DecisionProposal p)
    {
        var norms = p.PenaltyNormList;
        if (p.Outcome != DecisionOutcome.Penalty || !p.Kinds.Contains(PenaltyKind.Fine) || norms.Count < 2 || p.PenaltyBasis.Length == 0) return "";
        return Messages.Get("provisions.norm_choice", string.Join("、", norms.Select(n => n.Describe())), HigherFineRule, p.PenaltyBasis);
    }

    /// <summary>The provisions in one line, for those who read them together (the legal review, the published decision).</summary>
    public static string Summary(DecisionProposal p)
    {
        var parts = new List<string>();
        if (p.ViolatedProvisions.Length > 0) parts.Add(Messages.Get("provisions.summary.violated", p.ViolatedProvisions));
        if (p.Outcome == DecisionOutcome.Penalty && p.PenaltyBasis.Length > 0)
        {
            var others = p.PenaltyNormList.Where(n => n.Citation != p.PenaltyBasis).ToList();
            parts.Add(Messages.Get("provisions.summary.basis", p.PenaltyBasis) + (others.Count == 0 || !p.Kinds.Contains(PenaltyKind.Fine) ? ""
                : Messages.Get("provisions.summary.other_norms", string.Join("、", others.Select(n => n.Describe())))));
        }
        if (p.Outcome is DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty && p.NoPenaltyGround is { } g)
            parts.Add(Messages.Get("provisions.summary.ground", NoPenaltyGrounds.Of(g).Citation, NoPenaltyGrounds.Of(g).Label));
        return string.Join("；", parts);
    }

    /// <summary>The values the notice and decision documents are filled with.</summary>
    public static DocumentBasis ForDocuments(DecisionProposal p)
    {
        var ground = p.Outcome is DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty && p.NoPenaltyGround is { } g ? NoPenaltyGrounds.Of(g) : null;
        return new DocumentBasis(p.ViolatedProvisions, p.Outcome == DecisionOutcome.Penalty ? p.PenaltyBasis : "", NormChoice(p),
            ground?.Citation ?? "", ground?.Circumstance.Text ?? "", Summary(p));
    }

    /// <summary>
    /// The proposal a matter suggests: a provision that imposes a penalty (行政处罚法第九条) is a 罚则, with the maximum fine
    /// its text states or else its benchmark's; the provisions it refers to ("违反本条例第二十七条规定") and the matter's
    /// provisions that impose none are the norms of conduct. A provision without text is taken as a 罚则, as the 权责清单
    /// lists penalty matters by their 罚则.
    /// </summary>
    public static ProvisionSuggestion Suggest(IEnumerable<LegalBasis> bases, DiscretionBenchmark? benchmark)
    {
        var violated = new List<string>();
        var norms = new List<PenaltyNorm>();
        foreach (var b in bases)
        {
            var citation = Cite(b.Law, b.Article);
            if (b.Text.Trim().Length > 0 && !IsPenaltyClause(b.Text))
            {
                violated.Add(citation);
                continue;
            }
            if (norms.All(n => n.Citation != citation)) norms.Add(new PenaltyNorm(citation, MaxFineIn(b.Text) ?? BenchmarkMaximum(benchmark, b)));
            violated.AddRange(ReferencedArticles(b.Law, b.Text));
        }
        return new ProvisionSuggestion(string.Join("、", violated.Distinct(StringComparer.Ordinal)), norms);
    }

    public static bool IsPenaltyClause(string text) => ProvisionWording.PenaltyWords.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>The articles of the same law a 罚则 says were broken: "违反本条例第二十七条规定" → 《医疗机构管理条例》第二十七条.</summary>
    public static IReadOnlyList<string> ReferencedArticles(string law, string text)
        => ReferencePattern().Matches(text)
            .SelectMany(m => ArticlePattern().Matches(m.Groups[1].Value).Select(a => Cite(law, a.Value)))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The highest "…元以下" amount a 罚则 states (五千元以下、1万元以下、二十万元以下); null when it states none.</summary>
    public static decimal? MaxFineIn(string text)
    {
        decimal? max = null;
        foreach (Match m in AmountPattern().Matches(text))
        {
            var number = m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            decimal? value = decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var arabic) ? arabic : ChineseNumber(number);
            if (value is not { } v) continue;
            if (m.Groups["w"].Success) v *= 10_000m;
            if (max is null || v > max) max = v;
        }
        return max;
    }

    /// <summary>A Chinese numeral such as 五百, 二十万 or 一万五千; null for anything else.</summary>
    private static decimal? ChineseNumber(string text)
    {
        decimal total = 0, section = 0, number = 0;
        foreach (var ch in text.Replace('〇', '零').Replace('两', '二'))
        {
            int d = ProvisionWording.Digits.IndexOf(ch, StringComparison.Ordinal);
            if (d >= 0) { number = d; continue; }
            decimal unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10_000, '亿' => 100_000_000, _ => 0 };
            if (unit == 0) return null;
            if (unit < 10_000)
            {
                section += (number == 0 && unit == 10 ? 1 : number) * unit;
                number = 0;
            }
            else
            {
                total = (total + section + number) * unit;
                section = number = 0;
            }
        }
        return total + section + number;
    }

    /// <summary>The benchmark's highest amount, where the benchmark is the one of this provision (its basis cites the article).</summary>
    private static decimal? BenchmarkMaximum(DiscretionBenchmark? benchmark, LegalBasis b)
    {
        if (benchmark is null || !benchmark.Basis.Contains(b.Article.Trim(), StringComparison.Ordinal)) return null;
        var amounts = benchmark.Grades.SelectMany(g => new[] { g.FineMaxYuan, g.CitizenFineMaxYuan }).OfType<decimal>().ToList();
        return amounts.Count == 0 ? null : amounts.Max();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(ProvisionWording.ReferencePattern)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(ProvisionWording.ArticlePattern)]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(ProvisionWording.AmountPattern)]
    private static partial Regex AmountPattern();
}
