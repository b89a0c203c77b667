using Zhifa.Domain.Common;

namespace Zhifa.Domain.Cases;

public enum SeizureExtensionStatus { Pending, Approved, Rejected }

/// <summary>
/// LAW-8 art. 25: a request to extend a 查封、扣押 beyond its 30 days. A handler asks with the reason (情况复杂) and the
/// number of days (at most 30); the head of the agency approves or refuses it with a reason. A seizure is extended at
/// most once, and only while its 30 days still run.
/// </summary>
public sealed class SeizureExtension
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public int Days { get; set; }
    public string Reason { get; set; } = "";
    public int RequestedByUserId { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public SeizureExtensionStatus Status { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string DecisionNote { get; set; } = "";

    public static string Label(SeizureExtensionStatus status) => status switch
    {
        SeizureExtensionStatus.Pending => "待审批",
        SeizureExtensionStatus.Approved => "已批准",
        SeizureExtensionStatus.Rejected => "不予批准",
        _ => status.ToString(),
    };

    /// <summary>The steps in which the seizure is in force: carried out and not yet resolved.</summary>
    public static bool SeizureInForce(CaseCategory category, string step)
        => category == CaseCategory.Coercion && step is CaseSteps.CoercionImplemented or CaseSteps.CoercionHandling;

    /// <summary>Days of the approved extension among <paramref name="existing"/>; 0 when there is none.</summary>
    public static int ApprovedDays(IEnumerable<SeizureExtension> existing)
        => existing.FirstOrDefault(x => x.Status == SeizureExtensionStatus.Approved)?.Days ?? 0;

    /// <summary>
    /// Checks a new request. <paramref name="seizureStart"/> is the day the seizure was carried out (null when it was
    /// not); <paramref name="existing"/> are the case's earlier requests.
    /// </summary>
    public static ValidationErrors CheckRequest(CaseCategory category, string step, DateOnly? seizureStart, DateOnly today,
        IReadOnlyCollection<SeizureExtension> existing, int? days, string? reason)
    {
        var errors = new ValidationErrors();
        if (!SeizureInForce(category, step) || seizureStart is null)
        {
            errors.Add("case", "not_in_force", "只有已实施、尚未解除的查封、扣押可以申请延长期限");
            return errors;
        }
        if (existing.FirstOrDefault(x => x.Status == SeizureExtensionStatus.Approved) is { } approved)
            errors.Add("case", "already_extended",
                $"查封、扣押期限只能延长一次（行政强制法第二十五条），本案已经批准延长 {approved.Days} 日，至 {CaseDeadlines.Label(CaseDeadlines.SeizureEnds(seizureStart.Value, approved.Days))}");
        else if (existing.Any(x => x.Status == SeizureExtensionStatus.Pending))
            errors.Add("case", "pending", "本案已有待审批的延期申请，请等待主要负责人审批");
        else if (today > CaseDeadlines.SeizureEnds(seizureStart.Value))
            errors.Add("case", "expired", $"查封、扣押期限已于 {CaseDeadlines.Label(CaseDeadlines.SeizureEnds(seizureStart.Value))} 届满，不能再申请延长");
        if (days is null) errors.Add("days", "required", "请填写延长天数");
        else if (days is < 1 or > CaseDeadlines.SeizureExtensionMaxDays)
            errors.Add("days", "out_of_range", $"延长天数应为 1 至 {CaseDeadlines.SeizureExtensionMaxDays} 日（行政强制法第二十五条）");
        errors.Required("reason", reason, "延期理由").MaxLength("reason", reason?.Trim(), 2000, "延期理由");
        return errors;
    }

    /// <summary>
    /// The head decides once, not on their own request, and a refusal says why. An approval after the 30 days ran
    /// out, or once the seizure was lifted, would extend nothing, so it is refused; <paramref name="seizureEnds"/> is
    /// the end of the 30 days, null when the seizure is no longer in force.
    /// </summary>
    public void Decide(bool approve, string decidedBy, int deciderUserId, string? note, DateTime now, DateOnly today, DateOnly? seizureEnds)
    {
        if (Status != SeizureExtensionStatus.Pending) throw new DomainValidationException("status", "already_decided", "该延期申请已审批，不能重复审批");
        if (deciderUserId == RequestedByUserId) throw new DomainValidationException("status", "own_request", "不能审批本人提交的延期申请");
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainValidationException("note", "required", "不予批准时须写明理由");
        if (note?.Trim().Length > 500) throw new DomainValidationException("note", "too_long", "审批意见不能超过 500 个字符");
        if (approve && seizureEnds is null)
            throw new DomainValidationException("status", "not_in_force", "查封、扣押已不在实施期间，不能批准延长");
        if (approve && today > seizureEnds)
            throw new DomainValidationException("status", "expired", $"查封、扣押期限已于 {CaseDeadlines.Label(seizureEnds!.Value)} 届满，不能再批准延长");
        Status = approve ? SeizureExtensionStatus.Approved : SeizureExtensionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionNote = note?.Trim() ?? "";
    }
}
