using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>Pending: registered, awaiting the head; Approved: items held; Rejected: the head refused; Resolved: 处理决定 made.</summary>
public enum PreservationStatus { Pending, Approved, Rejected, Resolved }

/// <summary>What the 处理决定 does with the preserved items.</summary>
public enum PreservationOutcome { RecordAndReturn, Examine, Confiscate, Seize, Transfer, Lift }

/// <summary>
/// LAW-5 art. 56: 先行登记保存 of evidence that may be lost or hard to obtain later, on a general-procedure penalty
/// case, with the approval of the head of the agency. A 处理决定 on the items is due within 7 working days of the day
/// the preservation started; it closes the preservation. The due day is computed, never stored.
/// </summary>
public sealed class EvidencePreservation
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    /// <summary>The items preserved (物品名称、数量、规格).</summary>
    public string Items { get; set; } = "";
    /// <summary>Where the items are kept.</summary>
    public string Place { get; set; } = "";
    /// <summary>The Chinese calendar day the preservation started; the 7 working days count from it.</summary>
    public DateOnly StartedOn { get; set; }
    public int RegisteredByUserId { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    public PreservationStatus Status { get; set; }
    public string ApprovedBy { get; set; } = "";
    public DateTime? ApprovedAt { get; set; }
    public string ApprovalNote { get; set; } = "";
    public PreservationOutcome? Outcome { get; set; }
    public string OutcomeNote { get; set; } = "";
    public string ResolvedBy { get; set; } = "";
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Open preservations hold items and have a 处理决定 due.</summary>
    public bool IsOpen => Status is PreservationStatus.Pending or PreservationStatus.Approved;

    public static readonly IReadOnlyList<string> StepsAllowed =
        [CaseSteps.Filed, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice, CaseSteps.Statement];

    public static string Label(PreservationStatus status) => status switch
    {
        PreservationStatus.Pending => Messages.Get("cases.preservation.status.pending"),
        PreservationStatus.Approved => Messages.Get("cases.preservation.status.approved"),
        PreservationStatus.Rejected => Messages.Get("cases.preservation.status.rejected"),
        PreservationStatus.Resolved => Messages.Get("cases.preservation.status.resolved"),
        _ => status.ToString(),
    };

    public static string Label(PreservationOutcome outcome) => outcome switch
    {
        PreservationOutcome.RecordAndReturn => Messages.Get("cases.preservation.outcome.record_and_return"),
        PreservationOutcome.Examine => Messages.Get("cases.preservation.outcome.examine"),
        PreservationOutcome.Confiscate => Messages.Get("cases.preservation.outcome.confiscate"),
        PreservationOutcome.Seize => Messages.Get("cases.preservation.outcome.seize"),
        PreservationOutcome.Transfer => Messages.Get("cases.preservation.outcome.transfer"),
        PreservationOutcome.Lift => Messages.Get("cases.preservation.outcome.lift"),
        _ => outcome.ToString(),
    };

    /// <summary>Art. 56 belongs to the general procedure: a general-procedure penalty case before its decision.</summary>
    public static bool MayRegisterOn(CaseCategory category, CaseProcedure procedure, string step)
        => category == CaseCategory.Penalty && procedure == CaseProcedure.General && StepsAllowed.Contains(step);

    public static ValidationErrors CheckRegistration(CaseCategory category, CaseProcedure procedure, string step, DateOnly today,
        string? items, string? place, DateOnly? startedOn)
    {
        var errors = new ValidationErrors();
        if (!MayRegisterOn(category, procedure, step))
            errors.Add("case", "not_applicable", Messages.Get("cases.preservation.not_applicable"));
        errors.Required("items", items, Messages.Get("cases.preservation.field.items")).MaxLength("items", items?.Trim(), 2000, Messages.Get("cases.preservation.field.items"))
            .Required("place", place, Messages.Get("cases.preservation.field.place")).MaxLength("place", place?.Trim(), 200, Messages.Get("cases.preservation.field.place"));
        // No earlier bound: evidence is gathered (第五十六条) from the first inspection on, and filing may follow it (第五十四条).
        if (startedOn is not { } on) errors.Add("startedOn", "required", Messages.Get("cases.preservation.started_on_required"));
        else errors.EventDay("startedOn", Messages.Get("cases.preservation.field.started_on"), on, today);
        return errors;
    }

    /// <summary>The head approves or refuses once, not their own registration; a refusal says why.</summary>
    public void Approve(bool approve, string by, int userId, string? note, DateTime now)
    {
        if (Status != PreservationStatus.Pending) throw new DomainValidationException("status", "already_decided", Messages.Get("cases.preservation.already_decided"));
        if (userId == RegisteredByUserId) throw new DomainValidationException("status", "own_request", Messages.Get("cases.preservation.own_request"));
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainValidationException("note", "required", Messages.Get("cases.preservation.rejection_reason_required"));
        if (note?.Trim().Length > 500) throw new DomainValidationException("note", "too_long", Messages.Get("cases.preservation.note_too_long"));
        Status = approve ? PreservationStatus.Approved : PreservationStatus.Rejected;
        ApprovedBy = by;
        ApprovedAt = now;
        ApprovalNote = note?.Trim() ?? "";
    }

    /// <summary>
    /// The 处理决定 closes an approved preservation. A late one is still recorded (the items must not stay held), and
    /// the view shows it was late.
    /// </summary>
    public void Resolve(PreservationOutcome? outcome, string? note, string by, DateTime now)
    {
        var errors = new ValidationErrors();
        if (Status == PreservationStatus.Pending) errors.Add("status", "not_approved", Messages.Get("cases.preservation.not_approved"));
        else if (Status != PreservationStatus.Approved) errors.Add("status", "closed", Messages.Get("cases.preservation.closed", Label(Status)));
        if (outcome is null || !Enum.IsDefined(outcome.Value)) errors.Add("outcome", "required", Messages.Get("cases.preservation.outcome_required"));
        errors.Required("note", note, Messages.Get("cases.preservation.field.note")).MaxLength("note", note?.Trim(), 2000, Messages.Get("cases.preservation.field.note"));
        errors.ThrowIfAny();
        Status = PreservationStatus.Resolved;
        Outcome = outcome;
        OutcomeNote = note!.Trim();
        ResolvedBy = by;
        ResolvedAt = now;
    }

    /// <summary>The 处理决定 came after its due day (computed by the caller from the working-day calendar).</summary>
    public static bool ResolvedLate(DateOnly due, DateOnly? resolvedOn) => resolvedOn is { } d && d > due;
}
