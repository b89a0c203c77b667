using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;

namespace Zhifa.Web.Features.Cases;

/// <summary>
/// The decision steps' part of a case's facts, asked by <see cref="CaseStepService.FactsAsync"/>; the decision area
/// implements and registers it, so the case area never calls it.
/// </summary>
public interface ICaseDecisionState
{
    /// <summary>What the notice, statement, hearing, discussion and proposal steps tell the case's table.</summary>
    Task<DecisionStepFacts> StepFactsAsync(Case c, LegalReviewGate gate);

    /// <summary>LAW-5: why a simple-procedure case cannot be decided on the spot from its proposal; empty otherwise.</summary>
    Task<IReadOnlyList<string>> SimpleProcedureProblemsAsync(Case c);

    /// <summary>行政处罚法第三十条: the minor parties and what the proposal does for them.</summary>
    Task<(IReadOnlyList<string> UnderFourteen, IReadOnlyList<string> UnderEighteen, bool Penalises, bool Lightened)> MinorFactsAsync(Case c);
}

/// <summary>The decision steps' part of <see cref="CaseFacts"/>, as the decision area reads it.</summary>
public sealed record DecisionStepFacts(bool ProposalMade, bool ProposalHasDecisionDocument, bool LegalBasisGiven, IReadOnlyList<string> MissingReasons,
    bool NoticeServed, DateOnly? StatementPeriodEnds, bool StatementPeriodOverOrWaived, int UnansweredStatements, bool HearingPending,
    DiscussionState Discussion, IReadOnlyList<string> HeavierThanNotice, bool DeputyHeadMaySign)
{
    public static DecisionStepFacts None(bool deputyHeadMaySign) => new(false, false, false, [], false, null, false, 0, false,
        DiscussionState.NotRequired, [], deputyHeadMaySign);
}
