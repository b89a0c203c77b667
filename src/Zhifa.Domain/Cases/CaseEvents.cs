namespace Zhifa.Domain.Cases;

/// <summary>Something that happened in an area, which other areas may react to (in the same transaction).</summary>
public interface IDomainEvent;

/// <summary>The case moved from one step to the next (REC-2); raised in the move's transaction.</summary>
public sealed record CaseMoved(Case Case, string From, string To) : IDomainEvent;
