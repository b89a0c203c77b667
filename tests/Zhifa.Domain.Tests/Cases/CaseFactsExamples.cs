using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.Cases;

/// <summary>Facts of a case that meets every condition, and the accounts of its agency, for the tests of the case's table.</summary>
public static class CaseFactsExamples
{
    public const int AgencyId = 7;
    /// <summary>The case's two handling officers.</summary>
    public const int HandlerOfficer = 11, SecondHandlerOfficer = 12;

    public static CaseFacts Ready(CaseCategory category, CaseProcedure procedure, string step) => new()
    {
        Category = category, Procedure = procedure, Step = step, AgencyId = AgencyId, AgencyName = "永兴县卫生健康局",
        ReconsiderationOrganSet = true, CompetentCourtSet = true,
        HandlerOfficerIds = new HashSet<int> { HandlerOfficer, SecondHandlerOfficer }, QualifiedOfficers = 2, Parties = 1,
        PartiesUnderFourteen = [], PartiesUnderEighteen = [], ProposalPenalises = true, ProposalLightened = false,
        MandatoryRecordsPresent = true, UnsignedRecords = [],
        MajorDecision = false, LegalReviewAllows = true, LegalReviewMessage = "",
        SimpleProcedureProblems = [],
        ProposalMade = true, ProposalHasDecisionDocument = true, LegalBasisGiven = true, MissingReasons = [],
        NoticeServed = true, StatementPeriodEnds = new DateOnly(2026, 3, 9), StatementPeriodOverOrWaived = true, UnansweredStatements = 0,
        HearingPending = false, Discussion = DiscussionState.NotRequired, HeavierThanNotice = [], DeputyHeadMaySign = false,
        DecisionServed = true, ExecutionIncomplete = null,
    };

    public static CaseFacts Penalty(string step) => Ready(CaseCategory.Penalty, CaseProcedure.General, step);

    private static Actor Of(string name, int? officerId, params string[] roles) => new(name, officerId, AgencyId, roles.ToHashSet(), new HashSet<int>());

    public static readonly Actor Handler = Of("handler", HandlerOfficer, Roles.Handler);
    public static readonly Actor UnitHead = Of("unithead", 21, Roles.UnitHead);
    /// <summary>A unit head who is also one of the case's handlers.</summary>
    public static readonly Actor HandlingUnitHead = Of("unithead2", SecondHandlerOfficer, Roles.UnitHead, Roles.Handler);
    public static readonly Actor Reviewer = Of("reviewer", 22, Roles.LegalReviewer);
    public static readonly Actor Deputy = Of("deputy", null, Roles.DeputyHead);
    public static readonly Actor Head = Of("head", null, Roles.Head);
    public static readonly Actor Publicity = Of("publicity", null, Roles.PublicityOfficer);
    public static readonly Actor Archivist = Of("archivist", null, Roles.Archivist);
    public static readonly Actor OtherAgencyHead = new("other", null, AgencyId + 1, new HashSet<string> { Roles.Head }, new HashSet<int>());

    /// <summary>The account that makes the move in the ordinary course: the signer for the decision, the unit head for 案件审核.</summary>
    public static Actor MoverOf(string from, string to) => (from, to) switch
    {
        (CaseSteps.Statement, CaseSteps.Decided) => Head,
        (CaseSteps.InternalReview, CaseSteps.Notice) => UnitHead,
        (CaseSteps.Closed, CaseSteps.Archived) => Archivist,
        _ => Handler,
    };

    /// <summary>The act a move is made by, if it is made by one (see <see cref="CaseActs"/>).</summary>
    public static string? ActOf(CaseCategory category, CaseProcedure procedure, string from, string to)
        => CaseStateMachine.Table(category, procedure).Find(from, to)?.Act;
}
