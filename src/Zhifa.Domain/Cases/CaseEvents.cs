namespace Zhifa.Domain.Cases;

/// <summary>Something that happened in an area, which other areas may react to (in the same transaction).</summary>
public interface IDomainEvent;

/// <summary>The case moved from one step to the next (REC-2); raised in the move's transaction.</summary>
public sealed record CaseMoved(Case Case, string From, string To) : IDomainEvent;

/// <summary>
/// The case was opened (REC-1); raised in the opening's transaction, before it commits. <see cref="ComplaintId"/> is the
/// complaint it was opened from (SUP-4), if any: what a handler throws refuses the opening.
/// </summary>
public sealed record CaseOpened(Case Case, int? ComplaintId) : IDomainEvent;
