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
    /// <summary>行政处罚法第六十七条: fifteen days.</summary>
    public const int FinePaymentDays = 15;

    /// <summary>行政强制法第五十四条 with 第六十九条: ten working days after the 催告书 was served.</summary>
    public const int DemandWaitWorkingDays = 10;

    private const string CivilCode203 = "period.rule.civil_code_203";
    private const string CivilProcedure85 = "period.rule.civil_procedure_85";

    /// <summary>行政处罚法第六十七条: the fine is paid within fifteen days of receiving the decision. The late fee (第七十二条) runs only after the moved day.</summary>
    public static readonly LegalPeriod FinePayment = new("fine_payment", FinePaymentDays, PeriodUnit.CalendarDays, true, CivilCode203);

    /// <summary>行政复议法 (2023) 第二十条: sixty days from knowing of the act; 第八十八条 applies 民事诉讼法第八十五条.</summary>
    public static readonly LegalPeriod Reconsideration = new("reconsideration", 60, PeriodUnit.CalendarDays, true, CivilProcedure85);

    /// <summary>行政诉讼法第四十六条: six months from knowing of the act; 第一百零一条 applies 民事诉讼法第八十五条.</summary>
    public static readonly LegalPeriod Litigation = new("litigation", 6, PeriodUnit.Months, true, CivilProcedure85);

    /// <summary>
    /// 行政强制法第五十三条: the agency applies to the court within three months from the day the review and litigation
    /// periods expired. The application is made to the court, so the court's period rule moves it.
    /// </summary>
    public static readonly LegalPeriod CourtEnforcementApplication = new("court_application", 3, PeriodUnit.Months, true, CivilProcedure85);

    /// <summary>
    /// 行政强制法第五十四条 with 第六十九条: the court application waits until ten days have passed since the 催告书 was
    /// served; “十日以内” periods of that law are working days.
    /// </summary>
    public static readonly LegalPeriod DemandWait = new("demand_wait", DemandWaitWorkingDays, PeriodUnit.WorkingDays, false, "period.demand_wait.rule");

    /// <summary>行政强制法第二十五条: 查封、扣押 lasts at most thirty days, plus one approved extension of at most thirty; binds the agency.</summary>
    public static readonly LegalPeriod Seizure = new("seizure", 30, PeriodUnit.CalendarDays, false, "period.seizure.rule");

    /// <summary>行政处罚法第六十条: the penalty is decided within ninety days of filing, plus approved extensions; binds the agency.</summary>
    public static readonly LegalPeriod PenaltyDecision = new("penalty_decision", 90, PeriodUnit.CalendarDays, false, "period.penalty_decision.rule");

    /// <summary>
    /// 民事诉讼法第九十五条: an announced service counts as made once thirty days (or the announced period) have
    /// passed. It is the day service counts, not a period within which anyone must act, so it does not move.
    /// </summary>
    public static LegalPeriod AnnouncedService(int days) => new("announced_service", days, PeriodUnit.CalendarDays, false, "period.announced_service.rule");

    /// <summary>
    /// 行政处罚法第三十六条: no penalty once the act went undiscovered for two years (five where 生命健康安全、金融安全
    /// were harmed), counted from the day a continuing act ended. A limit on discovery, not an act at an office: no move.
    /// </summary>
    public static LegalPeriod Prescription(bool seriousHarm) => seriousHarm
        ? new("prescription_serious", 5, PeriodUnit.Years, false, "period.prescription_serious.rule")
        : new("prescription", 2, PeriodUnit.Years, false, "period.prescription.rule");
}
