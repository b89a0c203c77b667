using Zhifa.Domain.Accounts;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>How far the collective discussion of the agency's 负责人 (LAW-4 art. 57) is for the proposal now on the case.</summary>
public enum DiscussionState { NotRequired, Missing, ProposalChangedSince, Concluded }

/// <summary>
/// What the rules need to know about a case to decide a move. Every member is required: the case's area fills them all
/// from the case (<c>CaseStepService.FactsAsync</c>), so no condition can pass because a caller forgot a fact.
/// </summary>
public sealed record CaseFacts : IFacts
{
    public required CaseCategory Category { get; init; }
    public required CaseProcedure Procedure { get; init; }
    public required string Step { get; init; }
    public required int AgencyId { get; init; }
    public required string AgencyName { get; init; }
    /// <summary>LAW-9 (行政处罚法第五十九条第一款第五项): the agency names the 复议机关 and the court its decisions tell the party of.</summary>
    public required bool ReconsiderationOrganSet { get; init; }
    public required bool CompetentCourtSet { get; init; }

    /// <summary>The officers handling the case, without those recused (LAW-3 art. 43).</summary>
    public required IReadOnlySet<int> HandlerOfficerIds { get; init; }
    /// <summary>Handling officers with a certificate valid today (LAW-3 art. 42: at least two).</summary>
    public required int QualifiedOfficers { get; init; }
    public required int Parties { get; init; }
    /// <summary>行政处罚法第三十条: natural-person parties under 14 on the day of the act (<see cref="PartyAge.Label"/>).</summary>
    public required IReadOnlyList<string> PartiesUnderFourteen { get; init; }
    /// <summary>行政处罚法第三十条: natural-person parties aged 14 to 18 on the day of the act.</summary>
    public required IReadOnlyList<string> PartiesUnderEighteen { get; init; }
    /// <summary>The proposal imposes a penalty (not 不予处罚 or another outcome); false without a proposal.</summary>
    public required bool ProposalPenalises { get; init; }
    /// <summary>The proposal is 从轻 or 减轻, or its departure reason says why not (<see cref="MinorParties.Lightened"/>).</summary>
    public required bool ProposalLightened { get; init; }

    /// <summary>REC-5: every mandatory-recording step the case went through has its record (or an approved explanation).</summary>
    public required bool MandatoryRecordsPresent { get; init; }
    /// <summary>REC-3: the 笔录 of the case that the party has neither signed nor been recorded as refusing to sign.</summary>
    public required IReadOnlyList<string> UnsignedRecords { get; init; }

    /// <summary>LR-2: the case's decision is major and goes through legal review.</summary>
    public required bool MajorDecision { get; init; }
    /// <summary>LR-1: the legal review allows the decision (or none is needed); <see cref="LegalReviewMessage"/> says why not.</summary>
    public required bool LegalReviewAllows { get; init; }
    public required string LegalReviewMessage { get; init; }

    /// <summary>LAW-5 art. 51: why the proposal cannot be decided on the spot; empty when it can.</summary>
    public required IReadOnlyList<string> SimpleProcedureProblems { get; init; }

    /// <summary>The proposal of the decision (拟作出的决定) exists.</summary>
    public required bool ProposalMade { get; init; }
    /// <summary>The proposal's outcome has a decision document (a 决定书) to issue.</summary>
    public required bool ProposalHasDecisionDocument { get; init; }
    public required bool LegalBasisGiven { get; init; }
    /// <summary>REC-4: which of 证据采信理由, 依据选择理由, 裁量理由 the proposal lacks (their field names).</summary>
    public required IReadOnlyList<string> MissingReasons { get; init; }

    /// <summary>LAW-4: the latest 事先告知书 was made and served on the party.</summary>
    public required bool NoticeServed { get; init; }
    /// <summary>LAW-4 art. 45: the last day of the party's statement period after the served notice (null before service).</summary>
    public required DateOnly? StatementPeriodEnds { get; init; }
    /// <summary>The statement period is over, or the party waived it in writing.</summary>
    public required bool StatementPeriodOverOrWaived { get; init; }
    /// <summary>Statements of the party not yet answered (采纳 or not).</summary>
    public required int UnansweredStatements { get; init; }
    /// <summary>LAW-6: a hearing the party asked for is neither held nor withdrawn.</summary>
    public required bool HearingPending { get; init; }
    public required DiscussionState Discussion { get; init; }
    /// <summary>LAW-4 art. 62: how the proposal is heavier than the last notice served (empty when it is not).</summary>
    public required IReadOnlyList<string> HeavierThanNotice { get; init; }
    /// <summary>The agency lets its deputy head sign decisions in place of the head.</summary>
    public required bool DeputyHeadMaySign { get; init; }

    /// <summary>LAW-5 art. 61: the decision has a recorded service.</summary>
    public required bool DecisionServed { get; init; }
    /// <summary>LAW-7/LAW-8: why the execution is not complete (unpaid, not enforced, no 结案报告); null when it is.</summary>
    public required string? ExecutionIncomplete { get; init; }
}

/// <summary>A move of a path with the conditions it checks, as the published procedures list them.</summary>
public sealed record PathMove(string From, string To, IReadOnlyList<UnmetCondition> Conditions);

/// <summary>The acts of other services that make a case move; a plain step change cannot make these moves.</summary>
public static class CaseActs
{
    /// <summary>REC-4: the head signs, and the decision document is generated and numbered with the move to 决定.</summary>
    public const string IssueDecision = "decision.not_issued";
}

/// <summary>
/// The lifecycle of a case (REC-2) as one table of moves per path: a case moves only along the table, one step at a
/// time, by an actor the move allows, and only when every condition holds. A refused move names every unmet condition.
/// </summary>
public static class CaseStateMachine
{
    private static Rule<CaseFacts> R(string code, string field, Func<CaseFacts, bool> holds, Func<CaseFacts, object?[]>? args = null)
        => new(code, field, holds, args);

    // ---- conditions --------------------------------------------------------------------------------------------
    private static readonly Rule<CaseFacts> TwoOfficers = R("officers.too_few", "officers", f => f.QualifiedOfficers >= 2, f => [f.QualifiedOfficers]);
    private static readonly Rule<CaseFacts> HasParty = R("parties.none", "parties", f => f.Parties > 0);
    private static readonly Rule<CaseFacts> RecordsPresent = R("records.mandatory_missing", "records", f => f.MandatoryRecordsPresent);
    // 行政处罚法第五十五条 (询问或者检查应当制作笔录), 行政强制法第十八条第九项: the party signs the 笔录, or its refusal is noted.
    private static readonly Rule<CaseFacts> RecordsSigned = R("records.unsigned", "records", f => f.UnsignedRecords.Count == 0, f => [string.Join("、", f.UnsignedRecords)]);
    private static readonly Rule<CaseFacts> SimpleEligible = R("simple.not_eligible", "proposal", f => f.SimpleProcedureProblems.Count == 0,
        f => [string.Join("；", f.SimpleProcedureProblems)]);
    private static readonly Rule<CaseFacts> NoticeServed = R("notice.not_served", "notice", f => f.NoticeServed);
    // 行政处罚法第三十条: no penalty for a party under fourteen on the day of the act; 从轻 or 减轻 for one aged fourteen to eighteen.
    private static readonly Rule<CaseFacts> NoMinorUnderFourteen = R("party.under_fourteen", "parties",
        f => f.PartiesUnderFourteen.Count == 0 || !f.ProposalPenalises, f => [string.Join("、", f.PartiesUnderFourteen)]);
    private static readonly Rule<CaseFacts> MinorLightened = R("party.minor_not_lightened", "tier",
        f => f.PartiesUnderEighteen.Count == 0 || !f.ProposalPenalises || f.ProposalLightened, f => [string.Join("、", f.PartiesUnderEighteen)]);

    // The decision (Statement → Decided): every condition of issuing it, in the one place.
    private static readonly Rule<CaseFacts>[] Issue =
    [
        TwoOfficers, HasParty, RecordsSigned, NoMinorUnderFourteen, MinorLightened,
        R("proposal.missing", "proposal", f => f.ProposalMade),
        R("decision.no_document", "outcome", f => !f.ProposalMade || f.ProposalHasDecisionDocument),
        R("decision.legal_basis_missing", "legalBasis", f => !f.ProposalMade || f.LegalBasisGiven),
        // REC-4: each of the three reasons, beside its own field.
        Reason("evidenceReason"), Reason("basisReason"), Reason("discretionReason"),
        R("agency.reconsideration_organ_missing", "reconsiderationOrgan", f => f.ReconsiderationOrganSet, f => [f.AgencyName]),
        R("agency.competent_court_missing", "competentCourt", f => f.CompetentCourtSet, f => [f.AgencyName]),
        R("legal_review.not_passed", "legalReview", f => f.LegalReviewAllows, f => [f.LegalReviewMessage]),
        NoticeServed,
        R("notice.period_not_over", "notice", f => !f.NoticeServed || f.StatementPeriodOverOrWaived,
            f => [f.StatementPeriodEnds is { } d ? CaseDeadlines.Label(d) : ""]),
        R("decision.heavier_than_notice", "proposal", f => f.HeavierThanNotice.Count == 0, f => [string.Join("；", f.HeavierThanNotice)]),
        R("hearing.not_held", "hearing", f => !f.HearingPending),
        R("statement.not_answered", "statements", f => f.UnansweredStatements == 0, f => [f.UnansweredStatements]),
        R("discussion.not_concluded", "discussion", f => f.Discussion != DiscussionState.Missing),
        R("discussion.outdated", "discussion", f => f.Discussion != DiscussionState.ProposalChangedSince),
    ];

    private static readonly Rule<CaseFacts> Served = R("service.decision_not_served", "service", f => f.DecisionServed);
    private static readonly Rule<CaseFacts> ExecutionComplete = R("execution.incomplete", "execution", f => f.ExecutionIncomplete is null, f => [f.ExecutionIncomplete]);

    // ---- who may move ------------------------------------------------------------------------------------------
    private static bool OfAgency(Actor a, CaseFacts f) => a.AgencyId == f.AgencyId || a.ActsFor.Contains(f.AgencyId);

    /// <summary>ORG-4: the case's own handlers, unit heads and head, or an administrator of the agency.</summary>
    private static readonly Who<CaseFacts> Staff = new("actor.not_case_staff",
        (a, f) => OfAgency(a, f) && a.HasAny([Roles.Handler, Roles.UnitHead, Roles.Head, Roles.Administrator]));

    /// <summary>案件审核: the unit head or the head (the legal reviewer for a major case), never one of the case's handlers.</summary>
    private static readonly Who<CaseFacts>[] CaseReview =
    [
        new("actor.not_case_reviewer", (a, f) => OfAgency(a, f) && (a.HasAny([Roles.UnitHead, Roles.Head]) || (f.MajorDecision && a.Has(Roles.LegalReviewer)))),
        new("actor.reviews_own_case", (a, f) => a.OfficerId is not { } id || !f.HandlerOfficerIds.Contains(id)),
    ];

    /// <summary>REC-4: the head of the case's agency signs the decision (its deputy where the agency allows it).</summary>
    private static readonly Who<CaseFacts> Signer = new("actor.not_signer",
        (a, f) => a.AgencyId == f.AgencyId && (a.Has(Roles.Head) || (f.DeputyHeadMaySign && a.Has(Roles.DeputyHead))));

    private static readonly Who<CaseFacts> Archiving = new("actor.not_case_staff",
        (a, f) => OfAgency(a, f) && a.HasAny([Roles.Handler, Roles.UnitHead, Roles.Head, Roles.Archivist, Roles.Administrator]));

    private static readonly Who<CaseFacts>[] ByStaff = [Staff];

    private static readonly Move<CaseFacts> Archive = new(CaseSteps.Closed, CaseSteps.Archived, [Archiving], []);

    // ---- the tables (after every rule above: static fields initialise in order) --------------------------------------------------------------------------------------------
    private static readonly Dictionary<(CaseCategory, CaseProcedure), Lifecycle<CaseFacts>> Tables = Build();

    private static Move<CaseFacts> M(string from, string to, params Rule<CaseFacts>[] conditions) => new(from, to, ByStaff, conditions);

    private static Move<CaseFacts> Closing(string from, params Rule<CaseFacts>[] conditions) => M(from, CaseSteps.Closed, [RecordsPresent, RecordsSigned, .. conditions]);

    private static Dictionary<(CaseCategory, CaseProcedure), Lifecycle<CaseFacts>> Build()
    {
        var tables = new Dictionary<(CaseCategory, CaseProcedure), Lifecycle<CaseFacts>>
        {
            [(CaseCategory.Penalty, CaseProcedure.General)] = new([
                M(CaseSteps.Filed, CaseSteps.Investigation, TwoOfficers, HasParty),
                M(CaseSteps.Investigation, CaseSteps.InternalReview, TwoOfficers),
                new(CaseSteps.InternalReview, CaseSteps.Notice, CaseReview, [TwoOfficers]),
                M(CaseSteps.Notice, CaseSteps.Statement, TwoOfficers, NoticeServed),
                new(CaseSteps.Statement, CaseSteps.Decided, [Signer], Issue, CaseActs.IssueDecision),
                M(CaseSteps.Decided, CaseSteps.Served, Served),
                M(CaseSteps.Served, CaseSteps.Executed),
                Closing(CaseSteps.Executed, ExecutionComplete),
                Archive,
            ]),
            [(CaseCategory.Penalty, CaseProcedure.Simple)] = new([
                M(CaseSteps.Filed, CaseSteps.Decided, TwoOfficers, HasParty, RecordsSigned, SimpleEligible, NoMinorUnderFourteen, MinorLightened),
                M(CaseSteps.Decided, CaseSteps.Served, Served),
                M(CaseSteps.Served, CaseSteps.Executed),
                Closing(CaseSteps.Executed, ExecutionComplete),
                Archive,
            ]),
            [(CaseCategory.Inspection, CaseProcedure.Standard)] = new([
                M(CaseSteps.InspectionStarted, CaseSteps.OnSiteInspection, TwoOfficers),
                M(CaseSteps.OnSiteInspection, CaseSteps.InspectionResult),
                Closing(CaseSteps.InspectionResult),
                Archive,
            ]),
            [(CaseCategory.Coercion, CaseProcedure.Standard)] = new([
                M(CaseSteps.CoercionApproval, CaseSteps.CoercionImplemented, TwoOfficers, HasParty),
                M(CaseSteps.CoercionImplemented, CaseSteps.CoercionHandling),
                M(CaseSteps.CoercionHandling, CaseSteps.CoercionResolved, TwoOfficers),
                Closing(CaseSteps.CoercionResolved),
                Archive,
            ]),
        };
        foreach (var category in new[] { CaseCategory.Licensing, CaseCategory.Expropriation, CaseCategory.Confirmation })
        {
            tables[(category, CaseProcedure.Standard)] = new([
                M(CaseSteps.Accepted, CaseSteps.Examination),
                M(CaseSteps.Examination, CaseSteps.Decided, TwoOfficers, HasParty, RecordsSigned),
                M(CaseSteps.Decided, CaseSteps.Served),
                Closing(CaseSteps.Served),
                Archive,
            ]);
        }
        return tables;
    }

    /// <summary>The table of a category's path; a penalty has two procedures, the other categories one.</summary>
    public static Lifecycle<CaseFacts> Table(CaseCategory category, CaseProcedure procedure)
        => Tables[(category, category == CaseCategory.Penalty ? procedure : CaseProcedure.Standard)];

    /// <summary>The procedures a category runs (a penalty has two; the others one), for showing every path.</summary>
    public static IReadOnlyList<(CaseCategory Category, CaseProcedure Procedure)> Procedures { get; } = Tables.Keys.ToList();

    /// <summary>
    /// The moves of a path as the table has them, each with every condition it checks as a list of rules reads it —
    /// what a published flowchart (PUB-2) draws.
    /// </summary>
    public static IReadOnlyList<PathMove> Moves(CaseCategory category, CaseProcedure procedure)
        => Table(category, procedure).Moves
            .Select(m => new PathMove(m.From, m.To, [.. m.Act is { } act ? [new UnmetCondition(act, Messages.Describe(act))] : Array.Empty<UnmetCondition>(),
                .. m.Conditions.Select(c => c.Describe()).DistinctBy(c => c.Code)]))
            .ToList();

    /// <summary>Every step the case could move to next, whether or not its conditions hold now.</summary>
    public static IReadOnlyList<string> NextSteps(CaseFacts facts) => Table(facts.Category, facts.Procedure).NextFrom(facts.Step);

    /// <summary>All steps of the category's path, in order; for showing where a case stands.</summary>
    public static IReadOnlyList<string> Path(CaseCategory category, CaseProcedure procedure)
    {
        var moves = Table(category, procedure).Moves;
        return [moves[0].From, .. moves.Select(m => m.To)];
    }

    /// <summary>
    /// May <paramref name="actor"/> move the case to <paramref name="to"/>? Without an actor only the facts are checked;
    /// <paramref name="act"/> names the service act asking (see <see cref="CaseActs"/>).
    /// </summary>
    public static MoveCheck Check(CaseFacts facts, string to, Actor? actor = null, string? act = null)
        => Table(facts.Category, facts.Procedure).Check(facts.Step, to, facts, actor, act, next => new UnmetCondition("transition.not_allowed", next.Count == 0
            ? Messages.Get("transition.none", CaseSteps.Label(facts.Step))
            : Messages.Get("transition.not_allowed", CaseSteps.Label(facts.Step),
                string.Join(Messages.Get("list.or"), next.Select(s => Messages.Get("quoted", CaseSteps.Label(s)))), CaseSteps.Label(to)), "toStep"));

    /// <summary>The steps at which audio-video recording is mandatory (REC-5) for the category.</summary>
    public static IReadOnlyList<string> MandatoryRecordingSteps(CaseCategory category) => category switch
    {
        CaseCategory.Coercion => [CaseSteps.CoercionImplemented],
        CaseCategory.Inspection => [CaseSteps.OnSiteInspection],
        CaseCategory.Penalty => [CaseSteps.Investigation],
        _ => [],
    };

    private static Rule<CaseFacts> Reason(string field) => R("decision.reasons_missing", field, f => !f.ProposalMade || !f.MissingReasons.Contains(field),
        _ => [Messages.Get("reason." + field)]);
}
