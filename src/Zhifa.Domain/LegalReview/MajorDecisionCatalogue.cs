using System.Globalization;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;

namespace Zhifa.Domain.LegalReview;

/// <summary>
/// The criteria of seed 000 art. 4 (一)(二)(五)(六) that only a person can judge; a handler, unit head or head flags a
/// case with one of them and a reason.
/// </summary>
public enum JudgementCriterion { PublicInterest, SocialRisk, Complex, RequiredByLaw, Other }

/// <summary>
/// An agency's catalogue of major decisions (重大执法决定法制审核目录清单, LR-2): the thresholds and kinds it sets for
/// the criteria that follow from the proposal and the case's documents. One row per agency; an agency without a row
/// uses <see cref="Default"/>, which holds what seed 000 art. 4 (三)(四) says without any threshold of its own.
/// </summary>
public sealed class MajorDecisionCatalogue
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>A fine of at least this much for a natural person or 个体工商户 is major; null: no amount criterion.</summary>
    public decimal? NaturalPersonFineYuan { get; set; }
    /// <summary>A fine of at least this much for a legal person or other organisation is major.</summary>
    public decimal? OrganisationFineYuan { get; set; }
    /// <summary>Confiscation (没收违法所得、非法财物) of at least this value is major.</summary>
    public decimal? ConfiscationYuan { get; set; }
    /// <summary>The <see cref="PenaltyKind"/> names that always make a decision major, comma-separated.</summary>
    public string MajorKinds { get; set; } = "";
    /// <summary>Seed 000 art. 4 (四): decided after a hearing (a 听证笔录 of the case exists).</summary>
    public bool AfterHearing { get; set; } = true;
    /// <summary>A mitigated penalty or one outside the benchmark's range (several published catalogues list it).</summary>
    public bool MitigatedOrOutsideRange { get; set; }
    /// <summary>The agency sends every general-procedure penalty to review.</summary>
    public bool AllGeneralProcedurePenalties { get; set; }
    /// <summary>What the agency adds in words (other items of its published list).</summary>
    public string Notes { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public static readonly IReadOnlyList<PenaltyKind> DefaultMajorKinds =
        [PenaltyKind.SuspendBusiness, PenaltyKind.OrderClosure, PenaltyKind.RestrictPractice, PenaltyKind.LowerQualification, PenaltyKind.RevokeLicence];

    public static MajorDecisionCatalogue Default(int agencyId) => new()
    {
        AgencyId = agencyId, MajorKinds = string.Join(',', DefaultMajorKinds), AfterHearing = true,
    };

    public IReadOnlyList<PenaltyKind> Kinds => MajorKinds
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => Enum.TryParse<PenaltyKind>(k, out var kind) ? (PenaltyKind?)kind : null)
        .OfType<PenaltyKind>().ToList();

    public static string Label(JudgementCriterion c) => c switch
    {
        JudgementCriterion.PublicInterest => "涉及重大公共利益或者直接关系当事人、第三人重大权益",
        JudgementCriterion.SocialRisk => "可能造成重大社会影响或者引发重大社会风险",
        JudgementCriterion.Complex => "案件情况疑难复杂、涉及多个法律关系",
        JudgementCriterion.RequiredByLaw => "法律、法规、规章规定应当进行法制审核",
        _ => "承办机构负责人认为应当提请法制审核的其他情形",
    };

    public static JudgementCriterion? ParseCriterion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var c in Enum.GetValues<JudgementCriterion>())
            if (string.Equals(t, c.ToString(), StringComparison.OrdinalIgnoreCase) || t == Label(c)) return c;
        return null;
    }

    /// <summary>Checks what an administrator enters; amounts are positive yuan with at most two decimals.</summary>
    public static ValidationErrors Validate(decimal? naturalPerson, decimal? organisation, decimal? confiscation, IEnumerable<string> kinds, string? notes,
        out List<PenaltyKind> parsedKinds)
    {
        var errors = new ValidationErrors();
        void Amount(string field, decimal? value, string label)
        {
            if (value is null) return;
            if (value <= 0) errors.Add(field, "out_of_range", $"{label}应大于零");
            else if (decimal.Round(value.Value, 2) != value) errors.Add(field, "precision", $"{label}最多保留两位小数");
        }
        Amount("naturalPersonFineYuan", naturalPerson, "对自然人（含个体工商户）的罚款数额");
        Amount("organisationFineYuan", organisation, "对法人或其他组织的罚款数额");
        Amount("confiscationYuan", confiscation, "没收违法所得或非法财物的数额");
        parsedKinds = [];
        foreach (var text in kinds)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (SimpleProcedure.ParseKind(text) is { } k) { if (!parsedKinds.Contains(k)) parsedKinds.Add(k); }
            else errors.Add("majorKinds", "invalid", $"处罚种类“{text}”无效");
        }
        errors.MaxLength("notes", notes, 4000, "其他说明");
        return errors;
    }
}

/// <summary>A case flagged by a person under one of the judgement criteria; kept (and audited) like every change.</summary>
public sealed class ReviewFlag
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public JudgementCriterion Criterion { get; set; }
    public string Reason { get; set; } = "";
    public DateTime FlaggedAt { get; set; }
    public string FlaggedBy { get; set; } = "";
    public string FlaggedByName { get; set; } = "";
}

/// <summary>One reason a case needs legal review: a stable code and the Chinese sentence shown to people.</summary>
public sealed record MajorReason(string Code, string Message, bool Manual = false);

/// <summary>What the flagging rules need to know about a case; the caller reads it from the case, its proposal and documents.</summary>
public sealed record MajorDecisionFacts(
    CaseCategory Category,
    CaseProcedure Procedure,
    IReadOnlyList<PartyKind> Parties,
    DecisionProposal? Proposal,
    bool HearingRecorded,
    IReadOnlyList<ReviewFlag> ManualFlags);

/// <summary>LR-2: whether a case's decision is major, and every reason why.</summary>
public static class MajorDecisionRules
{
    private static string Yuan(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static IReadOnlyList<MajorReason> Reasons(MajorDecisionCatalogue catalogue, MajorDecisionFacts f)
    {
        var reasons = new List<MajorReason>();
        // A penalty decided on the spot has no proposal to review (行政处罚法 art. 51); only a person's flag applies.
        bool general = f.Category != CaseCategory.Penalty || f.Procedure != CaseProcedure.Simple;
        var p = f.Proposal;
        if (general && p is not null && p.Outcome == DecisionOutcome.Penalty)
        {
            bool anyPerson = f.Parties.Any(k => k is PartyKind.NaturalPerson or PartyKind.IndividualBusiness);
            bool anyOrganisation = f.Parties.Any(k => k is PartyKind.LegalPerson or PartyKind.OtherOrganization);
            if (p.FineYuan is { } fine)
            {
                if (anyPerson && catalogue.NaturalPersonFineYuan is { } np && fine >= np)
                    reasons.Add(new("fine.natural_person", $"拟对自然人（含个体工商户）罚款 {Yuan(fine)} 元，达到本机关目录规定的 {Yuan(np)} 元"));
                else if (anyOrganisation && catalogue.OrganisationFineYuan is { } org && fine >= org)
                    reasons.Add(new("fine.organisation", $"拟对法人或其他组织罚款 {Yuan(fine)} 元，达到本机关目录规定的 {Yuan(org)} 元"));
            }
            if (p.ConfiscationYuan is { } conf && catalogue.ConfiscationYuan is { } limit && conf >= limit)
                reasons.Add(new("confiscation", $"拟没收违法所得或非法财物 {Yuan(conf)} 元，达到本机关目录规定的 {Yuan(limit)} 元"));
            var major = p.Kinds.Where(catalogue.Kinds.Contains).ToList();
            if (major.Count > 0)
                reasons.Add(new("kind", $"拟作出{string.Join("、", major.Select(SimpleProcedure.Label))}的行政处罚（审核办法第四条第三项）"));
            if (catalogue.MitigatedOrOutsideRange && (p.Tier == DiscretionTier.Mitigated || p.OutsideRangeReason.Trim().Length > 0))
                reasons.Add(new("discretion", p.Tier == DiscretionTier.Mitigated ? "拟减轻处罚" : "拟作出的处罚超出裁量基准的范围"));
        }
        if (general && catalogue.AfterHearing && f.HearingRecorded)
            reasons.Add(new("hearing", "经过听证程序作出决定（已有听证笔录，审核办法第四条第四项）"));
        if (catalogue.AllGeneralProcedurePenalties && f.Category == CaseCategory.Penalty && f.Procedure == CaseProcedure.General)
            reasons.Add(new("all_general", "本机关规定普通程序的行政处罚案件一律进行法制审核"));
        foreach (var flag in f.ManualFlags.OrderBy(x => x.FlaggedAt))
            reasons.Add(new($"manual.{flag.Criterion}", $"{MajorDecisionCatalogue.Label(flag.Criterion)}：{flag.Reason}（{flag.FlaggedByName}标记）", Manual: true));
        return reasons;
    }
}
