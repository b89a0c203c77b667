using System.Globalization;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Rules;

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

    public static string Label(JudgementCriterion c) => Messages.Get("legal_review.criterion." + c);

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
        void Amount(string field, decimal? value, string labelCode)
        {
            if (value is null) return;
            if (value <= 0) errors.Add(field, "out_of_range", Messages.Get("legal_review.catalogue.out_of_range", Messages.Get(labelCode)));
            else if (decimal.Round(value.Value, 2) != value) errors.Add(field, "precision", Messages.Get("legal_review.catalogue.precision", Messages.Get(labelCode)));
        }
        Amount("naturalPersonFineYuan", naturalPerson, "legal_review.catalogue.natural_person_fine");
        Amount("organisationFineYuan", organisation, "legal_review.catalogue.organisation_fine");
        Amount("confiscationYuan", confiscation, "legal_review.catalogue.confiscation");
        parsedKinds = [];
        foreach (var text in kinds)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (SimpleProcedure.ParseKind(text) is { } k) { if (!parsedKinds.Contains(k)) parsedKinds.Add(k); }
            else errors.Add("majorKinds", "invalid", Messages.Get("legal_review.catalogue.kind_invalid", text));
        }
        errors.MaxLength("notes", notes, 4000, Messages.Get("legal_review.catalogue.notes"));
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
                    reasons.Add(new("fine.natural_person", Messages.Get("legal_review.reason.fine_natural_person", Yuan(fine), Yuan(np))));
                else if (anyOrganisation && catalogue.OrganisationFineYuan is { } org && fine >= org)
                    reasons.Add(new("fine.organisation", Messages.Get("legal_review.reason.fine_organisation", Yuan(fine), Yuan(org))));
            }
            if (p.ConfiscationYuan is { } conf && catalogue.ConfiscationYuan is { } limit && conf >= limit)
                reasons.Add(new("confiscation", Messages.Get("legal_review.reason.confiscation", Yuan(conf), Yuan(limit))));
            var major = p.Kinds.Where(catalogue.Kinds.Contains).ToList();
            if (major.Count > 0)
                reasons.Add(new("kind", Messages.Get("legal_review.reason.kind", string.Join("、", major.Select(SimpleProcedure.Label)))));
            if (catalogue.MitigatedOrOutsideRange && (p.Tier == DiscretionTier.Mitigated || p.OutsideRangeReason.Trim().Length > 0))
                reasons.Add(new("discretion", Messages.Get(p.Tier == DiscretionTier.Mitigated ? "legal_review.reason.mitigated" : "legal_review.reason.outside_range")));
        }
        if (general && catalogue.AfterHearing && f.HearingRecorded)
            reasons.Add(new("hearing", Messages.Get("legal_review.reason.hearing")));
        if (catalogue.AllGeneralProcedurePenalties && f.Category == CaseCategory.Penalty && f.Procedure == CaseProcedure.General)
            reasons.Add(new("all_general", Messages.Get("legal_review.reason.all_general")));
        foreach (var flag in f.ManualFlags.OrderBy(x => x.FlaggedAt))
            reasons.Add(new($"manual.{flag.Criterion}", Messages.Get("legal_review.reason.manual", MajorDecisionCatalogue.Label(flag.Criterion), flag.Reason, flag.FlaggedByName), Manual: true));
        return reasons;
    }
}
