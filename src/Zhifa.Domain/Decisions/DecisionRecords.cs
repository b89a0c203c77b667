using Zhifa.Domain.Cases;

namespace Zhifa.Domain.Decisions;

/// <summary>
/// An agency's settings of the decision steps: what counts as a 较大数额 fine or confiscation for the hearing right
/// (行政处罚法 art. 63 leaves the amounts to the provinces and departments), and whether the deputy head may sign.
/// </summary>
public sealed class DecisionSettings
{
    public const decimal DefaultCitizenAmount = 10000m;
    public const decimal DefaultOrganisationAmount = 100000m;

    public int AgencyId { get; set; }
    public decimal LargeFineCitizenYuan { get; set; } = DefaultCitizenAmount;
    public decimal LargeFineOrganisationYuan { get; set; } = DefaultOrganisationAmount;
    public decimal LargeConfiscationCitizenYuan { get; set; } = DefaultCitizenAmount;
    public decimal LargeConfiscationOrganisationYuan { get; set; } = DefaultOrganisationAmount;
    /// <summary>The 分管领导 may sign decisions in place of the head.</summary>
    public bool DeputyHeadMaySign { get; set; }
    /// <summary>
    /// How many of the agency's 负责人 must attend a collective discussion (行政处罚法 art. 57 (2)); null: more than half of
    /// its 负责人 accounts (<see cref="DiscussionRules.Quorum"/>).
    /// </summary>
    public int? DiscussionQuorum { get; set; }
    /// <summary>The agency's review chain has the 分管领导's opinion after the review unit's 同意 (LR-8; on by default).</summary>
    public bool LeaderOpinionRequired { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// 行政处罚事先告知书 (LAW-4 art. 44/45): what the party was told is intended, as it stood when the notice was made,
/// and when it was served. The statement period and the hearing-request window run from the service.
/// </summary>
public sealed class Notice
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public int DocumentId { get; set; }
    public string Number { get; set; } = "";
    public DecisionOutcome Outcome { get; set; }
    public string PenaltyKinds { get; set; } = "";
    public decimal? FineYuan { get; set; }
    public decimal? ConfiscationYuan { get; set; }
    public string ProposalFingerprint { get; set; } = "";
    /// <summary>Art. 63: the party may ask for a hearing; the reasons say why.</summary>
    public bool HearingRight { get; set; }
    public string HearingReasons { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? ServedAt { get; set; }
    public string ServiceMethod { get; set; } = "";
    public string ServedBy { get; set; } = "";
    /// <summary>The party waived the statement (and hearing) in writing.</summary>
    public DateTime? WaivedAt { get; set; }
    public string WaiverNote { get; set; } = "";
    public string WaiverRecordedBy { get; set; } = "";

    public IReadOnlyList<PenaltyKind> Kinds => DecisionRules.ParseKinds(PenaltyKinds);
}

public enum StatementForm { Oral, Written }

public enum StatementAnswer { Pending, Adopted, PartlyAdopted, NotAdopted }

/// <summary>陈述申辩: what the party said or wrote, and the agency's answer with its reasons.</summary>
public sealed class Statement
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public int NoticeId { get; set; }
    public StatementForm Form { get; set; }
    public DateTime MadeAt { get; set; }
    public string Content { get; set; } = "";
    /// <summary>An oral statement is written down as a 陈述申辩笔录.</summary>
    public int? DocumentId { get; set; }
    /// <summary>A written statement's uploaded file, in the file store.</summary>
    public string? FileSha256 { get; set; }
    public string FileName { get; set; } = "";
    public string FileContentType { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public StatementAnswer Answer { get; set; }
    public string AnswerReason { get; set; } = "";
    public DateTime? AnsweredAt { get; set; }
    public string AnsweredBy { get; set; } = "";
}

/// <summary>听证 (LAW-6): requested by the party, notified, chaired by someone who did not investigate, held and recorded.</summary>
public sealed class Hearing
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public int NoticeId { get; set; }
    /// <summary>The day the party asked (China date).</summary>
    public DateOnly RequestedOn { get; set; }
    public string RequestNote { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public int? ChairOfficerId { get; set; }
    public string ChairName { get; set; } = "";
    /// <summary>When the hearing takes place, UTC.</summary>
    public DateTime? ScheduledAt { get; set; }
    public string Place { get; set; } = "";
    public int? NoticeDocumentId { get; set; }
    public DateTime? NoticeServedAt { get; set; }
    public DateTime? HeldAt { get; set; }
    public int? RecordDocumentId { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string WithdrawalNote { get; set; } = "";

    public bool IsSettled => HeldAt is not null || WithdrawnAt is not null;
}

public enum RecusalStatus { Pending, Granted, Refused }

/// <summary>回避 (LAW-3 art. 43): the party asks that a person step aside; the head decides.</summary>
public sealed class Recusal
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The officer asked to step aside, when it is one.</summary>
    public int? TargetOfficerId { get; set; }
    public string TargetName { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public RecusalStatus Status { get; set; }
    public string DecisionReason { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string DecidedBy { get; set; } = "";
}

/// <summary>
/// 集体讨论 (LAW-4 art. 57 (2)): the agency's 负责人 discuss a major or complex case, presided by the head or a deputy the
/// head designated; who attended (出席, counted) and who sat in (列席), each opinion and the conclusion are kept.
/// </summary>
public sealed class CollectiveDiscussion
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime HeldAt { get; set; }
    public string Place { get; set; } = "";
    public int? PresiderUserId { get; set; }
    public string PresiderName { get; set; } = "";
    public string PresiderRole { get; set; } = "";
    /// <summary>For a deputy presiding: the head who designated them, and how (e.g. 书面指定, its date).</summary>
    public int? DesignatedByUserId { get; set; }
    public string DesignatedByName { get; set; } = "";
    public string Designation { get; set; } = "";
    /// <summary>The quorum that applied, and the agency's 负责人 accounts it was counted from, when the discussion was recorded.</summary>
    public int Quorum { get; set; }
    public int LeaderAccounts { get; set; }
    public string Conclusion { get; set; } = "";
    /// <summary>The proposal as it was discussed (<see cref="DecisionProposal.Fingerprint"/>): a later change needs a new discussion.</summary>
    public string ProposalFingerprint { get; set; } = "";
    public int DocumentId { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public List<DiscussionParticipant> Participants { get; set; } = [];
}

public sealed class DiscussionParticipant
{
    public int Id { get; set; }
    public int DiscussionId { get; set; }
    public int UserId { get; set; }
    public string Name { get; set; } = "";
    public string RoleLabel { get; set; } = "";
    /// <summary>出席 (a 负责人, counted) or 列席 (anyone else, not counted).</summary>
    public Attendance Attendance { get; set; }
    public string Opinion { get; set; } = "";
}

/// <summary>
/// The decision as issued (签发): the numbered decision document, what it decided (copied from the proposal at that
/// moment) and who signed. Issued in the same transaction as the case's move to 决定.
/// </summary>
public sealed class Decision
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public int DocumentId { get; set; }
    public string TypeCode { get; set; } = "";
    public string Number { get; set; } = "";
    public DecisionOutcome Outcome { get; set; }
    public string PenaltyKinds { get; set; } = "";
    public decimal? FineYuan { get; set; }
    public decimal? ConfiscationYuan { get; set; }
    public string ProposalFingerprint { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    public string IssuedByRole { get; set; } = "";
}
