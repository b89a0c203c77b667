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
        Filed => "立案",
        Investigation => "调查取证",
        InternalReview => "案件审核",
        Notice => "事先告知",
        Statement => "陈述申辩/听证",
        Decided => "决定",
        Served => "送达",
        Executed => "执行",
        InspectionStarted => "检查启动",
        OnSiteInspection => "现场检查",
        InspectionResult => "检查结果处理",
        CoercionApproval => "审批",
        CoercionImplemented => "实施",
        CoercionHandling => "期限内处理",
        CoercionResolved => "解除/处理决定",
        Accepted => "受理",
        Examination => "审查",
        Closed => "结案",
        Archived => "归档",
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
