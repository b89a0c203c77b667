namespace Zhifa.Domain.Calendar;

/// <summary>
/// The periods Zhifa computes that are not short working-day limits, each with whether its last day moves off a
/// rest day and why. The rule applied (thinking it through once, here):
/// <list type="bullet">
/// <item>A period a party must keep moves. The general 期间 rule of 民法典第二百零三条 (which governs unless a law says
/// otherwise, 第二百零四条) and, for 复议 and 诉讼, 民事诉讼法第八十五条 (applied by 行政复议法第八十八条 and
/// 行政诉讼法第一百零一条) move a last day that is a 法定休假日 (weekends included) to the day after the rest ends, so
/// that a party is not cut short by a day on which the bank, the 复议机关 or the court is closed.</item>
/// <item>A limit the agency must keep does not move. The agency may always act before the last day, and acting
/// earlier is lawful whichever reading of the rule is right, while acting on a moved day would be unlawful if the rule
/// did not reach the agency's own limits; so Zhifa holds the agency to the unmoved day (the seizure and the 90 days).</item>
/// </list>
/// </summary>
public static class LegalPeriods
{
    private const string CivilCode203 = "民法典第二百零三条";
    private const string CivilProcedure85 = "民事诉讼法第八十五条";
    /// <summary>行政处罚法第六十七条: fifteen days.</summary>
    public const int FinePaymentDays = 15;

    private const string AgencyLimit = "机关须遵守的期限，不顺延：机关可以在届满前作出处理，提前处理在任何理解下均属合法，顺延则可能违法，平台按未顺延的届满日要求";

    /// <summary>行政处罚法第六十七条: the fine is paid within fifteen days of receiving the decision. The late fee (第七十二条) runs only after the moved day.</summary>
    public static readonly LegalPeriod FinePayment = new(
        "缴纳罚款", "行政处罚法第六十七条：自收到行政处罚决定书之日起十五日内缴纳罚款", FinePaymentDays, PeriodUnit.CalendarDays, true,
        CivilCode203,
        "当事人须遵守的期间，顺延：民法典第二百零三条，期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日；加处罚款自顺延后的届满日的次日起计算");

    /// <summary>行政复议法 (2023) 第二十条: sixty days from knowing of the act.</summary>
    public static readonly LegalPeriod Reconsideration = new(
        "申请行政复议", "行政复议法第二十条：自知道或者应当知道该行政行为之日起六十日内提出行政复议申请", 60, PeriodUnit.CalendarDays, true,
        CivilProcedure85,
        "当事人须遵守的期间，顺延：行政复议法第八十八条，期间计算依照民事诉讼法；民事诉讼法第八十五条，期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期");

    /// <summary>行政诉讼法第四十六条: six months from knowing of the act.</summary>
    public static readonly LegalPeriod Litigation = new(
        "提起行政诉讼", "行政诉讼法第四十六条：自知道或者应当知道作出行政行为之日起六个月内提出", 6, PeriodUnit.Months, true,
        CivilProcedure85,
        "当事人须遵守的期间，顺延：行政诉讼法第一百零一条适用民事诉讼法第八十五条，期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期；按月计算的，到期月的对应日为最后一日（民法典第二百零二条）");

    /// <summary>
    /// 行政强制法第五十三条: the agency applies to the court within three months from the day the review and litigation
    /// periods expired. The application is made to the court, so the court's period rule moves it.
    /// </summary>
    public static readonly LegalPeriod CourtEnforcementApplication = new(
        "申请人民法院强制执行", "行政强制法第五十三条：自复议、诉讼期限届满之日起三个月内申请人民法院强制执行", 3, PeriodUnit.Months, true,
        CivilProcedure85,
        "向人民法院提出申请的期间，顺延：人民法院依行政诉讼法第一百零一条适用民事诉讼法第八十五条计算期间，最后一日是法定休假日的，以法定休假日后的第一日为届满日期");

    /// <summary>
    /// 行政强制法第五十四条 with 第六十九条: the court application waits until ten days have passed since the 催告书 was
    /// served; “十日以内” periods of that law are working days.
    /// </summary>
    public static readonly LegalPeriod DemandWait = new(
        "催告后等待履行", "行政强制法第五十四条：催告书送达十日后当事人仍未履行义务的，方可申请人民法院强制执行；第六十九条：十日以内期限是指工作日", 10,
        PeriodUnit.WorkingDays, false, "行政强制法第六十九条", "按工作日计算，届满日必为工作日，无需顺延");

    /// <summary>行政强制法第二十五条: 查封、扣押 lasts at most thirty days, plus one approved extension of at most thirty.</summary>
    public static readonly LegalPeriod Seizure = new(
        "查封、扣押期限届满", "行政强制法第二十五条：查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准可以延长，延长期限不得超过三十日", 30,
        PeriodUnit.CalendarDays, false, "行政强制法第二十五条",
        AgencyLimit + "；顺延还会使对当事人财物的强制超过第二十五条允许的日数");

    /// <summary>行政处罚法第六十条: the penalty is decided within ninety days of filing, plus approved extensions.</summary>
    public static readonly LegalPeriod PenaltyDecision = new(
        "作出处罚决定", "行政处罚法第六十条：自行政处罚案件立案之日起九十日内作出行政处罚决定", 90, PeriodUnit.CalendarDays, false,
        "行政处罚法第六十条", AgencyLimit);

    /// <summary>
    /// 民事诉讼法第九十五条: an announced service counts as made once thirty days (or the announced period) have
    /// passed. It is the day service counts, not a period within which anyone must act, so it does not move.
    /// </summary>
    public static LegalPeriod AnnouncedService(int days) => new(
        "公告送达视为送达", "民事诉讼法第九十五条：自发出公告之日起，经过三十日，即视为送达", days, PeriodUnit.CalendarDays, false,
        "民事诉讼法第九十五条", "不顺延：公告期满之日是视为送达之日，不是须在期间内完成某项行为的期限");

    /// <summary>
    /// 行政处罚法第三十六条: no penalty once the act went undiscovered for two years (five where 生命健康安全、金融安全
    /// were harmed), counted from the day a continuing act ended.
    /// </summary>
    public static LegalPeriod Prescription(bool seriousHarm) => new(
        "追责期限", seriousHarm
            ? "行政处罚法第三十六条：涉及公民生命健康安全、金融安全且有危害后果的，五年内未被发现的，不再给予行政处罚"
            : "行政处罚法第三十六条：违法行为在二年内未被发现的，不再给予行政处罚",
        seriousHarm ? 5 : 2, PeriodUnit.Years, false, "行政处罚法第三十六条",
        "不顺延：这是对机关发现违法行为的时间限制，发现不是须在机关办公日完成的行为");
}
