using Zhifa.Domain.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// What the rules need to know about one version of a publication (and the act asked) to decide a move. Every member
/// is required: <c>PublicationService.FactsAsync</c> fills them all, so no condition passes because a caller forgot one.
/// </summary>
public sealed record PublicationFacts : IFacts
{
    public required PublicationKind Kind { get; init; }
    public required int AgencyId { get; init; }
    public required string Title { get; init; }
    /// <summary>Where the version stands, as the table names it (<see cref="PublicationLifecycle.StateOf"/>).</summary>
    public required string State { get; init; }
    /// <summary>The agency's chain for this kind, after preparation (PUB-1).</summary>
    public required IReadOnlyList<ApprovalStep> Chain { get; init; }
    /// <summary>Who submitted the version into the chain now running ("" before submission): no one approves his own submission.</summary>
    public required string SubmittedBy { get; init; }

    /// <summary>The version is to be published (no proposal not to disclose, or one under the art. 17 exception).</summary>
    public required bool Disclosing { get; init; }
    public required bool PartyShown { get; init; }
    public required bool ConclusionGiven { get; init; }
    public required bool FullText { get; init; }
    public required bool RedactionConfirmed { get; init; }
    /// <summary>A pre-disclosure list: its key is one of the lists, and the rows it has. (The annual report's figures are its own area's check.)</summary>
    public required bool ListKnown { get; init; }
    public required int ContentRows { get; init; }

    /// <summary>The reason or note given with the act, trimmed ("" when none).</summary>
    public required string Note { get; init; }
    /// <summary>The legal status asked for (the one it has when the act is not a change of it).</summary>
    public required LegalStatus NewLegalStatus { get; init; }
    /// <summary>The day the change of legal status was received, as given (null: today).</summary>
    public required DateOnly? ChangedOn { get; init; }
    /// <summary>The China day the series was first published (null before it was).</summary>
    public required DateOnly? FirstPublishedOn { get; init; }
    public required DateOnly Today { get; init; }
    /// <summary>LAW-10: the last day a penalty stays on the portal (null: no end).</summary>
    public required DateOnly? ShownUntil { get; init; }
    /// <summary>The version of the series not yet released (a draft or one in the chain), if any.</summary>
    public required int? OpenVersion { get; init; }
}

/// <summary>The acts of the publication service that make a move; a plain change cannot make these moves.</summary>
public static class PublicationActs
{
    /// <summary>The head's sign-off releases the version: published, or recorded as not disclosed.</summary>
    public const string Release = "publication.act.release";
    /// <summary>A newer version released takes the older one's place.</summary>
    public const string Supersede = "publication.act.supersede";
    /// <summary>LAW-10: the daily run takes a penalty past its period off the portal.</summary>
    public const string Expire = "publication.act.expire";
    /// <summary>The next version starts as a draft copy of the series' latest one.</summary>
    public const string NewVersion = "publication.act.new_version";
}

/// <summary>
/// The publication chain (公示) of every version of a decision, a pre-disclosure list or the annual report as one
/// table: prepared by the owner unit, submitted, approved step by step as the agency's chain says, signed off and
/// released by the head, returned, withdrawn, superseded by a newer version, expired; and the legal status of a
/// published decision. Each approval step is its own move, allowed only to the role it names and never to the one who
/// submitted.
/// </summary>
public static class PublicationLifecycle
{
    public const string Draft = nameof(PublicationStatus.Draft);
    public const string Published = nameof(PublicationStatus.Published);
    public const string Superseded = nameof(PublicationStatus.Superseded);
    public const string Withdrawn = nameof(PublicationStatus.Withdrawn);
    public const string Expired = nameof(PublicationStatus.Expired);
    public const string NotDisclosed = nameof(PublicationStatus.NotDisclosed);
    /// <summary>Not a state of this version: the series gets its next version, a draft (the version itself does not change).</summary>
    public const string NextVersion = "NextVersion";

    /// <summary>The state of a version waiting at <paramref name="step"/> of its chain.</summary>
    public static string Waiting(ApprovalStep step) => "Approving." + step;

    /// <summary>The table's state of a version: its status, and while in the chain the step it waits at.</summary>
    public static string StateOf(PublicationStatus status, ApprovalStep? waiting)
        => status == PublicationStatus.Approving && waiting is { } s ? Waiting(s) : status.ToString();

    /// <summary>The state a version reaches once <paramref name="step"/> is approved (null: the chain is done and the version is released).</summary>
    public static string? After(IReadOnlyList<ApprovalStep> chain, ApprovalStep step)
    {
        int i = chain.ToList().IndexOf(step);
        return i >= 0 && i + 1 < chain.Count ? Waiting(chain[i + 1]) : null;
    }

    /// <summary>The release's state: published, or not disclosed when so proposed (PUB-6).</summary>
    public static string Released(PublicationFacts f) => f.Disclosing ? Published : NotDisclosed;

    public static string Label(string state) => state == NextVersion ? Messages.Get("publication.state.next_version") : state.StartsWith("Approving.", StringComparison.Ordinal)
        && Enum.TryParse<ApprovalStep>(state["Approving.".Length..], out var step)
            ? Messages.Get("publication.state.waiting", PublicationRules.Label(step))
            : Enum.TryParse<PublicationStatus>(state, out var s) ? PublicationRules.Label(s) : state;

    private static Rule<PublicationFacts> R(string code, string field, Func<PublicationFacts, bool> holds, Func<PublicationFacts, object?[]>? args = null)
        => new(code, field, holds, args);

    // ---- conditions --------------------------------------------------------------------------------------------

    // 国办发〔2018〕118号 二（三）、PUB-5: a decision is published with its party and conclusion, its full text only redacted
    // (政府信息公开条例第十五条: personal privacy is not disclosed).
    private static readonly Rule<PublicationFacts>[] Ready =
    [
        R("publication.party_missing", "party", f => f.Kind != PublicationKind.Decision || !f.Disclosing || f.PartyShown),
        R("publication.conclusion_missing", "conclusion", f => f.Kind != PublicationKind.Decision || !f.Disclosing || f.ConclusionGiven),
        R("publication.redaction_not_confirmed", "redaction", f => f.Kind != PublicationKind.Decision || !f.Disclosing || !f.FullText || f.RedactionConfirmed),
        // 国办发〔2018〕118号 二（一）: the lists of 事前公开, each with content.
        R("predisclosure.list_unknown", "listKey", f => f.Kind != PublicationKind.PreDisclosure || f.ListKnown),
        R("predisclosure.content_empty", "body", f => f.Kind != PublicationKind.PreDisclosure || !f.ListKnown || f.ContentRows > 0, f => [f.Title]),
    ];

    private static readonly Rule<PublicationFacts> ReturnReason = R("publication.return_reason_missing", "note", f => f.Note.Length > 0);

    // 国办发〔2018〕118号 二（三）: a decision changed, revoked or found illegal is withdrawn, with its explanation to the public.
    private static readonly Rule<PublicationFacts> WithdrawalReason = R("publication.withdrawal_reason_missing", "reason", f => f.Note.Length > 0);

    // PUB-7: a change, revocation or finding is recorded with what it rests on (复议决定书、判决书文号), received on a day not
    // in the future and not before the decision was first published (Common/EventDates.cs).
    private static readonly Rule<PublicationFacts>[] LegalStatusChange =
    [
        R("publication.legal_status_basis_missing", "note", f => !PublicationRules.NeedsWithdrawal(f.NewLegalStatus) || f.Note.Length > 0),
        R(EventDates.InFuture, "changedOn", f => !PublicationRules.NeedsWithdrawal(f.NewLegalStatus) || f.ChangedOn is not { } d || d <= f.Today,
            f => [Messages.Get("publication.changed_on"), Iso(f.Today)]),
        R(EventDates.BeforePredecessor, "changedOn", f => !PublicationRules.NeedsWithdrawal(f.NewLegalStatus) || f.ChangedOn is not { } d
            || f.FirstPublishedOn is not { } p || d > f.Today || d >= p,
            f => [Messages.Get("publication.changed_on"), Messages.Get("publication.published_on"), f.FirstPublishedOn is { } p ? Iso(p) : ""]),
    ];

    // 行政处罚法第四十八条第二款 and LAW-10: a penalty's decision leaves the portal when its period is over.
    private static readonly Rule<PublicationFacts> PeriodOver = R("publication.period_not_over", "shownUntil",
        f => f.ShownUntil is { } d && d < f.Today, f => [f.ShownUntil is { } d ? Iso(d) : ""]);

    private static readonly Rule<PublicationFacts> NoOpenVersion = R("publication.draft_exists", "version", f => f.OpenVersion is null, f => [f.OpenVersion]);

    // ---- who may move ------------------------------------------------------------------------------------------

    private static bool OfAgency(Actor a, PublicationFacts f) => a.AgencyId == f.AgencyId;

    private static readonly Who<PublicationFacts> OwnAgency = new("publication.actor.other_agency", OfAgency);

    /// <summary>谁执法谁公示 (政府信息公开条例第十条): the owner unit's staff or the agency's publicity officer prepare and submit.</summary>
    private static readonly Who<PublicationFacts>[] Preparer =
    [
        OwnAgency,
        new("publication.actor.not_preparer", (a, _) => a.HasAny(PublicationRules.PreparerRoles)),
    ];

    /// <summary>
    /// 政府信息公开条例第十七条 (审查机制) and 国办发〔2018〕118号 二 (采集、传递、审核、发布职责分明): a step is approved by the
    /// role it names, in the item's agency, and never by the one who submitted the item.
    /// </summary>
    private static Who<PublicationFacts>[] Approver(ApprovalStep step) =>
    [
        new("publication.actor.not_step_role", (a, f) => OfAgency(a, f) && a.Has(PublicationRules.RoleFor(step)),
            _ => [PublicationRules.Label(step), Roles.Label(PublicationRules.RoleFor(step))]),
        new("publication.actor.submitter", (a, f) => a.UserName != f.SubmittedBy),
    ];

    /// <summary>After publication: the agency's publicity officer or its leaders record legal status and withdraw.</summary>
    private static readonly Who<PublicationFacts>[] Manager =
    [
        new("publication.actor.not_manager", (a, f) => OfAgency(a, f) && a.HasAny([Roles.PublicityOfficer, Roles.DeputyHead, Roles.Head])),
    ];

    // ---- the table (after every rule above: static fields initialise in order) ------------------------------------

    private static readonly ApprovalStep[] Steps = [ApprovalStep.UnitHead, ApprovalStep.LegalityReview, ApprovalStep.DeputyHead, ApprovalStep.Head];

    public static Lifecycle<PublicationFacts> Table { get; } = Build();

    private static Lifecycle<PublicationFacts> Build()
    {
        var moves = new List<Move<PublicationFacts>>
        {
            // 拟稿: the content, redaction and non-disclosure are edited only while a draft.
            new(Draft, Draft, Preparer, []),
        };
        // 提交: into the chain at its first step.
        foreach (var s in Steps) moves.Add(new(Draft, Waiting(s), Preparer, Ready));
        // 审核: each step to any later one (which are in the chain is the agency's choice, PUB-1).
        for (int i = 0; i < Steps.Length; i++)
            for (int j = i + 1; j < Steps.Length; j++)
                moves.Add(new(Waiting(Steps[i]), Waiting(Steps[j]), Approver(Steps[i]), []));
        // 审签发布: the head's sign-off is the last step and releases the version (seed 003 art. 23); what must hold to
        // submit must still hold. 政府信息公开条例第十四条、第十五条: a proposal not to disclose ends as NotDisclosed.
        moves.Add(new(Waiting(ApprovalStep.Head), Published, Approver(ApprovalStep.Head),
            [.. Ready, R("publication.non_disclosure_proposed", "nonDisclosure", f => f.Disclosing)], PublicationActs.Release));
        moves.Add(new(Waiting(ApprovalStep.Head), NotDisclosed, Approver(ApprovalStep.Head),
            [R("publication.non_disclosure_not_proposed", "nonDisclosure", f => !f.Disclosing)], PublicationActs.Release));
        // 退回: any step returns the version to the owner unit, with a reason; the chain starts over.
        foreach (var s in Steps) moves.Add(new(Waiting(s), Draft, Approver(s), [ReturnReason]));
        // 法律状态 (PUB-10) and 撤回 (PUB-7).
        moves.Add(new(Published, Published, Manager, LegalStatusChange));
        moves.Add(new(Published, Withdrawn, Manager, [WithdrawalReason]));
        // 更新: a newer version replaces the published one when it is released (政府信息公开条例第二十六条: 形成或者变更之日起
        // 二十个工作日内), and expires when its period is over (LAW-10).
        moves.Add(new(Published, Superseded, [], [], PublicationActs.Supersede));
        moves.Add(new(Published, Expired, [], [PeriodOver], PublicationActs.Expire));
        // The next version of a series: one at a time, from whatever the latest released version became.
        foreach (var from in new[] { Published, Withdrawn, Expired, NotDisclosed, Superseded })
            moves.Add(new(from, NextVersion, Preparer, [NoOpenVersion], PublicationActs.NewVersion));
        return new(moves);
    }

    /// <summary>
    /// May <paramref name="actor"/> move the version to <paramref name="to"/>? Without an actor only the facts are
    /// checked; <paramref name="act"/> names the service act asking (see <see cref="PublicationActs"/>).
    /// </summary>
    public static MoveCheck Check(PublicationFacts facts, string to, Actor? actor, string? act = null)
        => Table.Check(facts.State, to, facts, actor, act, _ => new UnmetCondition("publication.move_not_allowed",
            Messages.Get("publication.move_not_allowed", Label(facts.State), Label(to)), "status"));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
