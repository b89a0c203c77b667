using Zhifa.Domain.Accounts;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Access;

/// <summary>
/// What the rules need to know about an access request and the act on it: the request, and what the act brings (the
/// purpose, reason and days asked for; the decision's note). Every member is required:
/// <c>AccessRequestService</c> fills them all for every act.
/// </summary>
public sealed record AccessFacts : IFacts
{
    public required int AgencyId { get; init; }
    /// <summary><see cref="AccessLifecycle.New"/> before the request exists, else its <see cref="AccessRequestStatus"/>.</summary>
    public required string State { get; init; }
    /// <summary>The account that asked (its user name), which may not decide its own request.</summary>
    public required string RequesterUserName { get; init; }
    public required bool PurposeChosen { get; init; }
    /// <summary>The reason asked with, trimmed ("" when none).</summary>
    public required string Reason { get; init; }
    public required int? Days { get; init; }
    /// <summary>The decision's note, trimmed ("" when none).</summary>
    public required string Note { get; init; }
}

/// <summary>The acts on an access request; each is a move of <see cref="AccessLifecycle"/>.</summary>
public static class AccessActs
{
    public const string Request = "request";
    public const string Approve = "approve";
    public const string Refuse = "refuse";
}

/// <summary>
/// 调阅申请 (REC-10, seed 003 art. 24: providing or looking into another's records needs the head's approval and is
/// registered) as one table of moves: anyone who may see the case asks,
/// for a purpose, a reason and at most <see cref="AccessRequest.MaxDays"/> days; the head of the case's agency approves
/// or, with a reason, refuses — never a request of his own; a decided request is not decided again.
/// </summary>
public static class AccessLifecycle
{
    public const string New = "New";

    private static Rule<AccessFacts> R(string code, string field, Func<AccessFacts, bool> holds, Func<AccessFacts, object?[]>? args = null) => new(code, field, holds, args);

    private static readonly Who<AccessFacts>[] Deciders =
    [
        new("access.actor.not_head", (a, f) => a.AgencyId == f.AgencyId && a.Has(Roles.Head)),
        new("access.actor.own_request", (a, f) => a.UserName != f.RequesterUserName),
    ];

    private static readonly Rule<AccessFacts>[] Asked =
    [
        R("access.reason_missing", "reason", f => f.Reason.Length > 0),
        R("access.days_out_of_range", "days", f => f.Days is >= 1 and <= AccessRequest.MaxDays, _ => [AccessRequest.MaxDays]),
        R("access.purpose_missing", "purpose", f => f.PurposeChosen),
    ];

    private static readonly Rule<AccessFacts> NoteGiven = R("access.note_missing", "note", f => f.Note.Length > 0);

    private const string Pending = nameof(AccessRequestStatus.Pending);

    public static ActTable<AccessFacts> Table { get; } = new([
        new(New, Pending, [], Asked, AccessActs.Request),
        new(Pending, nameof(AccessRequestStatus.Approved), Deciders, [], AccessActs.Approve),
        new(Pending, nameof(AccessRequestStatus.Rejected), Deciders, [NoteGiven], AccessActs.Refuse),
    ], (_, _) => new UnmetCondition("access.already_decided", Messages.Get("access.already_decided"), "status"));

    public static MoveCheck Check(string act, AccessFacts facts, Actor? actor) => Table.Check(act, facts.State, facts, actor);
}
