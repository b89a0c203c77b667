using System.Globalization;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Decisions;

/// <summary>What a notice or a decision imposes, for comparing the two (art. 62).</summary>
public sealed record PenaltyTerms(DecisionOutcome Outcome, IReadOnlyList<PenaltyKind> Kinds, decimal? FineYuan, decimal? ConfiscationYuan);

/// <summary>
/// The rules of notice, statement, hearing, collective discussion and decision (LAW-1, LAW-3, LAW-4, LAW-6, LAW-9,
/// REC-4). Working-day arithmetic is passed in (<c>addWorkingDays</c>) so that the rules stay free of the calendar's source.
/// </summary>
public static class DecisionRules
{
    /// <summary>LAW-4 art. 57: a discussion decides the proposal it discussed; once the proposal changed, it must be discussed again.</summary>
    public static bool DiscussedAsProposed(IEnumerable<string> discussedFingerprints, DecisionProposal? proposal)
        => proposal is not null && discussedFingerprints.Contains(proposal.Fingerprint(), StringComparer.Ordinal);

    /// <summary>Art. 44/45 with art. 85: the party states and defends within 5 working days of service.</summary>
    public const int StatementWorkingDays = 5;
    /// <summary>Art. 64 (一): a hearing is requested within 5 working days of the notice's service.</summary>
    public const int HearingRequestWorkingDays = 5;
    /// <summary>Art. 64 (二): the party is told of the hearing at least 7 working days before it.</summary>
    public const int HearingNoticeWorkingDays = 7;

    /// <summary>LAW-9: the remedies every decision states.</summary>
    public static string Remedies => Messages.Get("decisions.remedies");

    /// <summary>
    /// LAW-9: the remedies as a decision document states them, naming the 复议机关 and the court (行政处罚法第五十九条第一款
    /// 第五项; 行政复议法第二十条第三款: where the 复议机关 is not named, the 60 days run only from when the party learns it,
    /// for up to a year). Both periods
    /// are calendar periods from the day the party learnt of the decision, i.e. received it: 60 days (行政复议法第二十条;
    /// only its 三日、五日、七日、十日 are working days, 第八十八条第二款) and six months (行政诉讼法第四十六条); one that
    /// ends on a rest day ends on the next working day (行政复议法第八十八条第一款 and 行政诉讼法第一百零一条 with
    /// 民事诉讼法第八十五条). Without a name the sentence falls back to the general wording.
    /// </summary>
    public static string RemediesText(string? reconsiderationOrgan, string? court)
    {
        var organ = string.IsNullOrWhiteSpace(reconsiderationOrgan) ? Messages.Get("decisions.remedies.by_law") : Messages.Get("decisions.remedies.to_organ", reconsiderationOrgan.Trim());
        var litigation = string.IsNullOrWhiteSpace(court) ? Messages.Get("decisions.remedies.by_law") : Messages.Get("decisions.remedies.to_court", court.Trim());
        return Messages.Get("decisions.remedies.named", organ, litigation);
    }

    public static readonly IReadOnlyList<string> ServiceMethods = ServiceMethodNames.All;

    public static IReadOnlyList<PenaltyKind> ParseKinds(string text) => text
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => Enum.TryParse<PenaltyKind>(k, out var kind) ? (PenaltyKind?)kind : null)
        .OfType<PenaltyKind>().Distinct().ToList();

    public static string KindsLabel(IEnumerable<PenaltyKind> kinds) => string.Join("、", kinds.Select(SimpleProcedure.Label));

    public static string Yuan(decimal amount) => Messages.Get("decisions.yuan", amount.ToString("#,0.##", CultureInfo.InvariantCulture));

    public static string OutcomeLabel(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Penalty => Messages.Get("decisions.outcome.penalty"),
        DecisionOutcome.NoPenalty => Messages.Get("decisions.outcome.no_penalty"),
        DecisionOutcome.FirstViolationNoPenalty => Messages.Get("decisions.outcome.first_violation"),
        _ => Messages.Get("decisions.outcome.other"),
    };

    /// <summary>
    /// Art. 63: why the party may ask for a hearing; empty when it may not. With several parties, or a 个体工商户, the
    /// citizen's amounts apply, since the one decision covers them all and the lower threshold protects each.
    /// </summary>
    public static IReadOnlyList<string> HearingReasons(PenaltyTerms terms, IReadOnlyList<PartyKind> parties, DecisionSettings settings, bool otherHeavyPenalty)
    {
        var reasons = new List<string>();
        if (terms.Outcome != DecisionOutcome.Penalty) return reasons;
        bool citizen = parties.Count == 0 || parties.Any(p => p is PartyKind.NaturalPerson or PartyKind.IndividualBusiness);
        var fineLimit = citizen ? settings.LargeFineCitizenYuan : settings.LargeFineOrganisationYuan;
        var confiscationLimit = citizen ? settings.LargeConfiscationCitizenYuan : settings.LargeConfiscationOrganisationYuan;
        if (terms.Kinds.Contains(PenaltyKind.Fine) && terms.FineYuan is { } fine && fine >= fineLimit)
            reasons.Add(Messages.Get("decisions.hearing_reason.large_fine", Yuan(fine), Yuan(fineLimit)));
        if (terms.Kinds.Any(k => k is PenaltyKind.ConfiscateIllegalGains or PenaltyKind.ConfiscateIllegalProperty)
            && terms.ConfiscationYuan is { } conf && conf >= confiscationLimit)
            reasons.Add(Messages.Get("decisions.hearing_reason.large_confiscation", Yuan(conf), Yuan(confiscationLimit)));
        var licence = terms.Kinds.Where(k => k is PenaltyKind.LowerQualification or PenaltyKind.RevokeLicence).ToList();
        if (licence.Count > 0) reasons.Add(Messages.Get("decisions.hearing_reason.licence", KindsLabel(licence)));
        var business = terms.Kinds.Where(k => k is PenaltyKind.SuspendBusiness or PenaltyKind.OrderClosure or PenaltyKind.RestrictPractice).ToList();
        if (business.Count > 0) reasons.Add(Messages.Get("decisions.hearing_reason.business", KindsLabel(business)));
        if (otherHeavyPenalty) reasons.Add(Messages.Get("decisions.hearing_reason.other_heavy"));
        return reasons;
    }

    /// <summary>The last day of the statement period (and of the hearing-request window): the 5th working day after service.</summary>
    public static DateOnly StatementPeriodEnds(DateOnly servedOn, Func<DateOnly, int, DateOnly> addWorkingDays) => addWorkingDays(servedOn, StatementWorkingDays);

    /// <summary>LAW-4: no decision before the statement period has passed, unless the party waived in writing.</summary>
    public static bool PeriodOverOrWaived(DateOnly? servedOn, bool waived, DateOnly today, Func<DateOnly, int, DateOnly> addWorkingDays)
        => waived || (servedOn is { } d && today > StatementPeriodEnds(d, addWorkingDays));

    /// <summary>
    /// The service of a notice (事先告知书 or 听证通知书, named by <paramref name="document"/>): a method, and a time not in
    /// the future nor before the notice was made; <paramref name="toChina"/> turns UTC into China Standard Time.
    /// </summary>
    public static ValidationErrors ValidateService(DateTime? servedAtUtc, string? method, string document, DateTime createdAtUtc, DateTime nowUtc, Func<DateTime, DateTime> toChina)
    {
        var errors = new ValidationErrors();
        if (servedAtUtc is not { } at) errors.Add("servedAt", "required", Messages.Get("decisions.service.served_at_required"));
        else errors.EventMoment("servedAt", Messages.Get("decisions.service.served_at"), toChina(at), toChina(nowUtc), new PriorMoment(Messages.Get("decisions.service.document_made_at", document), toChina(createdAtUtc)));
        if (string.IsNullOrWhiteSpace(method)) errors.Add("serviceMethod", "required", Messages.Get("decisions.service.method_required"));
        else if (!ServiceMethods.Contains(method.Trim())) errors.Add("serviceMethod", "invalid", Messages.Get("decisions.service.method_invalid", string.Join("、", ServiceMethods)));
        return errors;
    }

    /// <summary>Art. 63/64: a hearing is for the penalties of art. 63, asked for within 5 working days of service; a late request is refused with the last day.</summary>
    public static ValidationErrors ValidateHearingRequest(bool hearingRight, DateOnly? servedOn, DateOnly? requestedOn, DateOnly today, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        var errors = new ValidationErrors();
        if (!hearingRight)
            return errors.Add("requestedOn", "hearing.no_right", Messages.Get("hearing.no_right"));
        if (servedOn is not { } served)
            return errors.Add("requestedOn", "notice.not_served", Messages.Get("decisions.hearing.request_notice_not_served"));
        if (requestedOn is not { } asked) return errors.Add("requestedOn", "required", Messages.Get("decisions.hearing.requested_on_required"));
        var last = StatementPeriodEnds(served, addWorkingDays);
        errors.EventDay("requestedOn", Messages.Get("decisions.hearing.requested_on"), asked, today, new PriorDay(Messages.Get("decisions.hearing.notice_served_on"), served));
        if (errors.Any) return errors;
        if (asked > last)
            errors.Add("requestedOn", "hearing.request_late",
                Messages.Get("hearing.request_late", ChineseDate(last), ChineseDate(asked)));
        return errors;
    }

    /// <summary>The earliest day a hearing may be held: the 7th working day after the hearing notice was served.</summary>
    public static DateOnly EarliestHearingDate(DateOnly hearingNoticeServedOn, Func<DateOnly, int, DateOnly> addWorkingDays)
        => addWorkingDays(hearingNoticeServedOn, HearingNoticeWorkingDays);

    /// <summary>LAW-3 art. 64 (四): the chair is not one of the case's investigators, nor someone whose recusal was granted.</summary>
    public static ValidationErrors ValidateChair(int? chairOfficerId, IReadOnlyCollection<int> caseOfficerIds, IReadOnlyCollection<int> recusedOfficerIds)
    {
        var errors = new ValidationErrors();
        if (chairOfficerId is not { } chair) return errors.Add("chairOfficerId", "required", Messages.Get("decisions.hearing.chair_required"));
        if (caseOfficerIds.Contains(chair)) errors.Add("chairOfficerId", "hearing.chair_investigator", Messages.Get("hearing.chair_investigator"));
        if (recusedOfficerIds.Contains(chair)) errors.Add("chairOfficerId", "hearing.chair_recused", Messages.Get("hearing.chair_recused"));
        return errors;
    }

    /// <summary>Art. 64 (二): the hearing notice is served at least 7 working days before the hearing.</summary>
    public static ValidationErrors ValidateHearingNotice(DateOnly? servedOn, DateOnly scheduledOn, DateOnly today, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        var errors = new ValidationErrors();
        if (servedOn is not { } served) return errors.Add("noticeServedAt", "required", Messages.Get("decisions.hearing.notice_served_required"));
        if (served > today) return errors.Add("noticeServedAt", "in_future", Messages.Get("decisions.hearing.served_in_future"));
        var earliest = EarliestHearingDate(served, addWorkingDays);
        if (scheduledOn < earliest)
            errors.Add("noticeServedAt", "hearing.notice_too_late",
                Messages.Get("hearing.notice_too_late", ChineseDate(served), ChineseDate(earliest), ChineseDate(scheduledOn)));
        return errors;
    }

    /// <summary>
    /// Art. 62: the decision is never heavier than what the party was last told. Every way it would be heavier is named:
    /// a penalty where none was intended, kinds not in the notice, higher amounts.
    /// </summary>
    public static IReadOnlyList<string> HeavierThanNotice(PenaltyTerms notice, PenaltyTerms decision)
    {
        var reasons = new List<string>();
        if (decision.Outcome != DecisionOutcome.Penalty) return reasons;
        if (notice.Outcome != DecisionOutcome.Penalty)
        {
            reasons.Add(Messages.Get("decisions.heavier.outcome", OutcomeLabel(notice.Outcome)));
            return reasons;
        }
        var added = decision.Kinds.Where(k => !notice.Kinds.Contains(k)).ToList();
        if (added.Count > 0) reasons.Add(Messages.Get("decisions.heavier.kinds", KindsLabel(added)));
        if ((decision.FineYuan ?? 0) > (notice.FineYuan ?? 0))
            reasons.Add(Messages.Get("decisions.heavier.fine", Yuan(decision.FineYuan ?? 0), Yuan(notice.FineYuan ?? 0)));
        if ((decision.ConfiscationYuan ?? 0) > (notice.ConfiscationYuan ?? 0))
            reasons.Add(Messages.Get("decisions.heavier.confiscation", Yuan(decision.ConfiscationYuan ?? 0), Yuan(notice.ConfiscationYuan ?? 0)));
        return reasons;
    }

    /// <summary>REC-4: a general-procedure decision states the three reasons; each missing one is named.</summary>
    public static IReadOnlyList<ValidationError> MissingReasons(DecisionProposal p)
    {
        var missing = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(p.EvidenceReason)) missing.Add(new("evidenceReason", "reason.missing", Messages.Get("decisions.reason_missing.evidence")));
        if (string.IsNullOrWhiteSpace(p.BasisReason)) missing.Add(new("basisReason", "reason.missing", Messages.Get("decisions.reason_missing.basis")));
        if (string.IsNullOrWhiteSpace(p.DiscretionReason)) missing.Add(new("discretionReason", "reason.missing", Messages.Get("decisions.reason_missing.discretion")));
        return missing;
    }

    /// <summary>The decision document of an outcome; null where the platform has none (the case is then decided otherwise).</summary>
    public static string? DecisionDocumentType(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Penalty => "penalty-decision",
        DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty => "no-penalty-decision",
        _ => null,
    };

    public static string ChineseDate(DateOnly d) => Messages.Get("decisions.date", d.Year, d.Month, d.Day);
}
