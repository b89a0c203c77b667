using Zhifa.Domain.Accounts;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Retention;

/// <summary>What the rules need to know to place or release a hold on a case's records. Every member is required.</summary>
public sealed record HoldFacts : IFacts
{
    public required int AgencyId { get; init; }
    /// <summary><see cref="RetentionLifecycle.New"/> before the hold exists, then <see cref="RetentionLifecycle.Held"/> or <see cref="RetentionLifecycle.Released"/>.</summary>
    public required string State { get; init; }
    /// <summary>The reason asked with (null when none was chosen).</summary>
    public required HoldReason? Reason { get; init; }
    /// <summary>The note, trimmed ("" when none).</summary>
    public required string Note { get; init; }
}

/// <summary>What the purge needs to know about one record today. Every member is required.</summary>
public sealed record PurgeFacts : IFacts
{
    /// <summary><see cref="RetentionLifecycle.Kept"/>, <see cref="RetentionLifecycle.Marked"/> or <see cref="RetentionLifecycle.Purged"/>.</summary>
    public required string State { get; init; }
    /// <summary>The policy lets the record go today: no active hold, the case closed and every retention period over.</summary>
    public required bool Expired { get; init; }
    /// <summary>The recovery window after marking is over (false while the record is not marked).</summary>
    public required bool RecoveryOver { get; init; }
}

/// <summary>Who asks for a purge run outside the daily schedule. Every member is required.</summary>
public sealed record PurgeRunFacts : IFacts
{
    public required DateOnly Today { get; init; }
}

public static class RetentionActs
{
    public const string Place = "place";
    public const string Release = "release";
    public const string Mark = "mark";
    public const string Unmark = "unmark";
    public const string Delete = "delete";
    public const string Run = "run";
}

/// <summary>
/// REC-9 as tables of moves. Holds (长期保存, seed 003 art. 22–23): the head, deputy head, archivist or administrator of
/// the case's agency places one with its reason (a note when the reason is 其他) and releases it once. The purge (no
/// actor: the daily job acts for the system): an expired record is first marked, unmarked if it stops being expired (a
/// hold placed in the recovery window saves it), and deleted only when still expired after the recovery window.
/// </summary>
public static class RetentionLifecycle
{
    public const string New = "New", Held = "Held", Released = "Released";
    public const string Kept = "Kept", Marked = "Marked", Purged = "Purged";

    private static readonly Who<HoldFacts>[] Keepers =
    [
        new("retention.actor.not_keeper", (a, f) => (a.AgencyId == f.AgencyId || a.ActsFor.Contains(f.AgencyId))
            && a.HasAny([Roles.Administrator, Roles.Head, Roles.DeputyHead, Roles.Archivist])),
    ];

    private static readonly Rule<HoldFacts>[] Placing =
    [
        new("retention.reason_missing", "reason", f => f.Reason is { } r && Enum.IsDefined(r)),
        new("retention.note_missing", "note", f => f.Reason != HoldReason.Other || f.Note.Length > 0),
    ];

    public static ActTable<HoldFacts> Holds { get; } = new([
        new(New, Held, Keepers, Placing, RetentionActs.Place),
        new(Held, Released, Keepers, [], RetentionActs.Release),
    ], (_, _) => new UnmetCondition("retention.hold.already_released", Messages.Get("retention.hold.already_released"), "hold"));

    private static readonly Rule<PurgeFacts> Expired = new("retention.not_expired", "record", f => f.Expired);

    public static ActTable<PurgeFacts> Purge { get; } = new([
        new(Kept, Marked, [], [Expired], RetentionActs.Mark),
        new(Marked, Kept, [], [new("retention.still_expired", "record", f => !f.Expired)], RetentionActs.Unmark),
        new(Marked, Purged, [], [Expired, new("retention.recovery_not_over", "record", f => f.RecoveryOver)], RetentionActs.Delete),
    ], (_, _) => new UnmetCondition("retention.already_purged", Messages.Get("retention.already_purged"), "record"));

    /// <summary>Only the administrator of the whole deployment (who belongs to no agency) runs the purge outside its schedule.</summary>
    public static ActTable<PurgeRunFacts> Run { get; } = new([
        new("Idle", "Idle", [new("retention.actor.not_deployment_admin", (a, _) => a.Has(Roles.Administrator) && a.AgencyId is null)], [], RetentionActs.Run),
    ], (_, _) => throw new InvalidOperationException("A purge run is always possible"));

    public static MoveCheck Check(string act, HoldFacts facts, Actor? actor) => Holds.Check(act, facts.State, facts, actor);

    public static MoveCheck Check(string act, PurgeFacts facts) => Purge.Check(act, facts.State, facts, null);

    /// <summary>The state of a record for the purge table.</summary>
    public static string StateOf(DateOnly? markedOn, DateTime? purgedAt) => purgedAt is not null ? Purged : markedOn is not null ? Marked : Kept;
}
