using System.Globalization;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.Publicity;

/// <summary>
/// PUB-1, PUB-6, PUB-7, PUB-10, LAW-10 over every move of the publication table: each move is allowed to its actor with
/// every fact in place, and refused with exactly the expected code for each missing fact and each wrong actor.
/// </summary>
public sealed class PublicationLifecycleTests
{
    private const int Agency = 1;
    private static readonly DateOnly Today = new(2026, 7, 1);
    private static readonly ApprovalStep[] FullChain = [ApprovalStep.UnitHead, ApprovalStep.LegalityReview, ApprovalStep.DeputyHead, ApprovalStep.Head];

    private static Actor As(string user, int agency, params string[] roles) => new(user, null, agency, roles.ToHashSet(), new HashSet<int>());

    /// <summary>Every fact in place for <paramref name="move"/> (a release not to disclose is proposed so).</summary>
    private static PublicationFacts Good(Move<PublicationFacts> move) => new()
    {
        Kind = PublicationKind.Decision, AgencyId = Agency, Title = "行政处罚决定", State = move.From, Chain = FullChain, SubmittedBy = "submitter",
        Disclosing = move.To != PublicationLifecycle.NotDisclosed, PartyShown = true, ConclusionGiven = true, FullText = true, RedactionConfirmed = true,
        ListKnown = true, ContentRows = 3, Note = "理由", NewLegalStatus = LegalStatus.Changed, ChangedOn = Today.AddDays(-1),
        FirstPublishedOn = Today.AddDays(-10), Today = Today, ShownUntil = Today.AddDays(-1), OpenVersion = null,
    };

    private static ApprovalStep? StepOf(string state)
        => state.StartsWith("Approving.", StringComparison.Ordinal) ? Enum.Parse<ApprovalStep>(state["Approving.".Length..]) : null;

    private enum WhoKind { Preparer, Approver, Manager, System }

    private static WhoKind KindOf(Move<PublicationFacts> m)
        => m.Who.Count == 0 ? WhoKind.System
            : StepOf(m.From) is not null ? WhoKind.Approver
            : m.From == PublicationLifecycle.Draft || m.To == PublicationLifecycle.NextVersion ? WhoKind.Preparer
            : WhoKind.Manager;

    /// <summary>The actor the move is for.</summary>
    private static Actor? Right(Move<PublicationFacts> m) => KindOf(m) switch
    {
        WhoKind.Preparer => As("publicity", Agency, Roles.PublicityOfficer),
        WhoKind.Approver => As("approver", Agency, PublicationRules.RoleFor(StepOf(m.From)!.Value)),
        WhoKind.Manager => As("publicity", Agency, Roles.PublicityOfficer),
        _ => null,
    };

    /// <summary>Actors the move refuses, each with the codes it is refused with.</summary>
    private static IEnumerable<(string Why, Actor Actor, string[] Codes)> Wrong(Move<PublicationFacts> m)
    {
        switch (KindOf(m))
        {
            case WhoKind.Preparer:
                yield return ("another agency's publicity officer", As("other", 2, Roles.PublicityOfficer), ["publication.actor.other_agency"]);
                yield return ("the head", As("head", Agency, Roles.Head), ["publication.actor.not_preparer"]);
                break;
            case WhoKind.Approver:
                var role = PublicationRules.RoleFor(StepOf(m.From)!.Value);
                yield return ("a handler", As("handler", Agency, Roles.Handler), ["publication.actor.not_step_role"]);
                yield return ("the step's role in another agency", As("other", 2, role), ["publication.actor.not_step_role"]);
                yield return ("the submitter holding the step's role", As("submitter", Agency, role), ["publication.actor.submitter"]);
                break;
            case WhoKind.Manager:
                yield return ("a handler", As("handler", Agency, Roles.Handler), ["publication.actor.not_manager"]);
                yield return ("another agency's publicity officer", As("other", 2, Roles.PublicityOfficer), ["publication.actor.not_manager"]);
                break;
        }
    }

    private static readonly (string Why, Func<PublicationFacts, PublicationFacts> Break, string Code)[] ReadyBreakers =
    [
        ("no party", f => f with { PartyShown = false }, "publication.party_missing"),
        ("no conclusion", f => f with { ConclusionGiven = false }, "publication.conclusion_missing"),
        ("full text not redacted", f => f with { RedactionConfirmed = false }, "publication.redaction_not_confirmed"),
        ("an unknown list", f => f with { Kind = PublicationKind.PreDisclosure, ListKnown = false }, "predisclosure.list_unknown"),
        ("an empty list", f => f with { Kind = PublicationKind.PreDisclosure, ContentRows = 0 }, "predisclosure.content_empty"),
    ];

    /// <summary>Each fact a move checks, broken one at a time, with the one code it is refused with.</summary>
    private static IEnumerable<(string Why, Func<PublicationFacts, PublicationFacts> Break, string Code)> Breakers(Move<PublicationFacts> m)
    {
        if (m.From == PublicationLifecycle.Draft && StepOf(m.To) is not null) return ReadyBreakers;
        if (m.To == PublicationLifecycle.Published && StepOf(m.From) is not null)
            return [.. ReadyBreakers, ("proposed not to disclose", f => f with { Disclosing = false }, "publication.non_disclosure_proposed")];
        if (m.To == PublicationLifecycle.NotDisclosed) return [("not proposed", f => f with { Disclosing = true }, "publication.non_disclosure_not_proposed")];
        if (StepOf(m.From) is not null && m.To == PublicationLifecycle.Draft) return [("no reason", f => f with { Note = "" }, "publication.return_reason_missing")];
        if (m.From == PublicationLifecycle.Published && m.To == PublicationLifecycle.Published)
            return
            [
                ("no basis", f => f with { Note = "" }, "publication.legal_status_basis_missing"),
                ("received tomorrow", f => f with { ChangedOn = Today.AddDays(1) }, EventDates.InFuture),
                ("received before publication", f => f with { ChangedOn = Today.AddDays(-11) }, EventDates.BeforePredecessor),
            ];
        if (m.To == PublicationLifecycle.Withdrawn) return [("no reason", f => f with { Note = "" }, "publication.withdrawal_reason_missing")];
        if (m.To == PublicationLifecycle.Expired)
            return [("period ends today", f => f with { ShownUntil = Today }, "publication.period_not_over"), ("no period", f => f with { ShownUntil = null }, "publication.period_not_over")];
        if (m.To == PublicationLifecycle.NextVersion) return [("a draft is open", f => f with { OpenVersion = 2 }, "publication.draft_exists")];
        return [];
    }

    public static TheoryData<string, string> Moves()
    {
        var data = new TheoryData<string, string>();
        foreach (var m in PublicationLifecycle.Table.Moves) data.Add(m.From, m.To);
        return data;
    }

    private static Move<PublicationFacts> Find(string from, string to) => PublicationLifecycle.Table.Find(from, to)!;

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_move_is_allowed_to_its_actor_with_every_fact_in_place(string from, string to)
    {
        var m = Find(from, to);
        var check = PublicationLifecycle.Check(Good(m), to, Right(m), m.Act);
        Assert.True(check.IsAllowed, string.Join("；", check.All.Select(c => c.Code)));
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_missing_fact_refuses_the_move_with_its_own_code_only(string from, string to)
    {
        var m = Find(from, to);
        foreach (var (why, breakIt, code) in Breakers(m))
        {
            var check = PublicationLifecycle.Check(breakIt(Good(m)), to, Right(m), m.Act);
            Assert.True(check.Forbidden.Count == 0 && check.Unmet.Select(c => c.Code).SequenceEqual([code]),
                $"{from} → {to}, {why}: {string.Join("；", check.All.Select(c => c.Code))}");
            Assert.True(Messages.Has(code), code);
        }
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_wrong_actor_is_refused_with_exactly_the_codes_of_the_rules_it_fails(string from, string to)
    {
        var m = Find(from, to);
        foreach (var (why, actor, codes) in Wrong(m))
        {
            var check = PublicationLifecycle.Check(Good(m), to, actor, m.Act);
            Assert.True(check.Unmet.Count == 0 && check.Forbidden.Select(c => c.Code).SequenceEqual(codes),
                $"{from} → {to}, {why}: {string.Join("；", check.All.Select(c => c.Code))}");
        }
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_move_made_by_a_service_act_is_refused_to_a_plain_change(string from, string to)
    {
        var m = Find(from, to);
        if (m.Act is null) return;
        var check = PublicationLifecycle.Check(Good(m), to, Right(m));
        Assert.Equal([m.Act], check.Unmet.Select(c => c.Code));
    }

    [Fact]
    public void Each_step_of_the_chain_is_its_own_move_for_its_own_role()
    {
        foreach (var step in FullChain)
            Assert.Contains(PublicationLifecycle.Table.Moves, m => m.From == PublicationLifecycle.Waiting(step) && m.To == PublicationLifecycle.Draft);
        var chain = new[] { ApprovalStep.DeputyHead, ApprovalStep.Head };
        Assert.Equal(PublicationLifecycle.Waiting(ApprovalStep.Head), PublicationLifecycle.After(chain, ApprovalStep.DeputyHead));
        Assert.Null(PublicationLifecycle.After(chain, ApprovalStep.Head));
        // The head cannot sign while the deputy's step waits: that move is the deputy's.
        var m = Find(PublicationLifecycle.Waiting(ApprovalStep.DeputyHead), PublicationLifecycle.Waiting(ApprovalStep.Head));
        var check = PublicationLifecycle.Check(Good(m), m.To, As("head", Agency, Roles.Head));
        Assert.Equal(["publication.actor.not_step_role"], check.Forbidden.Select(c => c.Code));
        Assert.Equal("“分管领导审核”须由本机关分管领导办理", check.Forbidden[0].Message);
    }

    [Fact]
    public void Releasing_a_draft_that_never_went_through_the_chain_is_not_a_move_even_for_the_head()
    {
        var m = Find(PublicationLifecycle.Waiting(ApprovalStep.Head), PublicationLifecycle.Published);
        var check = PublicationLifecycle.Check(Good(m) with { State = PublicationLifecycle.Draft }, PublicationLifecycle.Published,
            As("head", Agency, Roles.Head), PublicationActs.Release);
        Assert.Empty(check.Forbidden);
        Assert.Equal(["publication.move_not_allowed"], check.Unmet.Select(c => c.Code));
        Assert.Equal("公示事项处于“待拟稿”，不能转为“已公开”", check.Unmet[0].Message);
    }

    [Fact]
    public void A_change_of_legal_status_dated_before_publication_names_the_first_day_allowed()
    {
        var m = Find(PublicationLifecycle.Published, PublicationLifecycle.Published);
        var check = PublicationLifecycle.Check(Good(m) with { ChangedOn = Today.AddDays(-11) }, m.To, Right(m));
        Assert.Equal("changedOn", check.Unmet[0].Field);
        Assert.Equal($"收到结果的日期不能早于决定公开之日：最早为 {Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", check.Unmet[0].Message);
        // A status that needs no withdrawal (复议中) needs neither basis nor date.
        Assert.True(PublicationLifecycle.Check(Good(m) with { NewLegalStatus = LegalStatus.UnderReconsideration, Note = "", ChangedOn = Today.AddDays(5) },
            m.To, Right(m)).IsAllowed);
    }

    [Fact]
    public void Every_code_of_the_table_has_its_text()
    {
        var codes = PublicationLifecycle.Table.Moves.SelectMany(m => m.Conditions.Select(c => c.Code).Concat(m.Act is { } a ? [a] : []))
            .Concat(["publication.actor.other_agency", "publication.actor.not_preparer", "publication.actor.not_step_role", "publication.actor.submitter",
                "publication.actor.not_manager", "publication.move_not_allowed"]).Distinct();
        Assert.All(codes, c => Assert.True(Messages.Has(c), c));
    }
}

/// <summary>PUB-2 动态调整: the versions of a pre-disclosure list over every move of their table.</summary>
public sealed class PreDisclosureLifecycleTests
{
    private static Actor As(string user, int agency, params string[] roles) => new(user, null, agency, roles.ToHashSet(), new HashSet<int>());

    private static PreDisclosureFacts Good(string state)
        => new() { AgencyId = 1, State = state, LatestVersion = 1, PublishedVersion = 1, DataChanged = true };

    public static TheoryData<string> From()
    {
        var data = new TheoryData<string>();
        foreach (var m in PreDisclosureLifecycle.Table.Moves) data.Add(m.From);
        return data;
    }

    [Theory]
    [MemberData(nameof(From))]
    public void The_publicity_officer_generates_the_next_version_when_the_table_allows_it(string from)
        => Assert.True(PreDisclosureLifecycle.CheckGenerate(Good(from), As("publicity", 1, Roles.PublicityOfficer)).IsAllowed);

    [Theory]
    [MemberData(nameof(From))]
    public void Other_agencies_and_roles_are_refused_with_their_codes(string from)
    {
        Assert.Equal(["predisclosure.actor.other_agency"], PreDisclosureLifecycle.CheckGenerate(Good(from), As("o", 2, Roles.PublicityOfficer)).Forbidden.Select(c => c.Code));
        Assert.Equal(["predisclosure.actor.not_preparer"], PreDisclosureLifecycle.CheckGenerate(Good(from), As("h", 1, Roles.Head)).Forbidden.Select(c => c.Code));
    }

    [Theory]
    [MemberData(nameof(From))]
    public void Unchanged_data_refuses_a_new_version_after_a_released_one_but_not_a_draft(string from)
    {
        var check = PreDisclosureLifecycle.CheckGenerate(Good(from) with { DataChanged = false }, As("publicity", 1, Roles.PublicityOfficer));
        if (from is PreDisclosureLifecycle.None or PreDisclosureLifecycle.Draft) Assert.True(check.IsAllowed);
        else Assert.Equal(["predisclosure.unchanged"], check.Unmet.Select(c => c.Code));
    }

    [Fact]
    public void Nothing_is_generated_while_a_version_is_in_the_chain()
    {
        var check = PreDisclosureLifecycle.CheckGenerate(Good(nameof(PublicationStatus.Approving)) with { LatestVersion = 3 }, As("publicity", 1, Roles.PublicityOfficer));
        Assert.Equal(["predisclosure.in_chain"], check.Unmet.Select(c => c.Code));
        Assert.Equal("第 3 版正在审核中，审核完成或退回后才能重新生成", check.Unmet[0].Message);
    }
}
