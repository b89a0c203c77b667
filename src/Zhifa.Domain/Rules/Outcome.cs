namespace Zhifa.Domain.Rules;

/// <summary>
/// What a service act returns: done with its value, or refused with every reason — the actor's (<see cref="Forbidden"/>)
/// and the facts' (<see cref="Unmet"/>). Pages and endpoints render the same result; an expected refusal is no exception.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<UnmetCondition> forbidden, IReadOnlyList<UnmetCondition> unmet)
    {
        Value = value;
        Forbidden = forbidden;
        Unmet = unmet;
    }

    public T? Value { get; }
    public IReadOnlyList<UnmetCondition> Forbidden { get; }
    public IReadOnlyList<UnmetCondition> Unmet { get; }
    public bool Succeeded => Forbidden.Count == 0 && Unmet.Count == 0;

    public IReadOnlyList<UnmetCondition> Reasons => [.. Forbidden, .. Unmet];

    public static Outcome<T> Done(T value) => new(value, [], []);

    public static Outcome<T> Refused(MoveCheck check) => new(default, check.Forbidden, check.Unmet);

    public static Outcome<T> Refused(IReadOnlyList<UnmetCondition> forbidden, IReadOnlyList<UnmetCondition> unmet) => new(default, forbidden, unmet);
}
