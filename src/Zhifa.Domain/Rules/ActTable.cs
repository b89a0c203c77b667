namespace Zhifa.Domain.Rules;

/// <summary>
/// A lifecycle whose moves are asked for by the act that makes them (accept, reply, approve …) rather than by the state
/// they lead to: two acts may lead from one state to the same state (a note and a new assignment both keep a complaint
/// 办理中), so a move is found by its <see cref="Move{TFacts}.From"/> and its <see cref="Move{TFacts}.Act"/>. Who may act
/// and the conditions are checked exactly as in <see cref="Lifecycle{TFacts}"/>; an act the state does not allow is
/// refused with <paramref name="notFrom"/>'s reason.
/// </summary>
public sealed class ActTable<TFacts>(IReadOnlyList<Move<TFacts>> moves, Func<string, string, UnmetCondition> notFrom) where TFacts : IFacts
{
    public IReadOnlyList<Move<TFacts>> Moves { get; } = moves;

    public Move<TFacts>? Find(string from, string act) => Moves.FirstOrDefault(m => m.From == from && m.Act == act);

    /// <summary>The acts the table allows from <paramref name="state"/>, whether or not their conditions hold now.</summary>
    public IReadOnlyList<string> ActsFrom(string state) => Moves.Where(m => m.From == state).Select(m => m.Act!).Distinct().ToList();

    /// <summary>
    /// May <paramref name="actor"/> make <paramref name="act"/> from <paramref name="from"/> with these facts? Without an
    /// actor only the facts are checked (the daily jobs act for the system).
    /// </summary>
    public MoveCheck Check(string act, string from, TFacts facts, Actor? actor)
    {
        var move = Find(from, act);
        var any = move ?? Moves.FirstOrDefault(m => m.Act == act) ?? throw new ArgumentException($"No act '{act}' in the table", nameof(act));
        var forbidden = actor is null ? [] : any.Who.Select(w => w.Check(actor, facts)).OfType<UnmetCondition>().ToList();
        if (move is null) return new MoveCheck(from, "", forbidden, [notFrom(from, act)]);
        var unmet = move.Conditions.Select(c => c.Check(facts)).OfType<UnmetCondition>().ToList();
        return new MoveCheck(from, move.To, forbidden, unmet);
    }
}
