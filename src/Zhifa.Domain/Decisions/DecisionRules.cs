using System.Globalization;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

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
    public const string Remedies = "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议（《中华人民共和国行政复议法》第二十条），或者在六个月内依法提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。";

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
        var organ = string.IsNullOrWhiteSpace(reconsiderationOrgan) ? "依法" : "向" + reconsiderationOrgan.Trim();
        var litigation = string.IsNullOrWhiteSpace(court) ? "依法" : "依法向" + court.Trim();
        return $"如不服本决定，可以在收到本决定书之日起六十日内{organ}申请行政复议（《中华人民共和国行政复议法》第二十条），或者在六个月内{litigation}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。";
    }

    public static readonly IReadOnlyList<string> ServiceMethods = ["直接送达", "留置送达", "邮寄送达", "电子送达", "委托送达", "公告送达"];

    public static IReadOnlyList<PenaltyKind> ParseKinds(string text) => text
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => Enum.TryParse<PenaltyKind>(k, out var kind) ? (PenaltyKind?)kind : null)
        .OfType<PenaltyKind>().Distinct().ToList();

    public static string KindsLabel(IEnumerable<PenaltyKind> kinds) => string.Join("、", kinds.Select(SimpleProcedure.Label));

    public static string Yuan(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " 元";

    public static string OutcomeLabel(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Penalty => "给予行政处罚",
        DecisionOutcome.NoPenalty => "不予行政处罚",
        DecisionOutcome.FirstViolationNoPenalty => "首违不罚",
        _ => "其他处理",
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
            reasons.Add($"较大数额罚款：拟罚款 {Yuan(fine)}，达到本机关规定的 {Yuan(fineLimit)}（第六十三条第一款第一项）");
        if (terms.Kinds.Any(k => k is PenaltyKind.ConfiscateIllegalGains or PenaltyKind.ConfiscateIllegalProperty)
            && terms.ConfiscationYuan is { } conf && conf >= confiscationLimit)
            reasons.Add($"没收较大数额违法所得或较大价值非法财物：{Yuan(conf)}，达到本机关规定的 {Yuan(confiscationLimit)}（第六十三条第一款第二项）");
        var licence = terms.Kinds.Where(k => k is PenaltyKind.LowerQualification or PenaltyKind.RevokeLicence).ToList();
        if (licence.Count > 0) reasons.Add($"{KindsLabel(licence)}（第六十三条第一款第三项）");
        var business = terms.Kinds.Where(k => k is PenaltyKind.SuspendBusiness or PenaltyKind.OrderClosure or PenaltyKind.RestrictPractice).ToList();
        if (business.Count > 0) reasons.Add($"{KindsLabel(business)}（第六十三条第一款第四项）");
        if (otherHeavyPenalty) reasons.Add("其他较重的行政处罚（第六十三条第一款第五项）");
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
        if (servedAtUtc is not { } at) errors.Add("servedAt", "required", "送达时间不能为空");
        else errors.EventMoment("servedAt", "送达时间", toChina(at), toChina(nowUtc), new PriorMoment($"{document}制作时间", toChina(createdAtUtc)));
        if (string.IsNullOrWhiteSpace(method)) errors.Add("serviceMethod", "required", "送达方式不能为空");
        else if (!ServiceMethods.Contains(method.Trim())) errors.Add("serviceMethod", "invalid", $"送达方式只能是{string.Join("、", ServiceMethods)}");
        return errors;
    }

    /// <summary>Art. 63/64: a hearing is for the penalties of art. 63, asked for within 5 working days of service; a late request is refused with the last day.</summary>
    public static ValidationErrors ValidateHearingRequest(bool hearingRight, DateOnly? servedOn, DateOnly? requestedOn, DateOnly today, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        var errors = new ValidationErrors();
        if (!hearingRight)
            return errors.Add("requestedOn", "hearing.no_right", "告知的处罚不属于行政处罚法第六十三条规定的听证范围");
        if (servedOn is not { } served)
            return errors.Add("requestedOn", "notice.not_served", "事先告知书尚未送达，不能受理听证申请");
        if (requestedOn is not { } asked) return errors.Add("requestedOn", "required", "申请日期不能为空");
        var last = StatementPeriodEnds(served, addWorkingDays);
        errors.EventDay("requestedOn", "申请日期", asked, today, new PriorDay("告知书送达之日", served));
        if (errors.Any) return errors;
        if (asked > last)
            errors.Add("requestedOn", "hearing.request_late",
                $"听证申请须在告知书送达之日起五个工作日内提出（最后一日为 {ChineseDate(last)}，工作日，行政处罚法第六十四条、第八十五条），{ChineseDate(asked)}提出的申请已逾期");
        return errors;
    }

    /// <summary>The earliest day a hearing may be held: the 7th working day after the hearing notice was served.</summary>
    public static DateOnly EarliestHearingDate(DateOnly hearingNoticeServedOn, Func<DateOnly, int, DateOnly> addWorkingDays)
        => addWorkingDays(hearingNoticeServedOn, HearingNoticeWorkingDays);

    /// <summary>LAW-3 art. 64 (四): the chair is not one of the case's investigators, nor someone whose recusal was granted.</summary>
    public static ValidationErrors ValidateChair(int? chairOfficerId, IReadOnlyCollection<int> caseOfficerIds, IReadOnlyCollection<int> recusedOfficerIds)
    {
        var errors = new ValidationErrors();
        if (chairOfficerId is not { } chair) return errors.Add("chairOfficerId", "required", "请指定听证主持人");
        if (caseOfficerIds.Contains(chair)) errors.Add("chairOfficerId", "hearing.chair_investigator", "听证主持人不能是本案的调查人员（行政处罚法第六十四条第四项）");
        if (recusedOfficerIds.Contains(chair)) errors.Add("chairOfficerId", "hearing.chair_recused", "该人员的回避申请已被决定回避，不能主持听证");
        return errors;
    }

    /// <summary>Art. 64 (二): the hearing notice is served at least 7 working days before the hearing.</summary>
    public static ValidationErrors ValidateHearingNotice(DateOnly? servedOn, DateOnly scheduledOn, DateOnly today, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        var errors = new ValidationErrors();
        if (servedOn is not { } served) return errors.Add("noticeServedAt", "required", "听证通知书送达时间不能为空");
        if (served > today) return errors.Add("noticeServedAt", "in_future", "送达时间不能晚于现在");
        var earliest = EarliestHearingDate(served, addWorkingDays);
        if (scheduledOn < earliest)
            errors.Add("noticeServedAt", "hearing.notice_too_late",
                $"听证通知书须在举行听证七个工作日前送达：{ChineseDate(served)}送达的，听证最早于 {ChineseDate(earliest)} 举行，定于 {ChineseDate(scheduledOn)} 的听证须改期");
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
            reasons.Add($"告知书拟{OutcomeLabel(notice.Outcome)}，决定却给予行政处罚");
            return reasons;
        }
        var added = decision.Kinds.Where(k => !notice.Kinds.Contains(k)).ToList();
        if (added.Count > 0) reasons.Add($"增加了告知书未载明的处罚种类：{KindsLabel(added)}");
        if ((decision.FineYuan ?? 0) > (notice.FineYuan ?? 0))
            reasons.Add($"罚款 {Yuan(decision.FineYuan ?? 0)}，高于告知的 {Yuan(notice.FineYuan ?? 0)}");
        if ((decision.ConfiscationYuan ?? 0) > (notice.ConfiscationYuan ?? 0))
            reasons.Add($"没收金额 {Yuan(decision.ConfiscationYuan ?? 0)}，高于告知的 {Yuan(notice.ConfiscationYuan ?? 0)}");
        return reasons;
    }

    /// <summary>REC-4: a general-procedure decision states the three reasons; each missing one is named.</summary>
    public static IReadOnlyList<ValidationError> MissingReasons(DecisionProposal p)
    {
        var missing = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(p.EvidenceReason)) missing.Add(new("evidenceReason", "reason.missing", "决定须说明证据采信理由（REC-4）"));
        if (string.IsNullOrWhiteSpace(p.BasisReason)) missing.Add(new("basisReason", "reason.missing", "决定须说明依据选择理由（REC-4）"));
        if (string.IsNullOrWhiteSpace(p.DiscretionReason)) missing.Add(new("discretionReason", "reason.missing", "决定须说明裁量理由（REC-4）"));
        return missing;
    }

    /// <summary>The decision document of an outcome; null where the platform has none (the case is then decided otherwise).</summary>
    public static string? DecisionDocumentType(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Penalty => "penalty-decision",
        DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty => "no-penalty-decision",
        _ => null,
    };

    public static string ChineseDate(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
}
