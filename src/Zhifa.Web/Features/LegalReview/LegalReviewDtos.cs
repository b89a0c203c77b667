namespace Zhifa.Web.Features.LegalReview;

public sealed record CodeLabel(string Code, string Label);

public sealed record CatalogueDto(
    int AgencyId, bool IsDefault, decimal? NaturalPersonFineYuan, decimal? OrganisationFineYuan, decimal? ConfiscationYuan,
    IReadOnlyList<CodeLabel> MajorKinds, bool AfterHearing, bool MitigatedOrOutsideRange, bool AllGeneralProcedurePenalties, string Notes,
    IReadOnlyList<CodeLabel> JudgementCriteria, DateTime? UpdatedAt, string UpdatedBy);

/// <summary>What an administrator sets in the catalogue; shared by the page and the API.</summary>
public sealed class CatalogueInput
{
    public decimal? NaturalPersonFineYuan { get; set; }
    public decimal? OrganisationFineYuan { get; set; }
    public decimal? ConfiscationYuan { get; set; }
    /// <summary>Penalty kinds by name (RevokeLicence) or label (吊销许可证件).</summary>
    public List<string> MajorKinds { get; set; } = [];
    public bool AfterHearing { get; set; }
    public bool MitigatedOrOutsideRange { get; set; }
    public bool AllGeneralProcedurePenalties { get; set; }
    public string? Notes { get; set; }
}

public sealed class FlagInput
{
    /// <summary>PublicInterest / SocialRisk / Complex / RequiredByLaw / Other, or the Chinese label.</summary>
    public string? Criterion { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The materials of seed 000 art. 6; the draft decision is the case's current proposal.</summary>
public sealed class SubmissionInput
{
    public string? BasicFacts { get; set; }
    public string? LawApplied { get; set; }
    public string? Discretion { get; set; }
    public string? Investigation { get; set; }
    public string? HearingAndAppraisal { get; set; }
    public string? ProcedureFollowed { get; set; }
    public string? OtherMatters { get; set; }
    public List<int> EvidenceDocumentIds { get; set; } = [];
    public List<int> EvidenceRecordIds { get; set; } = [];
    public int? HearingRecordDocumentId { get; set; }
    public bool AppraisalDone { get; set; }
    public int? AppraisalDocumentId { get; set; }
    public int? AppraisalRecordId { get; set; }
    public string? ExtraMaterial { get; set; }
    public string? Reply { get; set; }
    public string? UnitOpinion { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
}

public sealed class ReturnInput
{
    public string? Reason { get; set; }
    public string? RequestedMaterial { get; set; }
}

public sealed class FindingInput
{
    /// <summary>Authority / SubjectAndQualification / Procedure / FactsAndEvidence / LawAndDiscretion / Documents / CrimeTransfer.</summary>
    public string? Item { get; set; }
    public bool Conforms { get; set; }
    public string? Note { get; set; }
}

public sealed class OpinionInput
{
    /// <summary>Agree 同意 / NotYet 暂不同意 / Disagree 不同意.</summary>
    public string? Outcome { get; set; }
    public List<FindingInput> Findings { get; set; } = [];
    public List<string> ReasonCategories { get; set; } = [];
    public string? Reasons { get; set; }
    public string? Suggestions { get; set; }
    /// <summary>Material the handling unit is to add before resubmitting.</summary>
    public string? RequestedMaterial { get; set; }
}

public sealed class TextInput
{
    public string? Text { get; set; }
}

/// <summary>The 分管领导's opinion on the 法制审核表 (LR-8): 同意 or 不同意, and what they write.</summary>
public sealed class LeaderOpinionInput
{
    public bool? Agrees { get; set; }
    public string? Text { get; set; }
}

public sealed class ConsultationInput
{
    /// <summary>LegalCounsel 法律顾问 / PublicLawyer 公职律师 / Expert 专家.</summary>
    public string? Kind { get; set; }
    public string? Consultants { get; set; }
    public string? Question { get; set; }
    public string? Advice { get; set; }
}

public sealed class CoordinationInput
{
    public string? Participants { get; set; }
    public string? Disagreement { get; set; }
    public string? Outcome { get; set; }
}

public sealed record ReasonDto(string Code, string Message, bool Manual);

public sealed record GateDto(bool Required, bool Passed, bool Open, string Message);

/// <summary>A review's due date; <see cref="CalendarNote"/> when it was counted through a year whose holiday notice is not loaded.</summary>
public sealed record DueDto(DateOnly Due, bool Extended, bool Overdue, string Basis, string? CalendarNote = null);

public sealed record QualificationDto(int OfficerId, string Name, bool QualifiedThroughout, IReadOnlyList<string> Problems);

public sealed record FindingDto(string Item, string Label, bool Conforms, string Note);

public sealed record MaterialDto(string Kind, int Id, string Name);

public sealed record OpinionDto(
    int Id, string Outcome, string OutcomeLabel, IReadOnlyList<FindingDto> Findings, IReadOnlyList<CodeLabel> ReasonCategories, string Reasons,
    string Suggestions, DateTime ReviewedAt, string ReviewedBy, string LeaderOpinion, DateTime? LeaderAt, string LeaderBy, bool? LeaderAgrees, string LeaderLabel);

public sealed record SubmissionDto(
    int Id, int Round, string Status, string StatusLabel, string UnitName, string ContactName, string ContactPhone,
    string BasicFacts, string LawApplied, string Discretion, string Investigation, string HearingAndAppraisal, string ProcedureFollowed, string OtherMatters,
    string ProposalSnapshot, string ProposalFingerprint, IReadOnlyList<MaterialDto> Materials, bool AppraisalDone, string ExtraMaterial, string Reply,
    string UnitOpinion, DateTime SubmittedAt, string SubmittedBy, DueDto? Due,
    DateTime? ReturnedAt, string ReturnedBy, string ReturnReason, string RequestedMaterial,
    string ExtensionReason, DateTime? ExtensionApprovedAt, string ExtensionApprovedBy, OpinionDto? Opinion);

public sealed record FlagDto(int Id, string Criterion, string CriterionLabel, string Reason, DateTime FlaggedAt, string FlaggedBy);

public sealed record ConsultationDto(int Id, string Kind, string KindLabel, string Consultants, string Question, string Advice, DateTime At, string RecordedBy);

public sealed record CoordinationDto(int Id, string Participants, string Disagreement, string Outcome, DateTime At, string RecordedBy);

public sealed record PermissionsDto(bool Flag, bool Submit, bool Review, bool Extend, bool LeaderOpinion, bool Consult, bool Coordinate, bool GenerateForm);

public sealed record ReviewViewDto(
    int CaseId, string CaseNumber, string CaseTitle, string Step, string StatusLabel, GateDto Gate, IReadOnlyList<ReasonDto> Reasons,
    ReviewProposalDto? Proposal, bool ProposalChangedSinceSubmission, IReadOnlyList<QualificationDto> Qualifications, DueDto? Due,
    IReadOnlyList<SubmissionDto> Submissions, IReadOnlyList<FlagDto> Flags, IReadOnlyList<ConsultationDto> Consultations,
    IReadOnlyList<CoordinationDto> Coordinations, IReadOnlyList<MaterialDto> AvailableMaterials, string RequestedMaterial,
    bool AnswersAnOpinion, PermissionsDto May);

public sealed record DeskItemDto(int CaseId, string CaseNumber, string CaseTitle, int Round, DateTime SubmittedAt, string SubmittedBy, DueDto? Due, string Note);

public sealed record DeskDto(IReadOnlyList<DeskItemDto> Pending, IReadOnlyList<DeskItemDto> Overdue, IReadOnlyList<DeskItemDto> Returned, IReadOnlyList<DeskItemDto> AwaitingLeader);

public sealed record ResponsibilityEntryDto(string Duty, string Person, DateTime At, string What);

public sealed record ResponsibilityDto(int CaseId, string CaseNumber, IReadOnlyList<ResponsibilityEntryDto> Entries);

public sealed record CaseReviewSummary(bool Required, bool Open, string Message, IReadOnlyList<string> Reasons, DueDto? Due, string StatusLabel);
