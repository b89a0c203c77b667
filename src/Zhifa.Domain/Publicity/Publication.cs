using Zhifa.Domain.Cases;

namespace Zhifa.Domain.Publicity;

/// <summary>What is published: a decision (事后公开), a pre-disclosure list (事前公开) or the annual report (统计年报).</summary>
public enum PublicationKind { Decision, PreDisclosure, AnnualReport }

/// <summary>
/// Where a version of a publication stands. Draft and Approving are internal; Published is on the portal; a newer
/// published version makes the older one Superseded (still viewable with its dates); Withdrawn and Expired are off the
/// portal's lists, Withdrawn showing its public reason; NotDisclosed was decided not to be published (PUB-6).
/// </summary>
public enum PublicationStatus { Draft, Approving, Published, Superseded, Withdrawn, Expired, NotDisclosed }

/// <summary>PUB-5: a summary of the decision's key fields, or its full text redacted.</summary>
public enum PublicationForm { Summary, FullText }

/// <summary>
/// The steps of the approval chain (PUB-1, seed 003 art. 23): prepared by the owner unit, then the checks the agency's
/// chain asks for, in this order. A pre-disclosure list also passes the legality review (PUB-2, 合法性审核).
/// </summary>
public enum ApprovalStep { Prepared, UnitHead, LegalityReview, DeputyHead, Head }

/// <summary>PUB-6 / seed 003 art. 17: why a decision is not published.</summary>
public enum NonDisclosureGround { Minor, StateSecret, TradeSecret, PersonalPrivacy, Security, BarredByLaw }

/// <summary>The art. 17 exception: a trade secret or privacy case published anyway.</summary>
public enum DisclosureException { None, ThirdPartyConsent, PublicInterest }

/// <summary>PUB-10: the legal status shown beside a published decision.</summary>
public enum LegalStatus { InForce, UnderReconsideration, UnderLitigation, Changed, Revoked, FoundIllegal }

/// <summary>
/// One version of one published item. The versions of an item share <see cref="SeriesId"/> (the id of its first
/// version), which is the item's stable public address. Only the fields a <c>Public…</c> view copies ever leave the
/// system; the rest are for the staff.
/// </summary>
public sealed class Publication
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 400_000;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    /// <summary>The id of the item's first version; the same for every version.</summary>
    public int SeriesId { get; set; }
    public int Version { get; set; } = 1;
    public int AgencyId { get; set; }
    /// <summary>The owner unit (谁执法谁公示); null when the agency itself owns it.</summary>
    public int? UnitId { get; set; }
    public PublicationKind Kind { get; set; }
    public PublicationStatus Status { get; set; }
    public string Title { get; set; } = "";

    // ---- a decision ----
    public int? CaseId { get; set; }
    public int? DecisionId { get; set; }
    public CaseCategory? Category { get; set; }
    /// <summary>The China date the decision was made (or the information formed): the publication deadline runs from it.</summary>
    public DateOnly? TriggeredOn { get; set; }
    public PublicationForm Form { get; set; }
    /// <summary>文号 of the decision document.</summary>
    public string DocumentNumber { get; set; } = "";
    /// <summary>The party as it may be shown: an organisation's name, or a natural person's surname + 某.</summary>
    public string PartyDisplay { get; set; } = "";
    /// <summary>统一社会信用代码 of an organisation party; never a natural person's number.</summary>
    public string PartyCreditCode { get; set; } = "";
    public string Violation { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    /// <summary>执法结论 / the decision's content.</summary>
    public string Conclusion { get; set; } = "";
    public decimal? FineYuan { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>Set when a penalty's decision is published: LAW-10 takes it off the portal after this China date.</summary>
    public DateOnly? ShownUntil { get; set; }
    public LegalStatus LegalStatus { get; set; }
    public string LegalStatusNote { get; set; } = "";
    /// <summary>The China date the decision was changed, revoked or found illegal: the 3-working-day withdrawal runs from it.</summary>
    public DateOnly? LegalStatusChangedOn { get; set; }

    /// <summary>
    /// What the public reads: for the full text, the source with every confirmed redaction applied; for a list or
    /// report, its generated content. Never holds unredacted personal data.
    /// </summary>
    public string Body { get; set; } = "";
    /// <summary>The confirmed redactions of the source text, as JSON spans (kind, start, length).</summary>
    public string RedactionSpans { get; set; } = "[]";
    /// <summary>SHA-256 of the source the spans were confirmed on: a change of the source needs a new confirmation.</summary>
    public string SourceSha256 { get; set; } = "";
    public DateTime? RedactionConfirmedAt { get; set; }
    public string RedactionConfirmedBy { get; set; } = "";

    // ---- a pre-disclosure list or report ----
    /// <summary>The list's kind (see PreDisclosureLists) or the report's year, as text.</summary>
    public string ListKey { get; set; } = "";
    /// <summary>SHA-256 of the data the list was generated from; the list is stale when the data's digest differs.</summary>
    public string SourceDigest { get; set; } = "";
    /// <summary>Attached content (a flowchart picture, the report's .docx), in the file store.</summary>
    public string AttachmentsJson { get; set; } = "[]";

    // ---- non-disclosure (PUB-6) ----
    /// <summary>Set when the item is proposed not to be published; the head's sign-off makes it NotDisclosed.</summary>
    public NonDisclosureGround? NonDisclosureGround { get; set; }
    public string NonDisclosureReason { get; set; } = "";
    public DisclosureException DisclosureException { get; set; }
    public string DisclosureExceptionReason { get; set; } = "";

    // ---- lifecycle ----
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? SubmittedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public DateTime? WithdrawnAt { get; set; }
    public string WithdrawnBy { get; set; } = "";
    /// <summary>The reason the public reads in place of the withdrawn text.</summary>
    public string WithdrawalReason { get; set; } = "";
    public DateTime? ExpiredAt { get; set; }
    public DateTime? SupersededAt { get; set; }

    public List<PublicationApproval> Approvals { get; set; } = [];

    public bool IsPublic => Status is PublicationStatus.Published;
}

public enum ApprovalOutcome { Approved, Returned }

/// <summary>One act in the approval chain: who approved or returned which step, when, and why.</summary>
public sealed class PublicationApproval
{
    public int Id { get; set; }
    public int PublicationId { get; set; }
    public ApprovalStep Step { get; set; }
    public ApprovalOutcome Outcome { get; set; }
    public string Note { get; set; } = "";
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string ByName { get; set; } = "";
    /// <summary>False once the item was returned and prepared again: the chain then starts over.</summary>
    public bool Current { get; set; } = true;
}

/// <summary>
/// An agency's publicity settings: which checks the approval chain has (PUB-1, configurable per agency; the head's
/// sign-off is always last and cannot be left out, seed 003 art. 23) and how long penalties stay on the portal (LAW-10).
/// </summary>
public sealed class PublicationPolicy
{
    /// <summary>Market regulation's rule (LAW-10): 3 months for a warning, 通报批评 or a small fine, 3 years otherwise.</summary>
    public const int DefaultShortMonths = 3;
    public const int DefaultLongMonths = 36;
    public const decimal DefaultSmallFineYuan = 3000m;

    public int AgencyId { get; set; }
    public bool UnitHeadCheck { get; set; }
    public bool DeputyHeadCheck { get; set; } = true;
    public int ShortPeriodMonths { get; set; } = DefaultShortMonths;
    public int LongPeriodMonths { get; set; } = DefaultLongMonths;
    /// <summary>A fine at or below this amount counts as small for the short period.</summary>
    public decimal SmallFineYuan { get; set; } = DefaultSmallFineYuan;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public enum ErrorReportStatus { Pending, Corrected, Rejected }

/// <summary>
/// PUB-10: a member of the public reports an error in a published item. It reaches the owner unit with a due date;
/// the reporter's contact is personal data and never shown on the portal.
/// </summary>
public sealed class PublicationErrorReport
{
    public const int ContentMaxLength = 2000;
    /// <summary>The owner unit answers within this many working days.</summary>
    public const int DueWorkingDays = 5;

    public int Id { get; set; }
    public int PublicationId { get; set; }
    public int SeriesId { get; set; }
    public int AgencyId { get; set; }
    public int? UnitId { get; set; }
    public string ReceiptNumber { get; set; } = "";
    public string Content { get; set; } = "";
    public string Contact { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public ErrorReportStatus Status { get; set; }
    public string Reply { get; set; } = "";
    public DateTime? RepliedAt { get; set; }
    public string RepliedBy { get; set; } = "";
}
