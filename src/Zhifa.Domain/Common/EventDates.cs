using System.Globalization;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Common;

/// <summary>What an event follows, as a refusal names it (e.g. “决定书送达之日”), and the China day it happened.</summary>
public sealed record PriorDay(string Name, DateOnly On);

/// <summary>What an event entered to the minute follows, and the China Standard Time it happened.</summary>
public sealed record PriorMoment(string Name, DateTime AtChina);

/// <summary>
/// The one rule for a date entered for something that happened (a service, a payment, an application, a statement, a
/// hearing, a change of legal status): it cannot lie in the future, nor precede the event it follows. “Today” is the
/// China day of the injected clock, which the caller passes in. Every refusal names the field, has one of the two
/// codes below and says the latest or earliest date allowed.
/// </summary>
public static class EventDates
{
    public const string InFuture = "date.in_future";
    public const string BeforePredecessor = "date.before_predecessor";

    /// <summary>
    /// The pages take times to the minute and clocks differ a little, so a moment up to five minutes ahead of the
    /// clock is not yet “in the future”.
    /// </summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Adds the refusal of <paramref name="day"/>, the date of <paramref name="label"/>, when it lies after today or before <paramref name="after"/>.</summary>
    public static ValidationErrors EventDay(this ValidationErrors errors, string field, string label, DateOnly day, DateOnly today, PriorDay? after = null)
    {
        if (day > today) errors.Add(field, InFuture, Messages.Get(InFuture, label, Iso(today)));
        else if (after is { } p && day < p.On) errors.Add(field, BeforePredecessor, Messages.Get(BeforePredecessor, label, p.Name, Iso(p.On)));
        return errors;
    }

    /// <summary>
    /// The same rule for a moment entered to the minute, all in China Standard Time: not after now (within the
    /// tolerance), not before the minute <paramref name="after"/> happened.
    /// </summary>
    public static ValidationErrors EventMoment(this ValidationErrors errors, string field, string label, DateTime atChina, DateTime nowChina, PriorMoment? after = null)
    {
        if (atChina > nowChina + ClockTolerance) errors.Add(field, InFuture, Messages.Get(InFuture + ".now", label, Minute(nowChina)));
        else if (after is { } p && atChina < Truncate(p.AtChina)) errors.Add(field, BeforePredecessor, Messages.Get(BeforePredecessor, label, p.Name, Minute(p.AtChina)));
        return errors;
    }

    private static DateTime Truncate(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMinute));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
