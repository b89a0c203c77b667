using Zhifa.Domain.Calendar;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>Time limits of the law that follow from the case's dates; computed on demand, never stored.</summary>
public static class CaseDeadlines
{
    /// <summary>LAW-8 art. 25: 查封、扣押 lasts at most 30 calendar days.</summary>
    public const int SeizureDays = 30;

    /// <summary>LAW-8 art. 25: the one approved extension adds at most 30 calendar days.</summary>
    public const int SeizureExtensionMaxDays = 30;

    /// <summary>LAW-5 art. 56: the decision on 先行登记保存 is due within 7 working days (LAW-1).</summary>
    public const int PreservationWorkingDays = 7;

    /// <summary>
    /// LAW-8 art. 25: 查封、扣押 at most 30 days from the day it was carried out, plus the days of the one approved
    /// extension (at most 30); <paramref name="extensionDays"/> is 0 without an approved extension. A limit on the
    /// agency: it does not move off a rest day (<see cref="LegalPeriods.Seizure"/>).
    /// </summary>
    public static DateOnly SeizureEnds(DateOnly start, int extensionDays = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensionDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(extensionDays, SeizureExtensionMaxDays);
        return LegalPeriods.Seizure.LastDay(start, extensionDays);
    }

    /// <summary>LAW-5 art. 56: 先行登记保存 is decided within 7 working days.</summary>
    public static DateOnly PreservationDecisionDue(DateOnly start, Func<DateOnly, int, DateOnly> addWorkingDays) => addWorkingDays(start, PreservationWorkingDays);

    /// <summary>A due day as the messages and pages write it: 2026年10月1日.</summary>
    public static string Label(DateOnly day) => Messages.Get("cases.date", day);

    /// <summary>
    /// LAW-5 art. 60: a penalty is decided within 90 days of filing, plus the days the head approved
    /// (<paramref name="extensionDays"/>). A limit on the agency: it does not move off a rest day (<see cref="LegalPeriods.PenaltyDecision"/>).
    /// </summary>
    public static DateOnly PenaltyDecisionDue(DateOnly filedOn, int extensionDays = 0) => LegalPeriods.PenaltyDecision.LastDay(filedOn, extensionDays);
}
