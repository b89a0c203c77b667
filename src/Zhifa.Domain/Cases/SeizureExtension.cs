using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

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
        SeizureExtensionStatus.Pending => Messages.Get("cases.seizure_extension.status.pending"),
        SeizureExtensionStatus.Approved => Messages.Get("cases.seizure_extension.status.approved"),
        SeizureExtensionStatus.Rejected => Messages.Get("cases.seizure_extension.status.rejected"),
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
            errors.Add("case", "not_in_force", Messages.Get("cases.seizure_extension.not_in_force"));
            return errors;
        }
        if (existing.FirstOrDefault(x => x.Status == SeizureExtensionStatus.Approved) is { } approved)
            errors.Add("case", "already_extended",
                Messages.Get("cases.seizure_extension.already_extended", approved.Days, CaseDeadlines.Label(CaseDeadlines.SeizureEnds(seizureStart.Value, approved.Days))));
        else if (existing.Any(x => x.Status == SeizureExtensionStatus.Pending))
            errors.Add("case", "pending", Messages.Get("cases.seizure_extension.pending"));
        else if (today > CaseDeadlines.SeizureEnds(seizureStart.Value))
            errors.Add("case", "expired", Messages.Get("cases.seizure_extension.expired", CaseDeadlines.Label(CaseDeadlines.SeizureEnds(seizureStart.Value))));
        if (days is null) errors.Add("days", "required", Messages.Get("cases.seizure_extension.days_required"));
        else if (days is < 1 or > CaseDeadlines.SeizureExtensionMaxDays)
            errors.Add("days", "out_of_range", Messages.Get("cases.seizure_extension.days_range", CaseDeadlines.SeizureExtensionMaxDays));
        errors.Required("reason", reason, Messages.Get("cases.seizure_extension.field.reason")).MaxLength("reason", reason?.Trim(), 2000, Messages.Get("cases.seizure_extension.field.reason"));
        return errors;
    }

    /// <summary>
    /// The head decides once, not on their own request, and a refusal says why. An approval after the 30 days ran
    /// out, or once the seizure was lifted, would extend nothing, so it is refused; <paramref name="seizureEnds"/> is
    /// the end of the 30 days, null when the seizure is no longer in force.
    /// </summary>
    public void Decide(bool approve, string decidedBy, int deciderUserId, string? note, DateTime now, DateOnly today, DateOnly? seizureEnds)
    {
        if (Status != SeizureExtensionStatus.Pending) throw new DomainValidationException("status", "already_decided", Messages.Get("cases.seizure_extension.already_decided"));
        if (deciderUserId == RequestedByUserId) throw new DomainValidationException("status", "own_request", Messages.Get("cases.seizure_extension.own_request"));
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainValidationException("note", "required", Messages.Get("cases.seizure_extension.rejection_reason_required"));
        if (note?.Trim().Length > 500) throw new DomainValidationException("note", "too_long", Messages.Get("cases.seizure_extension.note_too_long"));
        if (approve && seizureEnds is null)
            throw new DomainValidationException("status", "not_in_force", Messages.Get("cases.seizure_extension.approve_not_in_force"));
        if (approve && today > seizureEnds)
            throw new DomainValidationException("status", "expired", Messages.Get("cases.seizure_extension.approve_expired", CaseDeadlines.Label(seizureEnds!.Value)));
        Status = approve ? SeizureExtensionStatus.Approved : SeizureExtensionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionNote = note?.Trim() ?? "";
    }
}
