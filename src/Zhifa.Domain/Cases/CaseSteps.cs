using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>
/// The names of the steps a case moves through (REC-2). The state machine (CaseStateMachine) decides which moves are
/// allowed and on what conditions; this class only names them. The values are stored in Case.Step and
/// CaseStepRecord, so they never change once released.
/// </summary>
public static class CaseSteps
{
    // 行政处罚 (普通程序; the simple procedure uses Filed, Decided and the steps after it).
    public const string Filed = "filed";
    public const string Investigation = "investigation";
    public const string InternalReview = "internal_review";
    public const string Notice = "notice";
    public const string Statement = "statement";
    public const string Decided = "decided";
    public const string Served = "served";
    public const string Executed = "executed";

    // 行政检查.
    public const string InspectionStarted = "inspection_started";
    public const string OnSiteInspection = "on_site_inspection";
    public const string InspectionResult = "inspection_result";

    // 行政强制 (查封、扣押).
    public const string CoercionApproval = "coercion_approval";
    public const string CoercionImplemented = "coercion_implemented";
    public const string CoercionHandling = "coercion_handling";
    public const string CoercionResolved = "coercion_resolved";

    // 行政许可, 征收征用, 确认: 受理/启动 → 审查 → Decided → Served.
    public const string Accepted = "accepted";
    public const string Examination = "examination";

    // Every category ends with these two.
    public const string Closed = "closed";
    public const string Archived = "archived";

    public static readonly IReadOnlyList<string> All =
    [
        Filed, Investigation, InternalReview, Notice, Statement, Decided, Served, Executed,
        InspectionStarted, OnSiteInspection, InspectionResult,
        CoercionApproval, CoercionImplemented, CoercionHandling, CoercionResolved,
        Accepted, Examination, Closed, Archived,
    ];

    public static bool IsKnown(string? step) => step is not null && All.Contains(step);

    /// <summary>The Chinese name of a step; an unknown value is shown as it is so that nothing is hidden.</summary>
    public static string Label(string? step) => step switch
    {
        Filed => Messages.Get("cases.step.filed"),
        Investigation => Messages.Get("cases.step.investigation"),
        InternalReview => Messages.Get("cases.step.internal_review"),
        Notice => Messages.Get("cases.step.notice"),
        Statement => Messages.Get("cases.step.statement"),
        Decided => Messages.Get("cases.step.decided"),
        Served => Messages.Get("cases.step.served"),
        Executed => Messages.Get("cases.step.executed"),
        InspectionStarted => Messages.Get("cases.step.inspection_started"),
        OnSiteInspection => Messages.Get("cases.step.on_site_inspection"),
        InspectionResult => Messages.Get("cases.step.inspection_result"),
        CoercionApproval => Messages.Get("cases.step.coercion_approval"),
        CoercionImplemented => Messages.Get("cases.step.coercion_implemented"),
        CoercionHandling => Messages.Get("cases.step.coercion_handling"),
        CoercionResolved => Messages.Get("cases.step.coercion_resolved"),
        Accepted => Messages.Get("cases.step.accepted"),
        Examination => Messages.Get("cases.step.examination"),
        Closed => Messages.Get("cases.step.closed"),
        Archived => Messages.Get("cases.step.archived"),
        null or "" => "—",
        _ => step,
    };

    /// <summary>Where a new case of the category starts: 立案 for a penalty, 检查启动, 审批 (强制) or 受理 for the others.</summary>
    public static string Initial(CaseCategory category) => category switch
    {
        CaseCategory.Penalty => Filed,
        CaseCategory.Inspection => InspectionStarted,
        CaseCategory.Coercion => CoercionApproval,
        _ => Accepted,
    };
}
