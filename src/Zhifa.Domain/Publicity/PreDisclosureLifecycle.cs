using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// What the rules need to know about one pre-disclosure list of an agency to decide whether a version may be generated
/// from today's data. Every member is required (<c>PreDisclosureService.FactsAsync</c> fills them all).
/// </summary>
public sealed record PreDisclosureFacts : IFacts
{
    public required int AgencyId { get; init; }
    /// <summary>The status of the list's latest version, or <see cref="PreDisclosureLifecycle.None"/> before its first.</summary>
    public required string State { get; init; }
    /// <summary>The number of the latest version (0 before the first).</summary>
    public required int LatestVersion { get; init; }
    /// <summary>The version now published (null when none is).</summary>
    public required int? PublishedVersion { get; init; }
    /// <summary>Today's data differs from what the published version was generated from (true when none is published).</summary>
    public required bool DataChanged { get; init; }
}

/// <summary>
/// The versions of a pre-disclosure list (事前公开, 国办发〔2018〕118号 二（一）: 执法主体、人员、职责、权限、依据、程序、
/// 救济渠道和随机抽查事项清单, 根据法律法规和机构职能变化情况及时进行动态调整) as one table: the first version is generated
/// from the platform's data, a draft not yet submitted is refreshed, and a new version follows the published one only
/// when the data changed. While a version is in the chain nothing is generated. Each version then passes the
/// publication chain with the legality review (<see cref="PublicationLifecycle"/>, 合法性审核), and its release
/// supersedes the version published before.
/// </summary>
public static class PreDisclosureLifecycle
{
    public const string None = "None";
    public const string Draft = PublicationLifecycle.Draft;

    private static readonly Who<PreDisclosureFacts>[] Preparer =
    [
        new("predisclosure.actor.other_agency", (a, f) => a.AgencyId == f.AgencyId),
        new("predisclosure.actor.not_preparer", (a, _) => a.HasAny(PublicationRules.PreparerRoles)),
    ];

    private static readonly Rule<PreDisclosureFacts> Changed = new("predisclosure.unchanged", "listKey", f => f.DataChanged, f => [f.PublishedVersion]);

    public static Lifecycle<PreDisclosureFacts> Table { get; } = new([
        new(None, Draft, Preparer, []),
        new(Draft, Draft, Preparer, []),
        new(PublicationLifecycle.Published, Draft, Preparer, [Changed]),
        new(PublicationLifecycle.Withdrawn, Draft, Preparer, [Changed]),
        new(PublicationLifecycle.Expired, Draft, Preparer, [Changed]),
        new(PublicationLifecycle.NotDisclosed, Draft, Preparer, [Changed]),
    ]);

    /// <summary>May <paramref name="actor"/> generate the list's next (or refreshed) version now? Without an actor only the facts are checked.</summary>
    public static MoveCheck CheckGenerate(PreDisclosureFacts facts, Actor? actor)
        => Table.Check(facts.State, Draft, facts, actor, null, _ => facts.State.StartsWith("Approving", StringComparison.Ordinal)
            ? new UnmetCondition("predisclosure.in_chain", Messages.Get("predisclosure.in_chain", facts.LatestVersion), "version")
            : new UnmetCondition("publication.move_not_allowed", Messages.Get("publication.move_not_allowed",
                PublicationLifecycle.Label(facts.State), PublicationLifecycle.Label(Draft)), "version"));
}
