using Zhifa.Domain.Accounts;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Rules;

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
        => new ValidationErrors().EventDay("changedOn", Messages.Get("publication.changed_on"), changedOn, today, new PriorDay(Messages.Get("publication.published_on"), publishedOn));

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

    public static string Label(ApprovalStep s) => Messages.Get("publication.step." + s);

    public static string Label(PublicationStatus s) => Messages.Get("publication.status." + s);

    public static string Label(PublicationKind k) => Messages.Get("publication.kind." + k);

    public static string Label(PublicationForm f) => Messages.Get("publication.form." + f);

    public static string Label(NonDisclosureGround g) => Messages.Get("publication.ground." + g);

    public static string Label(DisclosureException e) => Messages.Get("publication.exception." + e);

    public static string Label(LegalStatus s) => Messages.Get("publication.legal." + s);

    /// <summary>Art. 17's exception applies only to trade secrets and privacy; never to a minor or a state secret.</summary>
    public static bool ExceptionAllowed(NonDisclosureGround ground) => ground is NonDisclosureGround.TradeSecret or NonDisclosureGround.PersonalPrivacy;

    /// <summary>Checks a proposal not to publish (or to publish under the exception); every problem is named.</summary>
    public static ValidationErrors ValidateNonDisclosure(NonDisclosureGround? ground, string? reason, DisclosureException exception, string? exceptionReason)
    {
        var errors = new ValidationErrors();
        if (ground is null) errors.Add("ground", "required", Messages.Get("publication.error.ground_required"));
        errors.Required("reason", reason, Messages.Get("publication.field.non_disclosure_reason")).MaxLength("reason", reason?.Trim(), Publication.ReasonMaxLength, Messages.Get("publication.field.non_disclosure_reason"));
        if (exception != DisclosureException.None)
        {
            if (ground is { } g && !ExceptionAllowed(g))
                errors.Add("exception", "not_allowed", Messages.Get("publication.error.exception_not_allowed", Label(g)));
            errors.Required("exceptionReason", exceptionReason, Messages.Get("publication.field.exception_reason"));
        }
        return errors;
    }

    /// <summary>PUB-5 summary: an organisation is named; a natural person by surname only (张某).</summary>
    public static string PartyDisplay(PartyKind kind, string name)
    {
        name = name.Trim();
        if (kind is PartyKind.LegalPerson or PartyKind.OtherOrganization) return name;
        if (kind == PartyKind.IndividualBusiness && name.Length > 4) return name; // a shop's registered name, not the operator's
        return name.Length == 0 ? "" : Messages.Get("publication.party_surname", Surname(name));
    }

    // The surname as the redaction masks it: a double surname (欧阳) when the name is longer than it.
    private static string Surname(string name) => name[..Redaction.ChineseNames.SurnameLengthOf(name)];

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
        if (shortMonths is < 1 or > 120) errors.Add("shortPeriodMonths", "range", Messages.Get("publication.error.short_period"));
        if (longMonths is < 1 or > 120) errors.Add("longPeriodMonths", "range", Messages.Get("publication.error.long_period"));
        else if (longMonths < shortMonths) errors.Add("longPeriodMonths", "order", Messages.Get("publication.error.period_order"));
        if (smallFine < 0) errors.Add("smallFineYuan", "range", Messages.Get("publication.error.small_fine"));
        return errors;
    }
}
