using Zhifa.Domain.Common;

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
        PreservationStatus.Pending => "待负责人批准",
        PreservationStatus.Approved => "保存中",
        PreservationStatus.Rejected => "不予批准",
        PreservationStatus.Resolved => "已作出处理决定",
        _ => status.ToString(),
    };

    public static string Label(PreservationOutcome outcome) => outcome switch
    {
        PreservationOutcome.RecordAndReturn => "采取记录、复制、拍照、录像等证据保全措施后退还",
        PreservationOutcome.Examine => "送交检测、检验、检疫或者鉴定",
        PreservationOutcome.Confiscate => "依法应予没收，依照法定程序处理",
        PreservationOutcome.Seize => "依法采取查封、扣押措施",
        PreservationOutcome.Transfer => "移交有关部门处理",
        PreservationOutcome.Lift => "解除先行登记保存",
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
            errors.Add("case", "not_applicable", "只有普通程序的行政处罚案件在作出处罚决定前可以先行登记保存（行政处罚法第五十六条）");
        errors.Required("items", items, "保存物品").MaxLength("items", items?.Trim(), 2000, "保存物品")
            .Required("place", place, "保存地点").MaxLength("place", place?.Trim(), 200, "保存地点");
        // No earlier bound: evidence is gathered (第五十六条) from the first inspection on, and filing may follow it (第五十四条).
        if (startedOn is not { } on) errors.Add("startedOn", "required", "请填写先行登记保存的日期");
        else errors.EventDay("startedOn", "先行登记保存的日期", on, today);
        return errors;
    }

    /// <summary>The head approves or refuses once, not their own registration; a refusal says why.</summary>
    public void Approve(bool approve, string by, int userId, string? note, DateTime now)
    {
        if (Status != PreservationStatus.Pending) throw new DomainValidationException("status", "already_decided", "该先行登记保存已审批，不能重复审批");
        if (userId == RegisteredByUserId) throw new DomainValidationException("status", "own_request", "不能审批本人登记的先行登记保存");
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainValidationException("note", "required", "不予批准时须写明理由");
        if (note?.Trim().Length > 500) throw new DomainValidationException("note", "too_long", "审批意见不能超过 500 个字符");
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
        if (Status == PreservationStatus.Pending) errors.Add("status", "not_approved", "先行登记保存尚未经负责人批准，批准后方可作出处理决定");
        else if (Status != PreservationStatus.Approved) errors.Add("status", "closed", $"该先行登记保存{Label(Status)}，不能再作出处理决定");
        if (outcome is null || !Enum.IsDefined(outcome.Value)) errors.Add("outcome", "required", "请选择处理决定");
        errors.Required("note", note, "处理说明").MaxLength("note", note?.Trim(), 2000, "处理说明");
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
