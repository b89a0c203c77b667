using Zhifa.Domain.Accounts;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;

namespace Zhifa.Domain.Publicity;

/// <summary>The rules of publication: deadlines (PUB-4, PUB-7), the approval chain (PUB-1), non-disclosure (PUB-6), the portal period (LAW-10).</summary>
public static class PublicationRules
{
    /// <summary>PUB-4: 许可 and 处罚 decisions within 7 working days of the decision; other information within 20.</summary>
    public static int DueWorkingDays(CaseCategory? category) => category is CaseCategory.Penalty or CaseCategory.Licensing ? 7 : 20;

    /// <summary>PUB-7 / 行政处罚法 art. 48: withdrawn within 3 working days of the change, revocation or finding.</summary>
    public const int WithdrawalWorkingDays = 3;

    /// <summary>The step at which a case's decision is made and its publication task begins.</summary>
    public static string DecisionStep(CaseCategory category) => category switch
    {
        CaseCategory.Inspection => CaseSteps.InspectionResult,
        CaseCategory.Coercion => CaseSteps.CoercionImplemented,
        _ => CaseSteps.Decided,
    };

    public static DateOnly DueOn(WorkingDayCalendar calendar, DateOnly triggeredOn, CaseCategory? category)
        => calendar.AddWorkingDays(triggeredOn, DueWorkingDays(category)).Date;

    public static DateOnly WithdrawalDueOn(WorkingDayCalendar calendar, DateOnly changedOn)
        => calendar.AddWorkingDays(changedOn, WithdrawalWorkingDays).Date;

    /// <summary>The publication is still owed: not yet published nor decided not to be.</summary>
    public static bool IsOpen(PublicationStatus s) => s is PublicationStatus.Draft or PublicationStatus.Approving;

    public static bool IsOverdue(PublicationStatus s, DateOnly dueOn, DateOnly today) => IsOpen(s) && today > dueOn;

    /// <summary>A decision changed, revoked or found illegal must come off the portal.</summary>
    public static bool NeedsWithdrawal(LegalStatus s) => s is LegalStatus.Changed or LegalStatus.Revoked or LegalStatus.FoundIllegal;

    /// <summary>
    /// PUB-7: the day a published decision was changed, revoked or found illegal (the result received), from which the
    /// withdrawal runs, is not after today and not before the decision was first published (<paramref name="publishedOn"/>,
    /// the China day of the series' first release): what is withdrawn was public by then.
    /// </summary>
    public static ValidationErrors ValidateLegalStatusDate(DateOnly changedOn, DateOnly publishedOn, DateOnly today)
        => new ValidationErrors().EventDay("changedOn", "收到结果的日期", changedOn, today, new PriorDay("决定公开之日", publishedOn));

    // ---- the approval chain ----

    /// <summary>The checks after preparation, in order; the head's sign-off is always the last.</summary>
    public static IReadOnlyList<ApprovalStep> Chain(PublicationPolicy policy, PublicationKind kind)
    {
        var steps = new List<ApprovalStep>();
        if (policy.UnitHeadCheck) steps.Add(ApprovalStep.UnitHead);
        if (kind == PublicationKind.PreDisclosure) steps.Add(ApprovalStep.LegalityReview);
        if (policy.DeputyHeadCheck) steps.Add(ApprovalStep.DeputyHead);
        steps.Add(ApprovalStep.Head);
        return steps;
    }

    /// <summary>The next step waiting for approval, or null when the chain is complete.</summary>
    public static ApprovalStep? NextStep(IReadOnlyList<ApprovalStep> chain, IEnumerable<PublicationApproval> approvals)
    {
        var done = approvals.Where(a => a.Current && a.Outcome == ApprovalOutcome.Approved).Select(a => a.Step).ToHashSet();
        foreach (var step in chain) if (!done.Contains(step)) return step;
        return null;
    }

    /// <summary>The role that acts at each step.</summary>
    public static string RoleFor(ApprovalStep step) => step switch
    {
        ApprovalStep.Prepared => Roles.PublicityOfficer,
        ApprovalStep.UnitHead => Roles.UnitHead,
        ApprovalStep.LegalityReview => Roles.LegalReviewer,
        ApprovalStep.DeputyHead => Roles.DeputyHead,
        _ => Roles.Head,
    };

    /// <summary>Who may prepare and submit: the owner unit's staff or the agency's publicity officer.</summary>
    public static readonly IReadOnlyList<string> PreparerRoles = [Roles.PublicityOfficer, Roles.Handler, Roles.UnitHead];

    public static string Label(ApprovalStep s) => s switch
    {
        ApprovalStep.Prepared => "承办单位拟稿",
        ApprovalStep.UnitHead => "科室负责人审核",
        ApprovalStep.LegalityReview => "合法性审核",
        ApprovalStep.DeputyHead => "分管领导审核",
        ApprovalStep.Head => "主要负责人审签",
        _ => s.ToString(),
    };

    public static string Label(PublicationStatus s) => s switch
    {
        PublicationStatus.Draft => "待拟稿",
        PublicationStatus.Approving => "审核中",
        PublicationStatus.Published => "已公开",
        PublicationStatus.Superseded => "已被新版本替代",
        PublicationStatus.Withdrawn => "已撤回",
        PublicationStatus.Expired => "公示期满",
        PublicationStatus.NotDisclosed => "不予公开",
        _ => s.ToString(),
    };

    public static string Label(PublicationKind k) => k switch
    {
        PublicationKind.Decision => "执法决定",
        PublicationKind.PreDisclosure => "事前公开",
        PublicationKind.AnnualReport => "年度报告",
        _ => k.ToString(),
    };

    public static string Label(PublicationForm f) => f == PublicationForm.FullText ? "全文公开" : "摘要公开";

    public static string Label(NonDisclosureGround g) => g switch
    {
        NonDisclosureGround.Minor => "当事人是未成年人",
        NonDisclosureGround.StateSecret => "涉及国家秘密",
        NonDisclosureGround.TradeSecret => "涉及商业秘密",
        NonDisclosureGround.PersonalPrivacy => "涉及个人隐私",
        NonDisclosureGround.Security => "公开后可能危及国家安全、公共安全、经济安全和社会稳定",
        NonDisclosureGround.BarredByLaw => "法律、法规或者规章规定不得公开",
        _ => g.ToString(),
    };

    public static string Label(DisclosureException e) => e switch
    {
        DisclosureException.ThirdPartyConsent => "经第三方同意公开",
        DisclosureException.PublicInterest => "不公开会对公共利益造成重大影响",
        _ => "无",
    };

    public static string Label(LegalStatus s) => s switch
    {
        LegalStatus.InForce => "有效",
        LegalStatus.UnderReconsideration => "行政复议中",
        LegalStatus.UnderLitigation => "行政诉讼中",
        LegalStatus.Changed => "已变更",
        LegalStatus.Revoked => "已撤销",
        LegalStatus.FoundIllegal => "被确认违法",
        _ => s.ToString(),
    };

    /// <summary>Art. 17's exception applies only to trade secrets and privacy; never to a minor or a state secret.</summary>
    public static bool ExceptionAllowed(NonDisclosureGround ground) => ground is NonDisclosureGround.TradeSecret or NonDisclosureGround.PersonalPrivacy;

    /// <summary>Checks a proposal not to publish (or to publish under the exception); every problem is named.</summary>
    public static ValidationErrors ValidateNonDisclosure(NonDisclosureGround? ground, string? reason, DisclosureException exception, string? exceptionReason)
    {
        var errors = new ValidationErrors();
        if (ground is null) errors.Add("ground", "required", "请选择不予公开的情形");
        errors.Required("reason", reason, "不予公开理由").MaxLength("reason", reason?.Trim(), Publication.ReasonMaxLength, "不予公开理由");
        if (exception != DisclosureException.None)
        {
            if (ground is { } g && !ExceptionAllowed(g))
                errors.Add("exception", "not_allowed", $"“{Label(g)}”不适用例外公开：只有商业秘密、个人隐私经第三方同意或涉及重大公共利益的可以公开");
            errors.Required("exceptionReason", exceptionReason, "例外公开理由");
        }
        return errors;
    }

    /// <summary>PUB-5 summary: an organisation is named; a natural person by surname only (张某).</summary>
    public static string PartyDisplay(PartyKind kind, string name)
    {
        name = name.Trim();
        if (kind is PartyKind.LegalPerson or PartyKind.OtherOrganization) return name;
        if (kind == PartyKind.IndividualBusiness && name.Length > 4) return name; // a shop's registered name, not the operator's
        return name.Length == 0 ? "" : Surname(name) + "某";
    }

    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "南宫", "西门", "独孤"];

    private static string Surname(string name)
    {
        foreach (var s in CompoundSurnames) if (name.StartsWith(s, StringComparison.Ordinal) && name.Length > 2) return s;
        return name[..1];
    }

    /// <summary>
    /// LAW-10: the last China date a penalty stays on the portal. A warning, 通报批评 or small fine only: the short
    /// period; anything heavier: the long one. Other decisions stay (null).
    /// </summary>
    public static DateOnly? ShownUntil(PublicationPolicy policy, CaseCategory? category, IReadOnlyList<PenaltyKind> kinds, decimal? fine, DateOnly publishedOn)
    {
        if (category != CaseCategory.Penalty) return null;
        bool light = kinds.All(k => k is PenaltyKind.Warning or PenaltyKind.PublicCriticism or PenaltyKind.Fine)
            && (fine ?? 0) <= policy.SmallFineYuan;
        return publishedOn.AddMonths(light ? policy.ShortPeriodMonths : policy.LongPeriodMonths).AddDays(-1);
    }

    public static bool IsShown(Publication p, DateOnly today) => p.Status == PublicationStatus.Published && (p.ShownUntil is null || today <= p.ShownUntil);

    public static ValidationErrors ValidatePolicy(int shortMonths, int longMonths, decimal smallFine)
    {
        var errors = new ValidationErrors();
        if (shortMonths is < 1 or > 120) errors.Add("shortPeriodMonths", "range", "较短公示期须在 1 至 120 个月之间");
        if (longMonths is < 1 or > 120) errors.Add("longPeriodMonths", "range", "一般公示期须在 1 至 120 个月之间");
        else if (longMonths < shortMonths) errors.Add("longPeriodMonths", "order", "一般公示期不能短于较短公示期");
        if (smallFine < 0) errors.Add("smallFineYuan", "range", "较低数额罚款不能为负数");
        return errors;
    }
}
