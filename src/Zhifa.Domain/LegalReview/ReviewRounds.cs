namespace Zhifa.Domain.LegalReview;

public enum SubmissionStatus { Submitted, Returned, Reviewed }

/// <summary>审核意见 of seed 000 art. 9.</summary>
public enum ReviewOutcome { Agree, NotYet, Disagree }

/// <summary>The review items of seed 000 art. 5 and 行政处罚法 art. 58 (LR-4); each gets a finding.</summary>
public enum ReviewItem { Authority, SubjectAndQualification, Procedure, FactsAndEvidence, LawAndDiscretion, Documents, CrimeTransfer }

/// <summary>The reasons of 暂不同意 (art. 9 (二)) and 不同意 (art. 9 (三)).</summary>
public enum ReviewReasonCategory
{
    SupplementEvidence, FixProcedure, FixDocuments, UnreasonableDiscretion,
    FactsUnclear, EvidenceInsufficient, WrongBasis, IllegalProcedure, BeyondAuthority, ImproperDiscretion,
}

public enum ConsultantKind { LegalCounsel, PublicLawyer, Expert }

/// <summary>
/// One submission of a case to legal review (送审, LR-3): the situation report with its parts, the draft decision as
/// it stood (snapshot and fingerprint of the proposal), the evidence and basis selected, the hearing record and
/// appraisal report, the extra material asked for, the answer to the last opinion and the handling unit's opinion.
/// Accepted only when complete, so its submission time is when the materials were complete (LR-5).
/// </summary>
public sealed class ReviewSubmission
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    /// <summary>1 for the first submission of the case, then 2, 3 … (every round is kept).</summary>
    public int Round { get; set; }
    public SubmissionStatus Status { get; set; }

    public string UnitName { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";

    // 情况说明 (art. 6 second paragraph).
    public string BasicFacts { get; set; } = "";
    public string LawApplied { get; set; } = "";
    public string Discretion { get; set; } = "";
    public string Investigation { get; set; } = "";
    public string HearingAndAppraisal { get; set; } = "";
    public string ProcedureFollowed { get; set; } = "";
    public string OtherMatters { get; set; } = "";

    /// <summary>The proposal as submitted, as JSON; the reviewer reviews this text.</summary>
    public string ProposalSnapshot { get; set; } = "";
    public string ProposalFingerprint { get; set; } = "";
    /// <summary>Ids of the case's documents and records given as evidence and basis, comma-separated.</summary>
    public string EvidenceDocumentIds { get; set; } = "";
    public string EvidenceRecordIds { get; set; } = "";
    public int? HearingRecordDocumentId { get; set; }
    public bool AppraisalDone { get; set; }
    public int? AppraisalDocumentId { get; set; }
    public int? AppraisalRecordId { get; set; }
    /// <summary>What was supplied for the material the review unit asked for.</summary>
    public string ExtraMaterial { get; set; } = "";
    /// <summary>The handling unit's answer to the previous round's opinion (答复).</summary>
    public string Reply { get; set; } = "";
    /// <summary>承办股室（单位）意见.</summary>
    public string UnitOpinion { get; set; } = "";

    public DateTime SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string SubmittedByName { get; set; } = "";

    public DateTime? ReturnedAt { get; set; }
    public string ReturnedBy { get; set; } = "";
    public string ReturnedByName { get; set; } = "";
    public string ReturnReason { get; set; } = "";
    /// <summary>Material the review unit asks for (art. 6 (六)), on a return or an opinion.</summary>
    public string RequestedMaterial { get; set; } = "";

    public string ExtensionReason { get; set; } = "";
    public DateTime? ExtensionApprovedAt { get; set; }
    public string ExtensionApprovedBy { get; set; } = "";
    public string ExtensionApprovedByName { get; set; } = "";

    public bool Extended => ExtensionApprovedAt is not null;

    public static IReadOnlyList<int> ParseIds(string ids) => ids
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : 0)
        .Where(i => i > 0).ToList();
}

/// <summary>The finding on one review item: conforms or not, and what the reviewer noted.</summary>
public sealed record ReviewFinding(ReviewItem Item, bool Conforms, string Note);

/// <summary>The review unit's opinion on one submission (a round of LR-6), with the leader's opinion given on it.</summary>
public sealed class ReviewOpinion
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public ReviewOutcome Outcome { get; set; }
    /// <summary>The <see cref="ReviewFinding"/> of every item, as JSON.</summary>
    public string Findings { get; set; } = "[]";
    /// <summary><see cref="ReviewReasonCategory"/> names, comma-separated.</summary>
    public string ReasonCategories { get; set; } = "";
    public string Reasons { get; set; } = "";
    public string Suggestions { get; set; } = "";
    /// <summary>The proposal fingerprint the opinion was given on (that of the submission).</summary>
    public string ProposalFingerprint { get; set; } = "";
    public DateTime ReviewedAt { get; set; }
    public string ReviewedBy { get; set; } = "";
    public string ReviewedByName { get; set; } = "";

    /// <summary>The 分管领导's 同意 or 不同意 (LR-8); null until given.</summary>
    public bool? LeaderAgrees { get; set; }
    public string LeaderOpinion { get; set; } = "";
    public DateTime? LeaderAt { get; set; }
    public string LeaderBy { get; set; } = "";
    public string LeaderByName { get; set; } = "";

    public IReadOnlyList<ReviewReasonCategory> Categories => ReasonCategories
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => Enum.TryParse<ReviewReasonCategory>(k, out var c) ? (ReviewReasonCategory?)c : null)
        .OfType<ReviewReasonCategory>().ToList();
}

/// <summary>LR-7: the reviewer consulted legal counsel or experts (art. 8); what was asked and advised.</summary>
public sealed class ReviewConsultation
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public ConsultantKind Kind { get; set; }
    public string Consultants { get; set; } = "";
    public string Question { get; set; } = "";
    public string Advice { get; set; } = "";
    public DateTime At { get; set; }
    public string RecordedBy { get; set; } = "";
    public string RecordedByName { get; set; } = "";
}

/// <summary>LR-6: the review unit and the handling unit disagreed and coordinated (协调); with the outcome.</summary>
public sealed class ReviewCoordination
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public string Participants { get; set; } = "";
    public string Disagreement { get; set; } = "";
    public string Outcome { get; set; } = "";
    public DateTime At { get; set; }
    public string RecordedBy { get; set; } = "";
    public string RecordedByName { get; set; } = "";
}
