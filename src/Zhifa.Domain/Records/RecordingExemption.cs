using Zhifa.Domain.Common;

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
        ExemptionReason.Secrecy => "涉及国家秘密、商业秘密或个人隐私",
        ExemptionReason.ForceMajeure => "不可抗力",
        ExemptionReason.Objective => "其他客观原因",
        _ => reason.ToString(),
    };

    public static string Label(ExemptionStatus status) => status switch
    {
        ExemptionStatus.Pending => "待审批",
        ExemptionStatus.Approved => "已批准",
        ExemptionStatus.Rejected => "不予批准",
        _ => status.ToString(),
    };

    public static ValidationErrors Validate(string? step, ExemptionReason? reason, string? explanation, IReadOnlyCollection<string> mandatorySteps)
    {
        var errors = new ValidationErrors().Required("step", step, "环节")
            .Required("explanation", explanation, "书面说明").MaxLength("explanation", explanation, 2000, "书面说明");
        if (!string.IsNullOrWhiteSpace(step) && !mandatorySteps.Contains(step)) errors.Add("step", "not_mandatory", "该环节不属于本案应当全程音像记录的环节");
        if (reason is null || !Enum.IsDefined(reason.Value)) errors.Add("reason", "required", "请选择未录制的原因");
        return errors;
    }

    /// <summary>The head decides once; nobody approves their own explanation, and a refusal says why.</summary>
    public void Decide(bool approve, string decidedBy, int deciderUserId, string? note, DateTime now)
    {
        if (Status != ExemptionStatus.Pending) throw new DomainValidationException("status", "already_decided", "该说明已审批，不能重复审批");
        if (deciderUserId == RequestedByUserId) throw new DomainValidationException("status", "own_request", "不能审批本人提交的说明");
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainValidationException("note", "required", "不予批准时须写明理由");
        Status = approve ? ExemptionStatus.Approved : ExemptionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionNote = note?.Trim() ?? "";
    }
}
