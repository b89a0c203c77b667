namespace Zhifa.Domain.Rules;

/// <summary>
/// Marks a facts record that a lifecycle's rules read. Every member of such a record is <c>required</c>: a fact the
/// caller forgot does not compile, so no condition can pass by default (checked by a test over all of them).
/// </summary>
public interface IFacts;

/// <summary>
/// Who asks to make a move: the account, the officer it is (if any), its agency, its roles there, and the agencies
/// below its own that it administers (an administrator acts for those too).
/// </summary>
public sealed record Actor(string UserName, int? OfficerId, int? AgencyId, IReadOnlySet<string> Roles, IReadOnlySet<int> ActsFor)
{
    public bool Has(string role) => Roles.Contains(role);

    public bool HasAny(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>
/// One reason a move is refused: a stable code for machines, a Chinese message for people, and the field (of a form or
/// an API body) it concerns, if any.
/// </summary>
public sealed record UnmetCondition(string Code, string Message, string Field = "")
{
    /// <summary>The condition whose code names its message in the resources, filled with <paramref name="args"/>.</summary>
    public static UnmetCondition Of(string code, params object?[] args) => new(code, Messages.Get(code, args));
}

/// <summary>A condition of a move: when <see cref="Holds"/> is false, the move is refused with <see cref="Code"/>.</summary>
public sealed record Rule<TFacts>(string Code, string Field, Func<TFacts, bool> Holds, Func<TFacts, object?[]>? Args = null)
{
    public UnmetCondition? Check(TFacts facts) => Holds(facts) ? null : new(Code, Messages.Get(Code, Args?.Invoke(facts) ?? []), Field);

    /// <summary>The condition as a list of rules reads it, for flowcharts and the published procedures.</summary>
    public UnmetCondition Describe() => new(Code, Messages.Describe(Code), Field);
}

/// <summary>
/// Who may make a move: a role among <see cref="Roles"/> in the subject's agency, or a relation to the subject (not the
/// submitter, not an investigator …) expressed by <see cref="Allows"/>. An actor who fails one is refused with its code.
/// </summary>
public sealed record Who<TFacts>(string Code, Func<Actor, TFacts, bool> Allows, Func<TFacts, object?[]>? Args = null)
{
    public UnmetCondition? Check(Actor actor, TFacts facts) => Allows(actor, facts) ? null : UnmetCondition.Of(Code, Args?.Invoke(facts) ?? []);
}

/// <summary>
/// One move of a lifecycle. <see cref="Act"/> names the one service act that makes it (for example issuing a decision
/// also moves the case to 决定); a plain step change cannot make such a move.
/// </summary>
public sealed record Move<TFacts>(string From, string To, IReadOnlyList<Who<TFacts>> Who, IReadOnlyList<Rule<TFacts>> Conditions, string? Act = null);

/// <summary>
/// The answer to "may this actor make this move with these facts?": every unmet condition, split into the actor's
/// (403 in the API: this person may not) and the facts' (409: not yet). Allowed when both are empty.
/// </summary>
public sealed record MoveCheck(string From, string To, IReadOnlyList<UnmetCondition> Forbidden, IReadOnlyList<UnmetCondition> Unmet)
{
    public bool IsAllowed => Forbidden.Count == 0 && Unmet.Count == 0;

    public IReadOnlyList<UnmetCondition> All => [.. Forbidden, .. Unmet];
}

/// <summary>
/// A lifecycle as one table of moves. A subject moves only along the table, one move at a time, when the actor may
/// make the move and every condition holds; a refusal names every reason, and nothing silently does nothing.
/// </summary>
public sealed class Lifecycle<TFacts>(IReadOnlyList<Move<TFacts>> moves)
{
    public IReadOnlyList<Move<TFacts>> Moves { get; } = moves;

    public IReadOnlyList<string> NextFrom(string state) => Moves.Where(m => m.From == state).Select(m => m.To).ToList();

    public Move<TFacts>? Find(string from, string to) => Moves.FirstOrDefault(m => m.From == from && m.To == to);

    /// <summary>
    /// Checks the move from <paramref name="from"/> to <paramref name="to"/>. Without an actor only the facts are
    /// checked (to show what still blocks a move); <paramref name="act"/> is the service act asking, if any.
    /// </summary>
    public MoveCheck Check(string from, string to, TFacts facts, Actor? actor, string? act, Func<IReadOnlyList<string>, UnmetCondition> notAMove)
    {
        var move = Find(from, to);
        if (move is null)
        {
            // Asked by an act, the actor is still told whether it may make that act at all (the head signs, at any step).
            var actMove = act is null ? null : Moves.FirstOrDefault(m => m.Act == act);
            var who = actor is null || actMove is null ? [] : actMove.Who.Select(w => w.Check(actor, facts)).OfType<UnmetCondition>().ToList();
            return new MoveCheck(from, to, who, [notAMove(NextFrom(from))]);
        }
        var forbidden = actor is null ? [] : move.Who.Select(w => w.Check(actor, facts)).OfType<UnmetCondition>().ToList();
        var unmet = move.Conditions.Select(c => c.Check(facts)).OfType<UnmetCondition>().ToList();
        if (move.Act is not null && move.Act != act) unmet.Insert(0, UnmetCondition.Of(move.Act));
        return new MoveCheck(from, to, forbidden, unmet);
    }
}
