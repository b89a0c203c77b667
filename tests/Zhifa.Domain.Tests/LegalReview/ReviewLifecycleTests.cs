using Zhifa.Domain.Accounts;
using Zhifa.Domain.LegalReview;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.LegalReview;

/// <summary>
/// The legal review's table, move by move: each move is allowed for its actor when every fact holds, and refused with
/// exactly the expected code for each missing fact and each wrong actor; an act the state does not allow says why.
/// </summary>
public sealed class ReviewLifecycleTests
{
    private const int Agency = 1;
    private const int HandlerOfficer = 10;
    private const int OtherCaseOfficer = 11;

    private static Actor A(string user, int? officer, params string[] roles) => new(user, officer, Agency, roles.ToHashSet(), new HashSet<int>());

    // The case is handled by officers 10 and 11; "handler" (officer 10) submitted it.
    private static readonly Actor Handler = A("handler", HandlerOfficer, Roles.Handler);
    private static readonly Actor OtherHandler = A("handler.other", 30, Roles.Handler);
    private static readonly Actor UnitHead = A("unithead", 12, Roles.UnitHead, Roles.Handler);
    private static readonly Actor Reviewer = A("reviewer", 20, Roles.LegalReviewer);
    private static readonly Actor ReviewerOnTheCase = A("reviewer.zhang", OtherCaseOfficer, Roles.LegalReviewer);
    private static readonly Actor ReviewerWhoSubmitted = A("handler", 21, Roles.LegalReviewer);
    private static readonly Actor Deputy = A("deputy", 40, Roles.DeputyHead);
    private static readonly Actor Head = A("head", null, Roles.Head);
    private static readonly Actor Archivist = A("archivist", null, Roles.Archivist);
    private static readonly Actor Outsider = new("yj.handler", 50, 2, new HashSet<string> { Roles.Handler, Roles.LegalReviewer, Roles.DeputyHead, Roles.Head }, new HashSet<int>());

    /// <summary>Every fact holds for a move from <paramref name="state"/>: a major case, nothing unsigned, an opinion short of 同意 …</summary>
    private static ReviewFacts Good(string state) => new()
    {
        State = state,
        Round = state == ReviewStates.None ? 0 : 1,
        AgencyId = Agency,
        CaseOfficerIds = new HashSet<int> { HandlerOfficer, OtherCaseOfficer },
        CaseDecided = false,
        Major = true,
        UnsignedRecords = [],
        LatestOutcome = state is ReviewStates.Reviewed or ReviewStates.LeaderSigned ? ReviewOutcome.NotYet : null,
        LeaderAgrees = state == ReviewStates.LeaderSigned ? true : null,
        ProposalUnchangedSinceReview = true,
        SubmittedBy = state == ReviewStates.None ? "" : "handler",
        Extended = false,
        Due = state == ReviewStates.Submitted ? new DateOnly(2026, 3, 9) : null,
        Today = new DateOnly(2026, 3, 9),
        LeaderOpinionRequired = true,
        ActorLegallyQualified = true,
        ActorReviewsBefore = 0,
    };

    /// <summary>Who makes each act as the law and the agency's chain have it.</summary>
    private static readonly Dictionary<string, Actor[]> RightActors = new()
    {
        [ReviewActs.Flag] = [Handler, UnitHead, Head],
        [ReviewActs.Submit] = [Handler, UnitHead],
        [ReviewActs.Return] = [Reviewer],
        [ReviewActs.Review] = [Reviewer],
        [ReviewActs.Extend] = [Deputy],
        [ReviewActs.LeaderOpinion] = [Deputy, Head],
        [ReviewActs.Consult] = [Reviewer],
        [ReviewActs.Coordinate] = [Reviewer, UnitHead, Deputy, Head],
        [ReviewActs.Form] = [Handler, UnitHead, Reviewer, Deputy, Head],
    };

    /// <summary>Each wrong actor of an act, with exactly the codes that refuse it.</summary>
    private static readonly Dictionary<string, (string Who, Actor Actor, string[] Codes)[]> WrongActors = new()
    {
        [ReviewActs.Flag] = [("a reviewer", Reviewer, ["legal_review.actor.not_flagger"]), ("another agency", Outsider, ["legal_review.actor.not_flagger"])],
        [ReviewActs.Submit] =
        [
            ("a reviewer", Reviewer, ["legal_review.actor.not_submitter"]),
            ("a handler not on the case", OtherHandler, ["legal_review.actor.not_case_handler"]),
            ("another agency", Outsider, ["legal_review.actor.not_submitter", "legal_review.actor.not_case_handler"]),
        ],
        [ReviewActs.Return] = Reviewing(),
        [ReviewActs.Review] = Reviewing(),
        [ReviewActs.Extend] = [("a reviewer", Reviewer, ["legal_review.actor.not_deputy_head"]), ("the head", Head, ["legal_review.actor.not_deputy_head"]),
            ("another agency", Outsider, ["legal_review.actor.not_deputy_head"])],
        [ReviewActs.LeaderOpinion] = [("a reviewer", Reviewer, ["legal_review.actor.not_leader"]), ("another agency", Outsider, ["legal_review.actor.not_leader"])],
        [ReviewActs.Consult] = [("a handler", Handler, ["legal_review.actor.not_consultant"]), ("another agency", Outsider, ["legal_review.actor.not_consultant"])],
        [ReviewActs.Coordinate] = [("a handler", Handler, ["legal_review.actor.not_coordinator"]), ("another agency", Outsider, ["legal_review.actor.not_coordinator"])],
        [ReviewActs.Form] = [("an archivist", Archivist, ["legal_review.actor.not_form_maker"]), ("another agency", Outsider, ["legal_review.actor.not_form_maker"])],
    };

    // 行政处罚法第五十八条: the reviewer is a legal reviewer of the agency who neither handles the case nor submitted it.
    private static (string, Actor, string[])[] Reviewing() =>
    [
        ("the handler, on his own case", Handler, ["legal_review.actor.not_reviewer", "legal_review.handles_case", "legal_review.reviews_own_submission"]),
        ("a reviewer who is an officer of the case", ReviewerOnTheCase, ["legal_review.handles_case"]),
        ("a reviewer who submitted the case", ReviewerWhoSubmitted, ["legal_review.reviews_own_submission"]),
        ("another agency's reviewer", Outsider, ["legal_review.actor.not_reviewer"]),
    ];

    /// <summary>Each condition of the table, and the one fact that breaks it.</summary>
    private static readonly Dictionary<string, Func<ReviewFacts, ReviewFacts>> Breaks = new()
    {
        ["legal_review.already_decided"] = f => f with { CaseDecided = true },
        ["legal_review.not_major"] = f => f with { Major = false },
        ["legal_review.already_agreed"] = f => f with { LatestOutcome = ReviewOutcome.Agree, LeaderAgrees = null, ProposalUnchangedSinceReview = true },
        ["records.unsigned"] = f => f with { UnsignedRecords = ["现场笔录"] },
        ["legal_review.already_extended"] = f => f with { Extended = true },
        ["legal_review.limit_passed"] = f => f with { Today = new DateOnly(2026, 3, 10) },
        ["legal_review.leader_opinion_missing"] = f => f with { LatestOutcome = ReviewOutcome.Agree, LeaderAgrees = null },
    };

    public static TheoryData<string, string> Moves()
    {
        var data = new TheoryData<string, string>();
        foreach (var m in ReviewLifecycle.Table.Moves) data.Add(m.Act!, m.From);
        return data;
    }

    private static Move<ReviewFacts> MoveOf(string act, string from) => ReviewLifecycle.MovesOf(act).Single(m => m.From == from);

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_move_is_allowed_for_its_actors_when_every_fact_holds(string act, string from)
    {
        foreach (var actor in RightActors[act])
        {
            var check = ReviewLifecycle.Check(Good(from), act, actor);
            Assert.True(check.IsAllowed, $"{act} from {from} by {actor.UserName}: {string.Join(", ", check.All.Select(u => u.Code))}");
            Assert.Equal(MoveOf(act, from).To, check.To);
        }
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_missing_fact_refuses_the_move_with_exactly_its_code(string act, string from)
    {
        var actor = RightActors[act][0];
        foreach (var rule in MoveOf(act, from).Conditions)
        {
            var check = ReviewLifecycle.Check(Breaks[rule.Code](Good(from)), act, actor);
            Assert.Empty(check.Forbidden);
            Assert.Equal([rule.Code], check.Unmet.Select(u => u.Code));
            Assert.False(string.IsNullOrWhiteSpace(check.Unmet[0].Message));
        }
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_wrong_actor_is_refused_with_exactly_its_codes_and_no_unmet_fact(string act, string from)
    {
        foreach (var (who, actor, codes) in WrongActors[act])
        {
            var check = ReviewLifecycle.Check(Good(from), act, actor);
            Assert.True(codes.SequenceEqual(check.Forbidden.Select(u => u.Code)), $"{act} from {from} by {who}: {string.Join(", ", check.Forbidden.Select(u => u.Code))}");
            Assert.Empty(check.Unmet);
        }
    }

    [Theory]
    [InlineData(false, 0, false)]
    [InlineData(true, 0, true)]
    [InlineData(false, 1, true)]
    [InlineData(true, 5, true)]
    public void A_first_review_needs_legal_qualification_later_ones_do_not(bool qualified, int before, bool allowed)
    {
        var check = ReviewLifecycle.Check(Good(ReviewStates.Submitted) with { ActorLegallyQualified = qualified, ActorReviewsBefore = before }, ReviewActs.Review, Reviewer);
        Assert.Equal(allowed, check.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(["legal_review.first_review_unqualified"], check.Forbidden.Select(u => u.Code));
            Assert.Contains("行政处罚法第五十八条", check.Forbidden[0].Message);
        }
    }

    [Fact]
    public void Returning_materials_needs_no_legal_qualification()
        => Assert.True(ReviewLifecycle.Check(Good(ReviewStates.Submitted) with { ActorLegallyQualified = false }, ReviewActs.Return, Reviewer).IsAllowed);

    [Theory]
    [InlineData(false, "2026-03-09", true)]
    [InlineData(false, "2026-03-10", false)]
    [InlineData(true, "2026-03-05", false)]
    public void The_limit_is_extended_once_and_only_before_it_has_passed(bool extended, string today, bool allowed)
        => Assert.Equal(allowed, ReviewLifecycle.Check(Good(ReviewStates.Submitted) with
        {
            Extended = extended, Today = DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, ReviewActs.Extend, Deputy).IsAllowed);

    [Fact]
    public void A_passed_limit_names_the_day_it_ended()
        => Assert.Contains("2026年3月9日", ReviewLifecycle.Check(Good(ReviewStates.Submitted) with { Today = new DateOnly(2026, 3, 10) }, ReviewActs.Extend, Deputy).Unmet[0].Message);

    [Theory]
    [InlineData(true, ReviewOutcome.Agree, null, false)]
    [InlineData(true, ReviewOutcome.Agree, true, true)]
    [InlineData(true, ReviewOutcome.NotYet, null, true)]
    [InlineData(false, ReviewOutcome.Agree, null, true)]
    public void The_form_of_an_agreed_round_waits_for_the_leaders_opinion_where_the_chain_has_one(bool required, ReviewOutcome outcome, bool? leaderAgrees, bool allowed)
    {
        var check = ReviewLifecycle.Check(Good(ReviewStates.Reviewed) with { LeaderOpinionRequired = required, LatestOutcome = outcome, LeaderAgrees = leaderAgrees },
            ReviewActs.Form, Handler);
        Assert.Equal(allowed, check.IsAllowed);
        if (!allowed) Assert.Equal("leaderOpinion", Assert.Single(check.Unmet).Field);
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    public void An_agreed_round_is_not_resubmitted_unless_the_proposal_changed_or_the_leader_disagreed(bool unchanged, bool leaderAgrees, bool allowed)
        => Assert.Equal(allowed, ReviewLifecycle.Check(Good(ReviewStates.LeaderSigned) with
        {
            LatestOutcome = ReviewOutcome.Agree, LeaderAgrees = leaderAgrees, ProposalUnchangedSinceReview = unchanged,
        }, ReviewActs.Submit, Handler).IsAllowed);

    public static TheoryData<string, string, string> NotNow()
    {
        var expected = new Dictionary<string, string>
        {
            [ReviewActs.Submit] = "legal_review.pending",
            [ReviewActs.Return] = "legal_review.nothing_pending",
            [ReviewActs.Review] = "legal_review.nothing_pending",
            [ReviewActs.Extend] = "legal_review.nothing_pending",
            [ReviewActs.Coordinate] = "legal_review.coordination_not_submitted",
            [ReviewActs.Form] = "legal_review.not_submitted",
        };
        var data = new TheoryData<string, string, string>();
        foreach (var act in ReviewActs.All)
            foreach (var state in ReviewStates.All.Where(s => ReviewLifecycle.MovesOf(act).All(m => m.From != s)))
                data.Add(act, state, act == ReviewActs.LeaderOpinion
                    ? state == ReviewStates.LeaderSigned ? "legal_review.leader_already_given" : "legal_review.leader_no_opinion"
                    : expected[act]);
        return data;
    }

    [Theory]
    [MemberData(nameof(NotNow))]
    public void An_act_the_state_does_not_allow_is_refused_with_the_reason_of_that_state(string act, string state, string code)
    {
        var check = ReviewLifecycle.Check(Good(state), act, RightActors[act][0]);
        Assert.Empty(check.Forbidden);
        Assert.Equal([code], check.Unmet.Select(u => u.Code));
    }

    [Fact]
    public void Every_act_can_be_made_from_some_state_and_every_condition_of_the_table_is_broken_by_a_test()
    {
        Assert.All(ReviewActs.All, act => Assert.NotEmpty(ReviewLifecycle.MovesOf(act)));
        Assert.All(ReviewLifecycle.Table.Moves.SelectMany(m => m.Conditions), c => Assert.True(Breaks.ContainsKey(c.Code), c.Code));
    }

    [Fact]
    public void Every_code_of_the_table_and_every_state_has_its_text()
    {
        Assert.All(ReviewLifecycle.Codes, code => Assert.True(Messages.Has(code), code));
        Assert.All(ReviewStates.All, s => Assert.False(string.IsNullOrWhiteSpace(ReviewStates.Label(s))));
    }
}
