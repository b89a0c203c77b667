using Zhifa.Domain.Accounts;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.LegalReview;

/// <summary>
/// Where a case's legal review stands, read from its latest round: nothing submitted yet, a submission waiting for the
/// review unit, returned for more material, answered by an opinion (同意, 暂不同意 or 不同意), or signed by the 分管领导.
/// </summary>
public static class ReviewStates
{
    public const string None = "none";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Reviewed = "reviewed";
    public const string LeaderSigned = "leader_signed";

    public static IReadOnlyList<string> All { get; } = [None, Submitted, Returned, Reviewed, LeaderSigned];

    public static string Label(string state) => Messages.Get("legal_review.state." + state);

    /// <summary>The state of the latest round: its submission's status, and for a reviewed one whether the leader signed.</summary>
    public static string Of(SubmissionStatus? latest, bool leaderSigned) => latest switch
    {
        null => None,
        SubmissionStatus.Submitted => Submitted,
        SubmissionStatus.Returned => Returned,
        _ => leaderSigned ? LeaderSigned : Reviewed,
    };
}

/// <summary>The acts of the legal review service; each is one kind of move of <see cref="ReviewLifecycle"/>.</summary>
public static class ReviewActs
{
    public const string Flag = "flag";
    public const string Submit = "submit";
    public const string Return = "return";
    public const string Review = "review";
    public const string Extend = "extend";
    public const string LeaderOpinion = "leader_opinion";
    public const string Consult = "consult";
    public const string Coordinate = "coordinate";
    public const string Form = "form";

    public static IReadOnlyList<string> All { get; } = [Flag, Submit, Return, Review, Extend, LeaderOpinion, Consult, Coordinate, Form];
}

/// <summary>
/// What the rules of the legal review need to know about a case and about the account asking. Every member is required:
/// the legal review service fills them all in one method, so no condition passes because a caller forgot a fact.
/// </summary>
public sealed record ReviewFacts : IFacts
{
    /// <summary>One of <see cref="ReviewStates"/>, from the latest round.</summary>
    public required string State { get; init; }
    /// <summary>The latest round's number (0 before the first submission).</summary>
    public required int Round { get; init; }
    public required int AgencyId { get; init; }
    /// <summary>Every officer who is or was on the case (handlers, investigators, also those recused later).</summary>
    public required IReadOnlySet<int> CaseOfficerIds { get; init; }
    /// <summary>The case is at 决定 or later.</summary>
    public required bool CaseDecided { get; init; }
    /// <summary>LR-2: the case's decision is major (a reason of the agency's catalogue or a person's flag).</summary>
    public required bool Major { get; init; }
    /// <summary>REC-3: the 笔录 of the case neither signed by the party nor noted as refused.</summary>
    public required IReadOnlyList<string> UnsignedRecords { get; init; }
    /// <summary>The review unit's opinion on the latest round; null when it has none (pending, returned or none yet).</summary>
    public required ReviewOutcome? LatestOutcome { get; init; }
    /// <summary>The 分管领导's 同意 or 不同意 on the latest round; null until given.</summary>
    public required bool? LeaderAgrees { get; init; }
    /// <summary>The proposal as it stands now is the one the latest opinion was given on.</summary>
    public required bool ProposalUnchangedSinceReview { get; init; }
    /// <summary>The account that made the latest submission ("" before the first).</summary>
    public required string SubmittedBy { get; init; }
    /// <summary>LR-5: the pending submission's limit was extended already.</summary>
    public required bool Extended { get; init; }
    /// <summary>LR-5: the last day of the pending submission's limit (null when nothing is pending).</summary>
    public required DateOnly? Due { get; init; }
    public required DateOnly Today { get; init; }
    /// <summary>LR-8: the agency's chain has the 分管领导's opinion after the review unit's 同意 (a decision setting).</summary>
    public required bool LeaderOpinionRequired { get; init; }
    /// <summary>The asking account's officer has 法律职业资格.</summary>
    public required bool ActorLegallyQualified { get; init; }
    /// <summary>How many opinions the asking account gave before (0: this would be its first review).</summary>
    public required int ActorReviewsBefore { get; init; }
}

/// <summary>
/// The legal review of a major decision (LR-1 … LR-8) as one table of moves: who may flag, submit, return, give the
/// opinion, extend the limit, sign the leader's opinion, consult, coordinate and make the 法制审核表, from which state, and
/// under which conditions. 行政处罚法第五十八条: before the head decides a case of that article, the review is made by the
/// agency's legal reviewers; without it, or while it has not passed, no decision is made (the gate, <see cref="ReviewRules.Gate"/>).
/// </summary>
public static class ReviewLifecycle
{
    private static Rule<ReviewFacts> R(string code, string field, Func<ReviewFacts, bool> holds, Func<ReviewFacts, object?[]>? args = null)
        => new(code, field, holds, args);

    private static bool OfAgency(Actor a, ReviewFacts f) => a.AgencyId == f.AgencyId;

    // ---- who may act -----------------------------------------------------------------------------------------------

    /// <summary>LR-2: the handlers, unit heads and head of the case's agency flag a case as major.</summary>
    private static readonly Who<ReviewFacts> Flagger = new("legal_review.actor.not_flagger",
        (a, f) => OfAgency(a, f) && a.HasAny([Roles.Handler, Roles.UnitHead, Roles.Head]));

    /// <summary>LR-3: a handler of the case submits it (the unit head submits for the unit's cases).</summary>
    private static readonly Who<ReviewFacts>[] Submitter =
    [
        new("legal_review.actor.not_submitter", (a, f) => OfAgency(a, f) && a.HasAny([Roles.Handler, Roles.UnitHead])),
        new("legal_review.actor.not_case_handler",
            (a, f) => a.Has(Roles.UnitHead) || !a.Has(Roles.Handler) || (a.OfficerId is { } id && f.CaseOfficerIds.Contains(id))),
    ];

    /// <summary>
    /// 行政处罚法第五十八条: the review is made by the agency's legal reviewers, who neither investigated nor handle the case
    /// and did not submit it — whoever made the decision ready cannot review it.
    /// </summary>
    private static readonly Who<ReviewFacts>[] Reviewer =
    [
        new("legal_review.actor.not_reviewer", (a, f) => OfAgency(a, f) && a.Has(Roles.LegalReviewer)),
        new("legal_review.handles_case", (a, f) => a.OfficerId is not { } id || !f.CaseOfficerIds.Contains(id)),
        new("legal_review.reviews_own_submission", (a, f) => f.SubmittedBy.Length == 0 || a.UserName != f.SubmittedBy),
    ];

    /// <summary>行政处罚法第五十八条第二款: who reviews for the first time has 法律职业资格 (国家统一法律职业资格考试).</summary>
    private static readonly Who<ReviewFacts> FirstReviewQualified = new("legal_review.first_review_unqualified",
        (_, f) => f.ActorReviewsBefore > 0 || f.ActorLegallyQualified);

    /// <summary>LR-5 (审核办法第七条): the 分管领导 of the agency approves the extension.</summary>
    private static readonly Who<ReviewFacts> DeputyHead = new("legal_review.actor.not_deputy_head",
        (a, f) => OfAgency(a, f) && a.Has(Roles.DeputyHead));

    /// <summary>LR-8: the 分管领导 (负责人) of the case's agency signs the leader's opinion; the head may sign it too.</summary>
    private static readonly Who<ReviewFacts> Leader = new("legal_review.actor.not_leader",
        (a, f) => OfAgency(a, f) && a.HasAny([Roles.DeputyHead, Roles.Head]));

    /// <summary>LR-7: the legal reviewers record what counsel or experts advised.</summary>
    private static readonly Who<ReviewFacts> Consultant = new("legal_review.actor.not_consultant",
        (a, f) => OfAgency(a, f) && a.Has(Roles.LegalReviewer));

    /// <summary>LR-6: the review unit, the handling unit's head and the agency's leaders coordinate a disagreement.</summary>
    private static readonly Who<ReviewFacts> Coordinator = new("legal_review.actor.not_coordinator",
        (a, f) => OfAgency(a, f) && a.HasAny([Roles.LegalReviewer, Roles.UnitHead, Roles.DeputyHead, Roles.Head]));

    /// <summary>LR-8: the handling staff, the reviewers and the leaders make the 法制审核表.</summary>
    private static readonly Who<ReviewFacts> FormMaker = new("legal_review.actor.not_form_maker",
        (a, f) => OfAgency(a, f) && a.HasAny([Roles.Handler, Roles.UnitHead, Roles.LegalReviewer, Roles.DeputyHead, Roles.Head]));

    // ---- conditions ------------------------------------------------------------------------------------------------

    private static readonly Rule<ReviewFacts> NotDecided = R("legal_review.already_decided", "case", f => !f.CaseDecided);
    // 行政处罚法第五十八条第一款: only the decisions of that article (and of the agency's catalogue) go to review.
    private static readonly Rule<ReviewFacts> Major = R("legal_review.not_major", "case", f => f.Major);
    // 行政处罚法第五十五条: the 笔录 given as evidence is signed by the party or its refusal noted.
    private static readonly Rule<ReviewFacts> RecordsSigned = R("records.unsigned", "records", f => f.UnsignedRecords.Count == 0,
        f => [string.Join("、", f.UnsignedRecords)]);
    // An agreed round on the proposal as it stands needs no new round; one the 分管领导 refused does.
    private static readonly Rule<ReviewFacts> NotAgreedAlready = R("legal_review.already_agreed", "case",
        f => !(f.LatestOutcome == ReviewOutcome.Agree && f.LeaderAgrees != false && f.ProposalUnchangedSinceReview));
    // LR-5 (审核办法第七条): one extension of five working days, approved while the limit runs.
    private static readonly Rule<ReviewFacts> NotExtended = R("legal_review.already_extended", "text", f => !f.Extended);
    private static readonly Rule<ReviewFacts> WithinLimit = R("legal_review.limit_passed", "text", f => f.Due is not { } due || f.Today <= due,
        f => [f.Due]);
    // LR-8: where the chain has the 分管领导's opinion, the form of an agreed round waits for it.
    private static readonly Rule<ReviewFacts> LeaderSignedWhereRequired = R("legal_review.leader_opinion_missing", "leaderOpinion",
        f => !(f.LeaderOpinionRequired && f.LatestOutcome == ReviewOutcome.Agree && f.LeaderAgrees is null));

    // ---- the table (after every rule above: static fields initialise in order) ----------------------------------------

    private static Move<ReviewFacts> M(string act, string from, string to, IReadOnlyList<Who<ReviewFacts>> who, params Rule<ReviewFacts>[] conditions)
        => new(from, to, who, conditions, act);

    private static IEnumerable<Move<ReviewFacts>> Everywhere(string act, IReadOnlyList<Who<ReviewFacts>> who, IEnumerable<string> states, params Rule<ReviewFacts>[] conditions)
        => states.Select(s => M(act, s, s, who, conditions));

    private static readonly string[] AfterSubmission = [ReviewStates.Submitted, ReviewStates.Returned, ReviewStates.Reviewed, ReviewStates.LeaderSigned];

    public static Lifecycle<ReviewFacts> Table { get; } = new([
        .. Everywhere(ReviewActs.Flag, [Flagger], ReviewStates.All),
        // LR-3: the first submission, and every resubmission after a return, an opinion short of 同意 or a changed proposal.
        .. new[] { ReviewStates.None, ReviewStates.Returned, ReviewStates.Reviewed, ReviewStates.LeaderSigned }
            .Select(s => M(ReviewActs.Submit, s, ReviewStates.Submitted, Submitter, NotDecided, Major, NotAgreedAlready, RecordsSigned)),
        // 审核办法第六条: the review unit returns incomplete materials, naming what to add.
        M(ReviewActs.Return, ReviewStates.Submitted, ReviewStates.Returned, Reviewer),
        // 行政处罚法第五十八条; 审核办法第九条: the opinion — 同意, 暂不同意 or 不同意.
        M(ReviewActs.Review, ReviewStates.Submitted, ReviewStates.Reviewed, [.. Reviewer, FirstReviewQualified]),
        M(ReviewActs.Extend, ReviewStates.Submitted, ReviewStates.Submitted, [DeputyHead], NotExtended, WithinLimit),
        M(ReviewActs.LeaderOpinion, ReviewStates.Reviewed, ReviewStates.LeaderSigned, [Leader]),
        .. Everywhere(ReviewActs.Consult, [Consultant], ReviewStates.All),
        .. Everywhere(ReviewActs.Coordinate, [Coordinator], AfterSubmission),
        .. Everywhere(ReviewActs.Form, [FormMaker], AfterSubmission, LeaderSignedWhereRequired),
    ]);

    /// <summary>The moves of one act, one per state it can be made from.</summary>
    public static IReadOnlyList<Move<ReviewFacts>> MovesOf(string act) => Table.Moves.Where(m => m.Act == act).ToList();

    /// <summary>
    /// May <paramref name="actor"/> make <paramref name="act"/> now? The actor's unmet rules are <c>Forbidden</c> (403),
    /// the facts' <c>Unmet</c> (409); an act the current state does not allow is unmet with the reason of that state.
    /// </summary>
    public static MoveCheck Check(ReviewFacts facts, string act, Actor actor)
    {
        var move = Table.Moves.FirstOrDefault(m => m.Act == act && m.From == facts.State);
        // Who may act is asked of the act's first move when the state allows none: the answer does not depend on the state.
        var whoOf = move ?? MovesOf(act).FirstOrDefault() ?? throw new ArgumentException($"Unknown legal review act '{act}'", nameof(act));
        var forbidden = whoOf.Who.Select(w => w.Check(actor, facts)).OfType<UnmetCondition>().ToList();
        var unmet = move is null ? [NotNow(act, facts)] : move.Conditions.Select(c => c.Check(facts)).OfType<UnmetCondition>().ToList();
        return new MoveCheck(facts.State, move?.To ?? facts.State, forbidden, unmet);
    }

    /// <summary>Why the act cannot be made in the current state (the codes the API has always returned for it).</summary>
    private static UnmetCondition NotNow(string act, ReviewFacts f) => act switch
    {
        ReviewActs.Submit => new("legal_review.pending", Messages.Get("legal_review.pending", f.Round), "case"),
        ReviewActs.Return or ReviewActs.Review or ReviewActs.Extend => new("legal_review.nothing_pending", Messages.Get("legal_review.nothing_pending"), "case"),
        ReviewActs.LeaderOpinion when f.State == ReviewStates.LeaderSigned
            => new("legal_review.leader_already_given", Messages.Get("legal_review.leader_already_given"), "text"),
        ReviewActs.LeaderOpinion => new("legal_review.leader_no_opinion", Messages.Get("legal_review.leader_no_opinion"), "text"),
        ReviewActs.Coordinate => new("legal_review.coordination_not_submitted", Messages.Get("legal_review.coordination_not_submitted"), "case"),
        _ => new("legal_review.not_submitted", Messages.Get("legal_review.not_submitted"), "case"),
    };

    /// <summary>Every code the table can answer with, for the tests that check each has its text.</summary>
    public static IReadOnlyList<string> Codes { get; } =
    [
        .. Table.Moves.SelectMany(m => m.Who.Select(w => w.Code).Concat(m.Conditions.Select(c => c.Code))).Distinct(),
        "legal_review.pending", "legal_review.nothing_pending", "legal_review.leader_already_given", "legal_review.leader_no_opinion",
        "legal_review.coordination_not_submitted", "legal_review.not_submitted",
    ];
}
