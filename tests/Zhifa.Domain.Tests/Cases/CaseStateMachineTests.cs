using Zhifa.Domain.Cases;

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

    private static CaseFacts Ready(CaseCategory c, CaseProcedure p, string step) => new(c, p, step, QualifiedOfficers: 2, Parties: 1);

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_path_runs_from_its_first_step_to_archiving_when_all_conditions_hold(CaseCategory category, CaseProcedure procedure)
    {
        var path = CaseStateMachine.Path(category, procedure);
        Assert.Equal(CaseSteps.Initial(category), path[0]);
        Assert.Equal(CaseSteps.Archived, path[^1]);
        for (int i = 0; i + 1 < path.Count; i++)
        {
            var check = CaseStateMachine.Check(Ready(category, procedure, path[i]), path[i + 1]);
            Assert.True(check.IsAllowed, $"{path[i]} → {path[i + 1]}: {string.Join("；", check.Unmet.Select(u => u.Message))}");
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
                var check = CaseStateMachine.Check(Ready(category, procedure, path[i]), path[j]);
                Assert.Equal("transition.not_allowed", Assert.Single(check.Unmet).Code);
            }
        }
    }

    public static TheoryData<CaseCategory, CaseProcedure, string, string, CaseFacts, string[]> Refusals => new()
    {
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Filed, CaseSteps.Investigation,
            new CaseFacts(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Filed, 1, 0), ["officers.too_few", "parties.none"] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Statement, CaseSteps.Decided,
            new CaseFacts(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Statement, 2, 1, LegalReviewPassedOrNotRequired: false, NoticePeriodOverOrWaived: false),
            ["notice.period_not_over", "legal_review.not_passed"] },
        { CaseCategory.Penalty, CaseProcedure.Simple, CaseSteps.Filed, CaseSteps.Decided,
            new CaseFacts(CaseCategory.Penalty, CaseProcedure.Simple, CaseSteps.Filed, 2, 1, SimpleProcedureEligible: false), ["simple.not_eligible"] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Executed, CaseSteps.Closed,
            new CaseFacts(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Executed, 2, 1, MandatoryRecordsPresent: false), ["records.mandatory_missing"] },
        { CaseCategory.Coercion, CaseProcedure.Standard, CaseSteps.CoercionApproval, CaseSteps.CoercionImplemented,
            new CaseFacts(CaseCategory.Coercion, CaseProcedure.Standard, CaseSteps.CoercionApproval, 0, 1), ["officers.too_few"] },
        { CaseCategory.Inspection, CaseProcedure.Standard, CaseSteps.InspectionResult, CaseSteps.Closed,
            new CaseFacts(CaseCategory.Inspection, CaseProcedure.Standard, CaseSteps.InspectionResult, 2, 1, MandatoryRecordsPresent: false), ["records.mandatory_missing"] },
        { CaseCategory.Licensing, CaseProcedure.Standard, CaseSteps.Examination, CaseSteps.Decided,
            new CaseFacts(CaseCategory.Licensing, CaseProcedure.Standard, CaseSteps.Examination, 1, 0), ["officers.too_few", "parties.none"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_move_names_every_unmet_condition(CaseCategory category, CaseProcedure procedure, string from, string to, CaseFacts facts, string[] codes)
    {
        Assert.Equal((category, procedure, from), (facts.Category, facts.Procedure, facts.Step));
        var check = CaseStateMachine.Check(facts, to);
        Assert.False(check.IsAllowed);
        Assert.Equal(codes, check.Unmet.Select(u => u.Code));
        Assert.All(check.Unmet, u => Assert.False(string.IsNullOrWhiteSpace(u.Message)));
    }

    [Fact]
    public void The_refusal_of_a_skip_tells_which_step_comes_next()
    {
        var check = CaseStateMachine.Check(Ready(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Filed), CaseSteps.Decided);
        Assert.Contains("“调查取证”", check.Unmet[0].Message);
    }

    [Fact]
    public void An_archived_case_has_no_next_step() =>
        Assert.Empty(CaseStateMachine.NextSteps(Ready(CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Archived)));

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
