using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.LegalReview;

/// <summary>What a submission holds, as the completeness check needs it (LR-3, seed 000 art. 6).</summary>
public sealed record SubmissionMaterials(
    string? BasicFacts, string? LawApplied, string? Discretion, string? Investigation, string? HearingAndAppraisal, string? ProcedureFollowed,
    bool HasProposal, bool ProposalHasBasis, int EvidenceCount,
    bool Heard, bool HearingRecordGiven,
    bool AppraisalDone, bool AppraisalReportGiven,
    string RequestedMaterial, string? ExtraMaterial,
    bool AnswersAnOpinion, string? Reply,
    string? UnitOpinion, string? ContactName, string? ContactPhone);

/// <summary>The rules of submission, review rounds, the time limit and the gate (LR-1, LR-3 … LR-7).</summary>
public static class ReviewRules
{
    public const int ReviewWorkingDays = 5;
    public const int ExtensionWorkingDays = 5;

    public static readonly IReadOnlyList<ReviewReasonCategory> NotYetCategories =
        [ReviewReasonCategory.SupplementEvidence, ReviewReasonCategory.FixProcedure, ReviewReasonCategory.FixDocuments, ReviewReasonCategory.UnreasonableDiscretion];

    public static readonly IReadOnlyList<ReviewReasonCategory> DisagreeCategories =
        [ReviewReasonCategory.FactsUnclear, ReviewReasonCategory.EvidenceInsufficient, ReviewReasonCategory.WrongBasis,
         ReviewReasonCategory.IllegalProcedure, ReviewReasonCategory.BeyondAuthority, ReviewReasonCategory.ImproperDiscretion];

    public static string Label(ReviewOutcome o) => Messages.Get("legal_review.outcome." + o);

    public static string Label(SubmissionStatus s) => Messages.Get("legal_review.status." + s);

    public static string Label(ReviewItem i) => Messages.Get("legal_review.item." + i);

    public static string Label(ReviewReasonCategory c) => Messages.Get("legal_review.category." + c);

    public static string Label(ConsultantKind k) => Messages.Get("legal_review.consultant." + k);

    /// <summary>Reads an enum value from its name or its Chinese label.</summary>
    public static T? Parse<T>(string? text, Func<T, string> label) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(t, v.ToString(), StringComparison.OrdinalIgnoreCase) || t == label(v)) return v;
        return null;
    }

    /// <summary>The name of a part of the 情况说明 (seed 000 art. 6 second paragraph), by its field.</summary>
    public static string PartLabel(string field) => Messages.Get("legal_review.part." + field);

    /// <summary>Everything a submission lacks (seed 000 art. 6, art. 7 last paragraph), each named; empty when complete.</summary>
    public static ValidationErrors Missing(SubmissionMaterials m)
    {
        var errors = new ValidationErrors();
        void Part(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "missing", Messages.Get("legal_review.missing.part", PartLabel(field)));
        }
        Part("basicFacts", m.BasicFacts);
        Part("lawApplied", m.LawApplied);
        Part("discretion", m.Discretion);
        Part("investigation", m.Investigation);
        Part("hearingAndAppraisal", m.HearingAndAppraisal);
        Part("procedureFollowed", m.ProcedureFollowed);
        if (!m.HasProposal) errors.Add("proposal", "missing", Messages.Get("legal_review.missing.proposal"));
        else if (!m.ProposalHasBasis) errors.Add("proposal", "missing_basis", Messages.Get("legal_review.missing.proposal_basis"));
        if (m.EvidenceCount == 0) errors.Add("evidence", "missing", Messages.Get("legal_review.missing.evidence"));
        if (m.Heard && !m.HearingRecordGiven) errors.Add("hearingRecordDocumentId", "missing", Messages.Get("legal_review.missing.hearing_record"));
        if (m.AppraisalDone && !m.AppraisalReportGiven) errors.Add("appraisal", "missing", Messages.Get("legal_review.missing.appraisal"));
        if (m.RequestedMaterial.Trim().Length > 0 && string.IsNullOrWhiteSpace(m.ExtraMaterial))
            errors.Add("extraMaterial", "missing", Messages.Get("legal_review.missing.extra_material", m.RequestedMaterial.Trim()));
        if (m.AnswersAnOpinion && string.IsNullOrWhiteSpace(m.Reply))
            errors.Add("reply", "missing", Messages.Get("legal_review.missing.reply"));
        if (string.IsNullOrWhiteSpace(m.UnitOpinion)) errors.Add("unitOpinion", "missing", Messages.Get("legal_review.missing.unit_opinion"));
        errors.Required("contactName", m.ContactName, Messages.Get("legal_review.field.contact_name"))
            .Required("contactPhone", m.ContactPhone, Messages.Get("legal_review.field.contact_phone"));
        return errors;
    }

    /// <summary>
    /// LR-4, LR-6: every item has a finding, a non-conforming one says why; 同意 only when every item conforms;
    /// 暂不同意 and 不同意 need reasons and at least one reason category of their own kind.
    /// </summary>
    public static ValidationErrors ValidateOpinion(ReviewOutcome? outcome, IReadOnlyList<ReviewFinding> findings, IReadOnlyList<ReviewReasonCategory> categories, string? reasons)
    {
        var errors = new ValidationErrors();
        if (outcome is null) errors.Add("outcome", "required", Messages.Get("legal_review.opinion.outcome_required"));
        foreach (var item in Enum.GetValues<ReviewItem>())
        {
            var found = findings.Where(f => f.Item == item).ToList();
            if (found.Count == 0) errors.Add($"findings.{item}", "required", Messages.Get("legal_review.opinion.finding_missing", Label(item)));
            else if (!found[0].Conforms && string.IsNullOrWhiteSpace(found[0].Note))
                errors.Add($"findings.{item}", "note_required", Messages.Get("legal_review.opinion.note_required", Label(item)));
            foreach (var f in found) errors.MaxLength($"findings.{item}", f.Note, 2000, Label(item));
        }
        errors.MaxLength("reasons", reasons, 4000, Messages.Get("legal_review.field.reasons"));
        if (outcome == ReviewOutcome.Agree)
        {
            var problems = findings.Where(f => !f.Conforms).Select(f => Label(f.Item)).Distinct().ToList();
            if (problems.Count > 0) errors.Add("outcome", "problems_found", Messages.Get("legal_review.opinion.problems_found", string.Join(Messages.Get("list.semicolon"), problems)));
        }
        else if (outcome is { } o)
        {
            var allowed = o == ReviewOutcome.NotYet ? NotYetCategories : DisagreeCategories;
            if (!categories.Any(allowed.Contains))
                errors.Add("reasonCategories", "required", Messages.Get("legal_review.opinion.category_required", Label(o), string.Join("、", allowed.Select(Label))));
            var wrong = categories.Where(c => !allowed.Contains(c)).ToList();
            if (wrong.Count > 0) errors.Add("reasonCategories", "not_allowed", Messages.Get("legal_review.opinion.category_not_allowed", string.Join("、", wrong.Select(Label)), Label(o)));
            if (string.IsNullOrWhiteSpace(reasons)) errors.Add("reasons", "required", Messages.Get("legal_review.opinion.reasons_required", Label(o)));
        }
        return errors;
    }

    /// <summary>LR-5: due on the 5th working day after the day the materials were complete, or the 10th once extended.</summary>
    public static DateOnly Due(DateOnly completeOn, bool extended, Func<DateOnly, int, DateOnly> addWorkingDays)
        => addWorkingDays(completeOn, ReviewWorkingDays + (extended ? ExtensionWorkingDays : 0));

    /// <summary>LR-5: where the limit comes from and how it counts (working days from the day the materials were complete).</summary>
    public static string DueBasis => Messages.Get("legal_review.due_basis");

    /// <summary>The latest round of a case as the gate needs it, with the 分管领导's opinion on it (null: not given yet).</summary>
    public sealed record LatestRound(int Round, SubmissionStatus Status, ReviewOutcome? Outcome, string ReviewedFingerprint, string ReviewedBy, DateOnly? ReviewedOn, DateOnly? Due,
        bool? LeaderAgrees, string LeaderOpinion);

    /// <summary>
    /// LR-1, LR-8: a flagged case is open only when the latest round is 同意, the proposal still has the fingerprint that
    /// was reviewed, and — where the agency's chain has it (<paramref name="leaderOpinionRequired"/>) — the 分管领导 agreed
    /// on the 法制审核表 (seed 000 appendix: 分管领导意见). A leader's 不同意 keeps it closed whatever the setting. Every
    /// other state says what is missing.
    /// </summary>
    public static LegalReviewGate Gate(IReadOnlyList<MajorReason> reasons, LatestRound? latest, string? currentFingerprint, bool leaderOpinionRequired)
    {
        if (reasons.Count == 0) return LegalReviewGate.NotRequired;
        var why = reasons.Select(r => r.Message).ToList();
        if (latest is null) return new(true, why, false, Messages.Get("legal_review.gate.not_submitted"));
        if (latest.Status == SubmissionStatus.Returned) return new(true, why, false, Messages.Get("legal_review.gate.returned", latest.Round));
        if (latest.Status == SubmissionStatus.Submitted || latest.Outcome is null)
            return new(true, why, false, Messages.Get("legal_review.gate.in_review", latest.Round, latest.Due));
        if (latest.Outcome != ReviewOutcome.Agree)
            return new(true, why, false, Messages.Get("legal_review.gate.not_agreed", latest.Round, Label(latest.Outcome.Value)));
        if (currentFingerprint is null || currentFingerprint != latest.ReviewedFingerprint)
            return new(true, why, false, Messages.Get("legal_review.gate.changed"));
        if (latest.LeaderAgrees == false) return new(true, why, false, Messages.Get("legal_review.leader_disagreed", latest.Round, latest.LeaderOpinion));
        if (leaderOpinionRequired && latest.LeaderAgrees is null) return new(true, why, false, Messages.Get("legal_review.leader_opinion_missing"));
        return new(true, why, true, Messages.Get("legal_review.gate.passed", latest.Round, latest.ReviewedBy, latest.ReviewedOn,
            latest.LeaderAgrees == true ? Messages.Get("legal_review.leader_agreed_suffix") : ""));
    }

    /// <summary>
    /// LR-8: the 分管领导's opinion says 同意 or 不同意 and why (on which round, and once, is the table's: <see cref="ReviewLifecycle"/>).
    /// </summary>
    public static ValidationErrors ValidateLeaderOpinion(bool? agrees, string? text)
    {
        var errors = new ValidationErrors();
        if (agrees is null) errors.Add("agrees", "legal_review.leader_agrees_required", Messages.Get("legal_review.leader_agrees_required"));
        if (string.IsNullOrWhiteSpace(text)) errors.Add("text", "required", Messages.Get("legal_review.leader_text_required"));
        else if (text.Length > 2000) errors.Add("text", "too_long", Messages.Get("legal_review.leader_text_too_long"));
        return errors;
    }

    /// <summary>The leader's 同意 or 不同意, worded as the review unit's.</summary>
    public static string LeaderLabel(bool agrees) => Label(agrees ? ReviewOutcome.Agree : ReviewOutcome.Disagree);
}
