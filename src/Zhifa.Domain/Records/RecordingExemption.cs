using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Records;

/// <summary>Why a mandatory-recording step has no record (seed 003 art. 13).</summary>
public enum ExemptionReason { Secrecy, ForceMajeure, Objective }

public enum ExemptionStatus { Pending, Approved, Rejected }

/// <summary>
/// REC-5: a written explanation that a mandatory-recording step of a case has no audio-video record. Only once the head
/// approves it does the step count as covered, so the case can close.
/// </summary>
public sealed class RecordingExemption
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public string Step { get; set; } = "";
    public ExemptionReason Reason { get; set; }
    public string Explanation { get; set; } = "";
    public int RequestedByUserId { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public ExemptionStatus Status { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string DecisionNote { get; set; } = "";

    public static string Label(ExemptionReason reason) => reason switch
    {
        ExemptionReason.Secrecy => Messages.Get("records.exemption.reason.secrecy"),
        ExemptionReason.ForceMajeure => Messages.Get("records.exemption.reason.force_majeure"),
        ExemptionReason.Objective => Messages.Get("records.exemption.reason.objective"),
        _ => reason.ToString(),
    };

    public static string Label(ExemptionStatus status) => status switch
    {
        ExemptionStatus.Pending => Messages.Get("records.exemption.status.pending"),
        ExemptionStatus.Approved => Messages.Get("records.exemption.status.approved"),
        ExemptionStatus.Rejected => Messages.Get("records.exemption.status.rejected"),
        _ => status.ToString(),
    };

    public static ValidationErrors Validate(string? step, ExemptionReason? reason, string? explanation, IReadOnlyCollection<string> mandatorySteps)
    {
        var errors = new ValidationErrors().Required("step", step, Messages.Get("records.exemption.step"))
            .Required("explanation", explanation, Messages.Get("records.exemption.explanation")).MaxLength("explanation", explanation, 2000, Messages.Get("records.exemption.explanation"));
        if (!string.IsNullOrWhiteSpace(step) && !mandatorySteps.Contains(step)) errors.Add("step", "not_mandatory", Messages.Get("records.exemption.not_mandatory"));
        if (reason is null || !Enum.IsDefined(reason.Value)) errors.Add("reason", "required", Messages.Get("records.exemption.reason_required"));
        return errors;
    }

    /// <summary>The head decides once; nobody approves their own explanation, and a refusal says why.</summary>
    public void Decide(bool approve, string decidedBy, int deciderUserId, string? note, DateTime now)
    {
        if (Status != ExemptionStatus.Pending) throw new DomainValidationException("status", "already_decided", Messages.Get("records.exemption.already_decided"));
        if (deciderUserId == RequestedByUserId) throw new DomainValidationException("status", "own_request", Messages.Get("records.exemption.own_request"));
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainValidationException("note", "required", Messages.Get("records.exemption.note_required"));
        Status = approve ? ExemptionStatus.Approved : ExemptionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionNote = note?.Trim() ?? "";
    }
}
