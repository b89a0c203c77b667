using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Execution;

public enum EnforcementOutcome { Pending, Enforced, NotAllowed, Terminated }

/// <summary>An application to the people's court for enforcement (申请人民法院强制执行, 行政强制法 art. 53/54) and what came of it.</summary>
public sealed class EnforcementApplication
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public DateOnly AppliedOn { get; set; }
    public string Court { get; set; } = "";
    /// <summary>The court's case number once accepted, or the agency's own reference.</summary>
    public string Reference { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public EnforcementOutcome Outcome { get; set; }
    public DateOnly? OutcomeOn { get; set; }
    public string OutcomeNote { get; set; } = "";
    public string OutcomeRecordedBy { get; set; } = "";

    public bool Concluded => Outcome != EnforcementOutcome.Pending;
}

/// <summary>
/// The window in which an application to court may be made, both ends inclusive. <see cref="DemandPeriodEnds"/> is the
/// tenth working day after the 催告书 was served (null while it is not); <see cref="Opens"/> is the day after the later of
/// it and <see cref="RemediesEnd"/>, and <see cref="OpensBasis"/> names the rule that sets it. <see cref="Closing"/> is
/// the end of the three months with its basis (moved off a rest day).
/// </summary>
public sealed record EnforcementWindow(DateOnly? Opens, DateOnly Closes, DateOnly RemediesEnd, DateOnly? DemandServedOn, DateOnly? DemandPeriodEnds, string? OpensBasis,
    PeriodEnd? Closing = null);

/// <summary>LAW-8 and LAW-9: remedies, the written demand (催告) and the court-enforcement window.</summary>
public static class EnforcementRules
{
    /// <summary>
    /// 行政强制法第五十四条: ten days after the 催告书 was served; 第六十九条: a period of ten days or less in that law counts
    /// working days, without public holidays. It is the only such period of that law the platform counts (the 催告书's own
    /// 履行期限, 第三十五条, is set by the agency, and 查封、扣押's thirty days of 第二十五条 are calendar days).
    /// </summary>
    public const int DemandWorkingDays = LegalPeriods.DemandWaitWorkingDays;

    public static string DemandPeriodBasis => Messages.Get("enforcement.basis.demand");

    public static string RemediesBasis => Messages.Get("enforcement.basis.remedies");

    /// <summary>行政复议法 (2023) art. 20: sixty calendar days from knowing of the decision; a rest day at the end moves it (art. 88).</summary>
    public static PeriodEnd ReconsiderationEnds(DateOnly servedOn, WorkingDayCalendar calendar) => LegalPeriods.Reconsideration.EndFrom(servedOn, calendar);

    /// <summary>行政诉讼法 art. 46: six months from knowing of the decision; a rest day at the end moves it (art. 101).</summary>
    public static PeriodEnd LitigationEnds(DateOnly servedOn, WorkingDayCalendar calendar) => LegalPeriods.Litigation.EndFrom(servedOn, calendar);

    /// <summary>
    /// 行政强制法第五十四条 with 第六十九条: the ten days run on the official working-day calendar from the day after the
    /// 催告书 was served (that day does not count), so they always end on a working day, and the application may be made
    /// from the day after the tenth working day. 第五十三条: within three months from the day the periods for review and
    /// litigation expired (their end moved off a rest day), and so not before they expired; the three months move too.
    /// </summary>
    public static EnforcementWindow Window(DateOnly decisionServedOn, DateOnly? demandServedOn, WorkingDayCalendar calendar)
    {
        var remediesEnd = LitigationEnds(decisionServedOn, calendar).Last;
        var closing = LegalPeriods.CourtEnforcementApplication.EndFrom(remediesEnd, calendar);
        if (demandServedOn is not { } served) return new(null, closing.Last, remediesEnd, null, null, null, closing);
        var demandEnds = LegalPeriods.DemandWait.EndFrom(served, calendar).Last;
        return demandEnds >= remediesEnd
            ? new(demandEnds.AddDays(1), closing.Last, remediesEnd, served, demandEnds, DemandPeriodBasis, closing)
            : new(remediesEnd.AddDays(1), closing.Last, remediesEnd, served, demandEnds, RemediesBasis, closing);
    }

    /// <summary>行政强制法 art. 35: the demand comes only once the obligation is overdue.</summary>
    public static UnmetReason? MayDemand(bool paymentOverdue)
        => paymentOverdue ? null : new("payment.not_overdue", Messages.Get("execution.demand.not_overdue"));

    /// <summary>Every reason an application on <paramref name="day"/> is refused; each one before the window names its earliest day.</summary>
    public static IReadOnlyList<UnmetReason> MayApply(DateOnly day, bool obligationOutstanding, EnforcementWindow? window)
    {
        var list = new List<UnmetReason>();
        if (!obligationOutstanding) list.Add(new("payment.nothing_outstanding", Messages.Get("execution.enforcement.nothing_outstanding")));
        if (window is null) { list.Add(new("decision.not_served", Messages.Get("execution.enforcement.decision_not_served"))); return list; }
        if (window.DemandServedOn is not { } served || window.DemandPeriodEnds is not { } demandEnds)
            list.Add(new("demand.not_served", Messages.Get("enforcement.demand.not_served")));
        else if (day < window.Opens)
        {
            if (day <= demandEnds)
                list.Add(new("demand.ten_days", Messages.Get("enforcement.demand.ten_days", Iso(demandEnds.AddDays(1)), Iso(served), Iso(demandEnds))));
            if (day <= window.RemediesEnd)
                list.Add(new("remedies.running", Messages.Get("enforcement.remedies.running", Iso(window.RemediesEnd.AddDays(1)))));
        }
        if (day > window.Closes) list.Add(new("window.closed", Messages.Get("enforcement.window.closed", Iso(window.Closes))));
        return list;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Label(EnforcementOutcome outcome) => outcome switch
    {
        EnforcementOutcome.Pending => Messages.Get("execution.enforcement.outcome.pending"),
        EnforcementOutcome.Enforced => Messages.Get("execution.enforcement.outcome.enforced"),
        EnforcementOutcome.NotAllowed => Messages.Get("execution.enforcement.outcome.not_allowed"),
        EnforcementOutcome.Terminated => Messages.Get("execution.enforcement.outcome.terminated"),
        _ => outcome.ToString(),
    };

    public static ValidationErrors ValidateApplication(DateOnly? appliedOn, string? court, string? reference, DateOnly today)
    {
        var errors = new ValidationErrors().Required("court", court, Messages.Get("execution.enforcement.field.court")).MaxLength("court", court, 200, Messages.Get("execution.enforcement.field.court"))
            .MaxLength("reference", reference, 100, Messages.Get("execution.enforcement.field.reference"));
        // Not before: the window of art. 53/54 (MayApply) says from when.
        if (appliedOn is not { } on) errors.Add("appliedOn", "required", Messages.Get("execution.enforcement.applied_on_required"));
        else errors.EventDay("appliedOn", Messages.Get("execution.enforcement.field.applied_on"), on, today);
        return errors;
    }

    public static ValidationErrors ValidateOutcome(EnforcementApplication a, EnforcementOutcome? outcome, DateOnly? on, string? note, DateOnly today)
    {
        var errors = new ValidationErrors().MaxLength("note", note, 2000, Messages.Get("execution.enforcement.field.note"));
        if (a.Concluded) errors.Add("outcome", "already_concluded", Messages.Get("execution.enforcement.already_concluded"));
        if (outcome is not { } o || !Enum.IsDefined(o) || o == EnforcementOutcome.Pending) errors.Add("outcome", "required", Messages.Get("execution.enforcement.outcome_required"));
        if (on is not { } day) errors.Add("outcomeOn", "required", Messages.Get("execution.enforcement.outcome_on_required"));
        else errors.EventDay("outcomeOn", Messages.Get("execution.enforcement.field.outcome_on"), day, today, new PriorDay(Messages.Get("execution.enforcement.field.applied_to_court_on"), a.AppliedOn));
        if (outcome is EnforcementOutcome.NotAllowed or EnforcementOutcome.Terminated) errors.Required("note", note, Messages.Get("execution.enforcement.field.note"));
        return errors;
    }
}

/// <summary>A reason an act is refused: a stable code and a Chinese message.</summary>
public sealed record UnmetReason(string Code, string Message);

/// <summary>An extension of the 90-day decision limit (行政处罚法 art. 60 “法律、法规、规章另有规定的”), approved by the head.</summary>
public sealed class DecisionLimitExtension
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public int Days { get; set; }
    public string Reason { get; set; } = "";
    public string ApprovedBy { get; set; } = "";
    public DateTime ApprovedAt { get; set; }

    public static ValidationErrors Validate(int? days, string? reason)
    {
        var errors = new ValidationErrors().Required("reason", reason, Messages.Get("execution.extension.field.reason")).MaxLength("reason", reason, 2000, Messages.Get("execution.extension.field.reason"));
        if (days is not { } d) errors.Add("days", "required", Messages.Get("execution.extension.days_required"));
        else if (d is < 1 or > 90) errors.Add("days", "out_of_range", Messages.Get("execution.extension.days_range"));
        return errors;
    }
}

/// <summary>What the execution of a decision needs before the case closes.</summary>
public static class ClosureRules
{
    /// <summary>
    /// Every reason the case may not close yet: the fine is neither paid nor enforced through a concluded court
    /// application (a decision without a fine needs no payment), and the 结案报告 is not made.
    /// </summary>
    public static IReadOnlyList<UnmetReason> Unmet(bool paymentRequired, PaymentPosition? position, bool enforcementConcluded, bool closingReportMade)
    {
        var list = new List<UnmetReason>();
        if (paymentRequired && position is { PaidInFull: false } p && !enforcementConcluded)
            list.Add(new("execution.unpaid", Messages.Get("execution.unpaid", PaymentRules.Yuan(p.PrincipalOutstanding), PaymentRules.Yuan(p.LateFeeOutstanding))));
        if (paymentRequired && position is null && !enforcementConcluded)
            list.Add(new("execution.unpaid", Messages.Get("execution.unpaid.not_started")));
        if (!closingReportMade) list.Add(new("closing_report.missing", Messages.Get("execution.closing_report_missing")));
        return list;
    }
}
