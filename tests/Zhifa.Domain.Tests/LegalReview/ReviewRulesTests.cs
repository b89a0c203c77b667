using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.LegalReview;

namespace Zhifa.Domain.Tests.LegalReview;

/// <summary>LR-1, LR-3 … LR-7: completeness, opinions, the time limit and the gate (who may act when: ReviewLifecycleTests).</summary>
public sealed class ReviewRulesTests
{
    private static SubmissionMaterials Complete() => new(
        "事实", "法律", "裁量", "调查", "未组织听证", "程序", true, true, 2, false, false, false, false, "", null, false, null, "同意送审", "张伟", "0735-1");

    public static TheoryData<string, SubmissionMaterials, string[]> Incomplete => new()
    {
        { "complete", Complete(), [] },
        { "no situation report at all", Complete() with { BasicFacts = "", LawApplied = " ", Discretion = null, Investigation = "", HearingAndAppraisal = "", ProcedureFollowed = "" },
            ["basicFacts", "lawApplied", "discretion", "investigation", "hearingAndAppraisal", "procedureFollowed"] },
        { "no draft decision", Complete() with { HasProposal = false }, ["proposal"] },
        { "a draft without its legal basis", Complete() with { ProposalHasBasis = false }, ["proposal"] },
        { "no evidence", Complete() with { EvidenceCount = 0 }, ["evidence"] },
        { "heard but no hearing record", Complete() with { Heard = true }, ["hearingRecordDocumentId"] },
        { "heard with the hearing record", Complete() with { Heard = true, HearingRecordGiven = true }, [] },
        { "appraised without the report", Complete() with { AppraisalDone = true }, ["appraisal"] },
        { "material asked for but not given", Complete() with { RequestedMaterial = "现场检查照片" }, ["extraMaterial"] },
        { "an opinion not answered", Complete() with { AnswersAnOpinion = true }, ["reply"] },
        { "no unit opinion nor contact", Complete() with { UnitOpinion = "", ContactName = "", ContactPhone = "" }, ["unitOpinion", "contactName", "contactPhone"] },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void An_incomplete_submission_names_everything_it_lacks(string situation, SubmissionMaterials m, string[] fields)
    {
        var missing = ReviewRules.Missing(m).Items.Select(e => e.Field).ToArray();
        Assert.True(fields.SequenceEqual(missing), $"{situation}: {string.Join(",", missing)}");
    }

    private static List<ReviewFinding> AllConform() => Enum.GetValues<ReviewItem>().Select(i => new ReviewFinding(i, true, "")).ToList();

    private static List<ReviewFinding> With(ReviewItem item, bool conforms, string note)
        => AllConform().Select(f => f.Item == item ? new ReviewFinding(item, conforms, note) : f).ToList();

    public static TheoryData<string, ReviewOutcome?, List<ReviewFinding>, ReviewReasonCategory[], string?, string[]> Opinions => new()
    {
        { "agree on a clean case", ReviewOutcome.Agree, AllConform(), [], null, [] },
        { "no outcome", null, AllConform(), [], null, ["outcome"] },
        { "an item without a finding", ReviewOutcome.Agree, AllConform().Where(f => f.Item != ReviewItem.Documents).ToList(), [], null, ["findings.Documents"] },
        { "a problem without a note", ReviewOutcome.NotYet, With(ReviewItem.FactsAndEvidence, false, ""), [ReviewReasonCategory.SupplementEvidence], "补充证据", ["findings.FactsAndEvidence"] },
        { "agree although an item has a problem", ReviewOutcome.Agree, With(ReviewItem.CrimeTransfer, false, "涉嫌非法行医罪"), [], null, ["outcome"] },
        { "not yet without reasons", ReviewOutcome.NotYet, With(ReviewItem.Procedure, false, "未告知听证权利"), [], "", ["reasonCategories", "reasons"] },
        { "not yet with its reasons", ReviewOutcome.NotYet, With(ReviewItem.Procedure, false, "未告知听证权利"), [ReviewReasonCategory.FixProcedure], "补正告知程序", [] },
        { "not yet with a reason of disagreement", ReviewOutcome.NotYet, AllConform(), [ReviewReasonCategory.BeyondAuthority], "x", ["reasonCategories", "reasonCategories"] },
        { "disagree with its reasons", ReviewOutcome.Disagree, With(ReviewItem.Authority, false, "不属本局职权"), [ReviewReasonCategory.BeyondAuthority], "超越职权", [] },
        { "disagree without reasons", ReviewOutcome.Disagree, AllConform(), [], null, ["reasonCategories", "reasons"] },
    };

    [Theory]
    [MemberData(nameof(Opinions))]
    public void An_opinion_has_a_finding_per_item_and_reasons_unless_it_agrees(string situation, ReviewOutcome? outcome, List<ReviewFinding> findings,
        ReviewReasonCategory[] categories, string? reasons, string[] fields)
    {
        var errors = ReviewRules.ValidateOpinion(outcome, findings, categories, reasons).Items.Select(e => e.Field).ToArray();
        Assert.True(fields.SequenceEqual(errors), $"{situation}: {string.Join(",", errors)}");
    }

    private static readonly Lazy<WorkingDayCalendar> Calendar = Tests.Calendar.OfficialCalendar.Shared;


    [Theory]
    [InlineData("2026-03-02", false, "2026-03-09")] // Monday: five working days later is the next Monday
    [InlineData("2026-09-30", false, "2026-10-13")] // National Day week and the make-up Saturday 10-10
    [InlineData("2026-09-30", true, "2026-10-20")]
    [InlineData("2026-02-13", false, "2026-02-27")] // Spring Festival 2026: off 15–23 February, make-up 14 and 28
    public void The_review_is_due_five_working_days_after_complete_materials_and_ten_once_extended(string complete, bool extended, string due)
    {
        var day = DateOnly.ParseExact(complete, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReviewRules.Due(day, extended, (d, n) => Calendar.Value.AddWorkingDays(d, n).Date));
    }

    private static readonly MajorReason[] Major = [new("kind", "拟作出吊销许可证件的行政处罚")];

    private static ReviewRules.LatestRound Round(SubmissionStatus status, ReviewOutcome? outcome, string fingerprint = "abc", bool? leaderAgrees = true)
        => new(2, status, outcome, fingerprint, "赵敏", new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 9), leaderAgrees, leaderAgrees == false ? "罚款数额偏高" : "同意");

    public static TheoryData<string, MajorReason[], ReviewRules.LatestRound?, string?, bool, bool, string> Gates => new()
    {
        { "major, agreed, the leader not yet signed", Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Agree, leaderAgrees: null), "abc", true, false, "尚须分管领导在法制审核表上签署意见" },
        { "major, agreed, the leader disagreed", Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Agree, leaderAgrees: false), "abc", true, false, "分管领导不同意第2轮法制审核意见（罚款数额偏高）" },
        { "not major", [], null, "abc", false, true, "" },
        { "major, never submitted", Major, null, "abc", true, false, "尚未送法制审核" },
        { "major, under review", Major, Round(SubmissionStatus.Submitted, null), "abc", true, false, "2026年3月9日前" },
        { "major, returned", Major, Round(SubmissionStatus.Returned, null), "abc", true, false, "退回" },
        { "major, not yet agreed", Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.NotYet), "abc", true, false, "暂不同意" },
        { "major, disagreed", Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Disagree), "abc", true, false, "不同意" },
        { "major, agreed to the proposal as it stands", Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Agree), "abc", true, true, "已同意" },
        { "major, agreed but the proposal changed since", Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Agree), "def", true, false, "实质变更" },
        { "major, agreed but the proposal is gone", Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Agree), null, true, false, "实质变更" },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void The_gate_opens_only_on_an_agreement_to_the_proposal_as_it_stands(string situation, MajorReason[] reasons, ReviewRules.LatestRound? latest,
        string? fingerprint, bool required, bool open, string message)
    {
        var gate = ReviewRules.Gate(reasons, latest, fingerprint, leaderOpinionRequired: true);
        Assert.True(required == gate.Required && open == gate.IsOpen, $"{situation}: required {gate.Required}, open {gate.IsOpen}");
        Assert.Contains(message, gate.Message);
    }

    [Fact]
    public void Where_the_agencys_chain_has_no_leader_opinion_the_agreement_alone_opens_the_gate_but_a_leaders_disagreement_still_closes_it()
    {
        Assert.True(ReviewRules.Gate(Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Agree, leaderAgrees: null), "abc", leaderOpinionRequired: false).IsOpen);
        Assert.False(ReviewRules.Gate(Major, Round(SubmissionStatus.Reviewed, ReviewOutcome.Agree, leaderAgrees: false), "abc", leaderOpinionRequired: false).IsOpen);
    }

    // On which round the leader signs, and only once, is the table's (ReviewLifecycleTests); here only what is written.
    [Theory]
    [InlineData(true, "同意", new string[0])]
    [InlineData(false, "不同意", new string[0])]
    [InlineData(null, "", new[] { "legal_review.leader_agrees_required", "required" })]
    public void The_leader_signs_agree_or_disagree_with_an_opinion(bool? agrees, string text, string[] codes)
        => Assert.Equal(codes, ReviewRules.ValidateLeaderOpinion(agrees, text).Items.Select(e => e.Code));

}
