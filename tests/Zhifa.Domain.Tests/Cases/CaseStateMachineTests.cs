using Zhifa.Domain.Cases;
using Zhifa.Domain.Rules;
using static Zhifa.Domain.Tests.Cases.CaseFactsExamples;

namespace Zhifa.Domain.Tests.Cases;

public sealed class CaseStateMachineTests
{
    public static TheoryData<CaseCategory, CaseProcedure> Paths => new()
    {
        { CaseCategory.Penalty, CaseProcedure.General },
        { CaseCategory.Penalty, CaseProcedure.Simple },
        { CaseCategory.Inspection, CaseProcedure.Standard },
        { CaseCategory.Coercion, CaseProcedure.Standard },
        { CaseCategory.Licensing, CaseProcedure.Standard },
        { CaseCategory.Expropriation, CaseProcedure.Standard },
        { CaseCategory.Confirmation, CaseProcedure.Standard },
    };

    private static MoveCheck Check(CaseCategory category, CaseProcedure procedure, string from, string to, Func<CaseFacts, CaseFacts>? change = null, Actor? actor = null)
    {
        var facts = Ready(category, procedure, from);
        return CaseStateMachine.Check(change is null ? facts : change(facts), to, actor ?? MoverOf(from, to), ActOf(category, procedure, from, to));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_path_runs_from_its_first_step_to_archiving_for_the_right_actor_when_all_conditions_hold(CaseCategory category, CaseProcedure procedure)
    {
        var path = CaseStateMachine.Path(category, procedure);
        Assert.Equal(CaseSteps.Initial(category), path[0]);
        Assert.Equal(CaseSteps.Archived, path[^1]);
        for (int i = 0; i + 1 < path.Count; i++)
        {
            var check = Check(category, procedure, path[i], path[i + 1]);
            Assert.True(check.IsAllowed, $"{path[i]} → {path[i + 1]}: {string.Join("；", check.All.Select(u => u.Message))}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void No_step_can_be_skipped_or_repeated(CaseCategory category, CaseProcedure procedure)
    {
        var path = CaseStateMachine.Path(category, procedure);
        for (int i = 0; i < path.Count; i++)
        {
            for (int j = 0; j < path.Count; j++)
            {
                if (j == i + 1) continue;
                var check = CaseStateMachine.Check(Ready(category, procedure, path[i]), path[j], Handler);
                Assert.Equal("transition.not_allowed", Assert.Single(check.All).Code);
            }
        }
    }

    /// <summary>Each fact of the case, made false on its own, and the one condition it must refuse with.</summary>
    public static TheoryData<string, string, string, string> EachUnmetFact => new()
    {
        { CaseSteps.Filed, CaseSteps.Investigation, nameof(CaseFacts.QualifiedOfficers), "officers.too_few" },
        { CaseSteps.Filed, CaseSteps.Investigation, nameof(CaseFacts.Parties), "parties.none" },
        { CaseSteps.Investigation, CaseSteps.InternalReview, nameof(CaseFacts.QualifiedOfficers), "officers.too_few" },
        { CaseSteps.InternalReview, CaseSteps.Notice, nameof(CaseFacts.QualifiedOfficers), "officers.too_few" },
        { CaseSteps.Notice, CaseSteps.Statement, nameof(CaseFacts.NoticeServed), "notice.not_served" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.QualifiedOfficers), "officers.too_few" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.Parties), "parties.none" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.UnsignedRecords), "records.unsigned" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.ProposalHasDecisionDocument), "decision.no_document" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.LegalBasisGiven), "decision.legal_basis_missing" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.MissingReasons), "decision.reasons_missing" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.LegalReviewAllows), "legal_review.not_passed" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.StatementPeriodOverOrWaived), "notice.period_not_over" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.HeavierThanNotice), "decision.heavier_than_notice" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.HearingPending), "hearing.not_held" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.UnansweredStatements), "statement.not_answered" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(CaseFacts.Discussion), "discussion.not_concluded" },
        { CaseSteps.Decided, CaseSteps.Served, nameof(CaseFacts.DecisionServed), "service.decision_not_served" },
        { CaseSteps.Executed, CaseSteps.Closed, nameof(CaseFacts.MandatoryRecordsPresent), "records.mandatory_missing" },
        { CaseSteps.Executed, CaseSteps.Closed, nameof(CaseFacts.UnsignedRecords), "records.unsigned" },
        { CaseSteps.Executed, CaseSteps.Closed, nameof(CaseFacts.ExecutionIncomplete), "execution.incomplete" },
    };

    private static CaseFacts Without(CaseFacts f, string fact) => fact switch
    {
        nameof(CaseFacts.QualifiedOfficers) => f with { QualifiedOfficers = 1 },
        nameof(CaseFacts.Parties) => f with { Parties = 0 },
        nameof(CaseFacts.UnsignedRecords) => f with { UnsignedRecords = ["现场笔录（2026-03-02 10:00 制作）"] },
        nameof(CaseFacts.NoticeServed) => f with { NoticeServed = false },
        nameof(CaseFacts.ProposalHasDecisionDocument) => f with { ProposalHasDecisionDocument = false },
        nameof(CaseFacts.LegalBasisGiven) => f with { LegalBasisGiven = false },
        nameof(CaseFacts.MissingReasons) => f with { MissingReasons = ["discretionReason"] },
        nameof(CaseFacts.LegalReviewAllows) => f with { LegalReviewAllows = false, LegalReviewMessage = "：尚未提交法制审核" },
        nameof(CaseFacts.StatementPeriodOverOrWaived) => f with { StatementPeriodOverOrWaived = false },
        nameof(CaseFacts.HeavierThanNotice) => f with { HeavierThanNotice = ["罚款 5,000 元高于告知的 3,000 元"] },
        nameof(CaseFacts.HearingPending) => f with { HearingPending = true },
        nameof(CaseFacts.UnansweredStatements) => f with { UnansweredStatements = 1 },
        nameof(CaseFacts.Discussion) => f with { Discussion = DiscussionState.Missing },
        nameof(CaseFacts.DecisionServed) => f with { DecisionServed = false },
        nameof(CaseFacts.MandatoryRecordsPresent) => f with { MandatoryRecordsPresent = false },
        nameof(CaseFacts.ExecutionIncomplete) => f with { ExecutionIncomplete = "罚款尚未缴清" },
        _ => throw new ArgumentOutOfRangeException(nameof(fact)),
    };

    [Theory]
    [MemberData(nameof(EachUnmetFact))]
    public void Each_unmet_fact_refuses_its_move_with_exactly_its_code(string from, string to, string fact, string code)
    {
        var check = Check(CaseCategory.Penalty, CaseProcedure.General, from, to, f => Without(f, fact));
        Assert.Empty(check.Forbidden);
        Assert.Equal([code], check.Unmet.Select(u => u.Code));
        Assert.False(string.IsNullOrWhiteSpace(check.Unmet[0].Message));
        Assert.DoesNotContain("{", check.Unmet[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_move_names_every_unmet_condition_at_once()
    {
        var check = Check(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Statement, CaseSteps.Decided,
            f => f with { StatementPeriodOverOrWaived = false, LegalReviewAllows = false, UnsignedRecords = ["询问笔录"] });
        Assert.Equal(["records.unsigned", "legal_review.not_passed", "notice.period_not_over"], check.Unmet.Select(u => u.Code));
        Assert.Contains("询问笔录", check.Unmet[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CaseCategory.Penalty, CaseProcedure.Simple, CaseSteps.Filed, CaseSteps.Decided)]
    [InlineData(CaseCategory.Licensing, CaseProcedure.Standard, CaseSteps.Examination, CaseSteps.Decided)]
    [InlineData(CaseCategory.Inspection, CaseProcedure.Standard, CaseSteps.InspectionResult, CaseSteps.Closed)]
    [InlineData(CaseCategory.Coercion, CaseProcedure.Standard, CaseSteps.CoercionResolved, CaseSteps.Closed)]
    public void No_decision_and_no_closure_while_a_record_is_neither_signed_nor_marked_refused(CaseCategory category, CaseProcedure procedure, string from, string to)
    {
        var check = Check(category, procedure, from, to, f => f with { UnsignedRecords = ["现场笔录"] });
        Assert.Contains("records.unsigned", check.Unmet.Select(u => u.Code));
        Assert.True(Check(category, procedure, from, to).IsAllowed);
    }

    [Fact]
    public void Each_missing_reason_of_the_decision_is_named_beside_its_own_field()
    {
        var check = Check(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Statement, CaseSteps.Decided,
            f => f with { MissingReasons = ["evidenceReason", "basisReason", "discretionReason"] });
        Assert.Equal(["evidenceReason", "basisReason", "discretionReason"], check.Unmet.Select(u => u.Field));
        Assert.Contains("裁量理由", check.Unmet[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discussion_held_before_the_proposal_changed_does_not_decide_it()
        => Assert.Equal(["discussion.outdated"], Check(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Statement, CaseSteps.Decided,
            f => f with { Discussion = DiscussionState.ProposalChangedSince }).Unmet.Select(u => u.Code));

    // ---- who may move ------------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, string> WrongActors => new()
    {
        // 案件审核 is done by someone other than the handlers: the unit head or the head, the legal reviewer for a major case.
        { CaseSteps.InternalReview, CaseSteps.Notice, nameof(Handler), "actor.not_case_reviewer,actor.reviews_own_case" },
        { CaseSteps.InternalReview, CaseSteps.Notice, nameof(HandlingUnitHead), "actor.reviews_own_case" },
        { CaseSteps.InternalReview, CaseSteps.Notice, nameof(Reviewer), "actor.not_case_reviewer" },
        { CaseSteps.InternalReview, CaseSteps.Notice, nameof(Publicity), "actor.not_case_reviewer" },
        // REC-4: the head signs, the deputy only where the agency allows it.
        { CaseSteps.Statement, CaseSteps.Decided, nameof(Handler), "actor.not_signer" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(Deputy), "actor.not_signer" },
        { CaseSteps.Statement, CaseSteps.Decided, nameof(OtherAgencyHead), "actor.not_signer" },
        { CaseSteps.Investigation, CaseSteps.InternalReview, nameof(Publicity), "actor.not_case_staff" },
        { CaseSteps.Investigation, CaseSteps.InternalReview, nameof(OtherAgencyHead), "actor.not_case_staff" },
        { CaseSteps.Closed, CaseSteps.Archived, nameof(Publicity), "actor.not_case_staff" },
    };

    private static Actor Named(string name) => (Actor)typeof(CaseFactsExamples).GetField(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(WrongActors))]
    public void A_move_made_by_an_actor_it_does_not_allow_is_forbidden_with_its_codes(string from, string to, string actor, string codes)
    {
        var check = Check(CaseCategory.Penalty, CaseProcedure.General, from, to, actor: Named(actor));
        Assert.Equal(codes.Split(','), check.Forbidden.Select(u => u.Code));
        Assert.Empty(check.Unmet);
    }

    [Fact]
    public void The_legal_reviewer_may_do_the_case_review_of_a_major_case_and_the_deputy_sign_where_allowed()
    {
        Assert.True(Check(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.InternalReview, CaseSteps.Notice, f => f with { MajorDecision = true }, Reviewer).IsAllowed);
        Assert.True(Check(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.InternalReview, CaseSteps.Notice, actor: Head).IsAllowed);
        Assert.True(Check(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Statement, CaseSteps.Decided, f => f with { DeputyHeadMaySign = true }, Deputy).IsAllowed);
    }

    [Fact]
    public void The_decision_is_made_only_by_issuing_it_never_by_a_plain_step_change()
    {
        var plain = CaseStateMachine.Check(Penalty(CaseSteps.Statement), CaseSteps.Decided, Head);
        Assert.Equal("decision.not_issued", plain.Unmet[0].Code);
        Assert.True(CaseStateMachine.Check(Penalty(CaseSteps.Statement), CaseSteps.Decided, Head, CaseActs.IssueDecision).IsAllowed);
    }

    [Fact]
    public void Asked_by_an_act_at_the_wrong_step_the_actor_is_still_told_it_may_not_make_that_act()
    {
        var check = CaseStateMachine.Check(Penalty(CaseSteps.Notice), CaseSteps.Decided, Handler, CaseActs.IssueDecision);
        Assert.Equal(["actor.not_signer"], check.Forbidden.Select(u => u.Code));
        Assert.Equal(["transition.not_allowed"], check.Unmet.Select(u => u.Code));
    }

    [Fact]
    public void The_refusal_of_a_skip_tells_which_step_comes_next()
    {
        var check = CaseStateMachine.Check(Penalty(CaseSteps.Filed), CaseSteps.Decided, Handler);
        Assert.Contains("“调查取证”", check.Unmet[0].Message);
    }

    [Fact]
    public void An_archived_case_has_no_next_step() => Assert.Empty(CaseStateMachine.NextSteps(Penalty(CaseSteps.Archived)));

    [Fact]
    public void Every_condition_and_actor_rule_of_every_table_has_its_message_in_the_resources()
    {
        var codes = CaseStateMachine.Procedures.SelectMany(p => CaseStateMachine.Table(p.Category, p.Procedure).Moves)
            .SelectMany(m => m.Conditions.Select(c => c.Code).Concat(m.Who.Select(w => w.Code)).Concat(m.Act is { } a ? [a] : [])).Distinct().ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.True(Messages.Has(c), c));
    }

    [Fact]
    public void Evidence_preservation_is_decided_within_seven_working_days_across_National_Day()
    {
        var calendar = new Domain.Calendar.WorkingDayCalendar([Domain.Calendar.WorkingDayCalendar.ParseYearJson(
            """{"year":2026,"days":[{"date":"2026-10-01","name":"国庆节","isOffDay":true},{"date":"2026-10-02","name":"国庆节","isOffDay":true},{"date":"2026-10-05","name":"国庆节","isOffDay":true},{"date":"2026-10-06","name":"国庆节","isOffDay":true},{"date":"2026-10-07","name":"国庆节","isOffDay":true},{"date":"2026-10-10","name":"国庆节","isOffDay":false}]}""")]);
        var due = CaseDeadlines.PreservationDecisionDue(new DateOnly(2026, 9, 29), (d, n) => calendar.AddWorkingDays(d, n).Date);
        // 9-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14.
        Assert.Equal(new DateOnly(2026, 10, 14), due);
    }

    [Fact]
    public void A_penalty_is_decided_within_ninety_days_of_filing()
        => Assert.Equal(new DateOnly(2026, 12, 30), CaseDeadlines.PenaltyDecisionDue(new DateOnly(2026, 10, 1)));
}
