using System.Globalization;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;

namespace Zhifa.Domain.Tests.Decisions;

/// <summary>LAW-1, LAW-3, LAW-4, LAW-6, REC-4: the periods over the 2026 holidays, the hearing right, art. 62 and the decision's reasons.</summary>
public sealed class DecisionRulesTests
{
    private static readonly Lazy<WorkingDayCalendar> Calendar = Tests.Calendar.OfficialCalendar.Shared;

    private static DateOnly AddWorkingDays(DateOnly d, int n) => Calendar.Value.AddWorkingDays(d, n).Date;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);


    [Theory]
    [InlineData("2026-03-02", "2026-03-09")] // an ordinary week: Monday to Monday
    [InlineData("2026-03-06", "2026-03-13")] // served on a Friday: the weekend does not count
    [InlineData("2026-09-30", "2026-10-13")] // 国庆 1–7 October off, Saturday 10 October a working day
    [InlineData("2026-02-13", "2026-02-27")] // 春节: Saturday 14 February works, 15–23 off
    [InlineData("2026-04-30", "2026-05-11")] // 劳动节 1–5 May off, Saturday 9 May works
    [InlineData("2026-06-18", "2026-06-26")] // 端午 19–21 June off
    public void The_statement_period_ends_on_the_fifth_working_day_after_service(string served, string lastDay)
        => Assert.Equal(D(lastDay), DecisionRules.StatementPeriodEnds(D(served), AddWorkingDays));

    [Theory]
    [InlineData("2026-09-30", false, "2026-10-08", false)]
    [InlineData("2026-09-30", false, "2026-10-13", false)] // the last day still belongs to the party
    [InlineData("2026-09-30", false, "2026-10-14", true)]
    [InlineData("2026-09-30", true, "2026-09-30", true)]   // a written waiver ends the wait at once
    [InlineData(null, false, "2026-12-01", false)]          // not served: no period has even started
    [InlineData(null, true, "2026-12-01", true)]
    public void A_decision_waits_for_the_period_unless_the_party_waived(string? served, bool waived, string today, bool over)
        => Assert.Equal(over, DecisionRules.PeriodOverOrWaived(served is null ? null : D(served), waived, D(today), AddWorkingDays));

    [Theory]
    [InlineData("2026-09-30", "2026-09-30", null)]
    [InlineData("2026-09-30", "2026-10-13", null)]
    [InlineData("2026-09-30", "2026-10-14", "hearing.request_late")]
    [InlineData("2026-09-30", "2026-09-29", "date.before_predecessor")]
    [InlineData("2026-09-30", "2026-12-02", "date.in_future")]
    [InlineData("2026-04-30", "2026-05-11", null)]
    [InlineData("2026-04-30", "2026-05-12", "hearing.request_late")]
    public void A_hearing_is_requested_within_five_working_days_of_service(string served, string requested, string? code)
    {
        var errors = DecisionRules.ValidateHearingRequest(true, D(served), D(requested), D("2026-12-01"), AddWorkingDays);
        Assert.Equal(code is null ? [] : [code], errors.Items.Select(e => e.Code));
    }

    [Fact]
    public void A_late_hearing_request_is_refused_naming_the_last_day()
    {
        var error = Assert.Single(DecisionRules.ValidateHearingRequest(true, D("2026-09-30"), D("2026-10-14"), D("2026-12-01"), AddWorkingDays).Items);
        Assert.Equal("requestedOn", error.Field);
        Assert.Contains("2026年10月13日", error.Message);
        Assert.Contains("2026年10月14日", error.Message);
    }

    [Fact]
    public void A_hearing_cannot_be_asked_for_a_penalty_outside_article_63() =>
        Assert.Equal("hearing.no_right", Assert.Single(DecisionRules.ValidateHearingRequest(false, D("2026-03-02"), D("2026-03-03"), D("2026-03-03"), AddWorkingDays).Items).Code);

    [Theory]
    [InlineData("2026-03-02", "2026-03-11", "2026-03-10")]
    [InlineData("2026-09-28", "2026-10-13", "2026-10-12")] // the 国庆 week does not count
    [InlineData("2026-02-10", "2026-02-26", "2026-02-25")] // nor does 春节
    public void The_hearing_notice_is_served_seven_working_days_before_the_hearing(string served, string earliest, string tooEarly)
    {
        Assert.Equal(D(earliest), DecisionRules.EarliestHearingDate(D(served), AddWorkingDays));
        Assert.False(DecisionRules.ValidateHearingNotice(D(served), D(earliest), D(served), AddWorkingDays).Any);
        var error = Assert.Single(DecisionRules.ValidateHearingNotice(D(served), D(tooEarly), D(served), AddWorkingDays).Items);
        Assert.Equal("hearing.notice_too_late", error.Code);
        Assert.Contains(DecisionRules.ChineseDate(D(earliest)), error.Message);
    }

    private static readonly DecisionSettings Defaults = new();

    public static TheoryData<string, decimal?, decimal?, PartyKind, bool, int> HearingCases => new()
    {
        { "Warning", null, null, PartyKind.NaturalPerson, false, 0 },
        { "Fine", 9999.99m, null, PartyKind.NaturalPerson, false, 0 },
        { "Fine", 10000m, null, PartyKind.NaturalPerson, false, 1 },
        { "Fine", 10000m, null, PartyKind.IndividualBusiness, false, 1 },   // a 个体工商户 has the citizen's threshold
        { "Fine", 10000m, null, PartyKind.LegalPerson, false, 0 },
        { "Fine", 100000m, null, PartyKind.LegalPerson, false, 1 },
        { "ConfiscateIllegalGains", null, 20000m, PartyKind.NaturalPerson, false, 1 },
        { "ConfiscateIllegalProperty", null, 5000m, PartyKind.NaturalPerson, false, 0 },
        { "RevokeLicence", null, null, PartyKind.LegalPerson, false, 1 },
        { "LowerQualification", null, null, PartyKind.LegalPerson, false, 1 },
        { "SuspendBusiness", null, null, PartyKind.LegalPerson, false, 1 },
        { "OrderClosure", null, null, PartyKind.LegalPerson, false, 1 },
        { "RestrictPractice", null, null, PartyKind.NaturalPerson, false, 1 },
        { "SuspendLicence", null, null, PartyKind.LegalPerson, false, 0 },
        { "SuspendLicence", null, null, PartyKind.LegalPerson, true, 1 },    // 其他较重, marked by the handler
        { "Fine,RevokeLicence,SuspendBusiness", 200000m, null, PartyKind.LegalPerson, false, 3 },
    };

    [Theory]
    [MemberData(nameof(HearingCases))]
    public void The_hearing_right_follows_article_63_with_the_agencys_amounts(string kinds, decimal? fine, decimal? confiscation, PartyKind party, bool otherHeavy, int reasons)
    {
        var terms = new PenaltyTerms(DecisionOutcome.Penalty, DecisionRules.ParseKinds(kinds), fine, confiscation);
        var found = DecisionRules.HearingReasons(terms, [party], Defaults, otherHeavy);
        Assert.Equal(reasons, found.Count);
        Assert.All(found, r => Assert.Contains("第六十三条", r));
    }

    [Fact]
    public void An_agency_that_sets_lower_amounts_gives_the_hearing_right_earlier()
    {
        var terms = new PenaltyTerms(DecisionOutcome.Penalty, [PenaltyKind.Fine], 3000m, null);
        Assert.Empty(DecisionRules.HearingReasons(terms, [PartyKind.NaturalPerson], Defaults, false));
        Assert.Single(DecisionRules.HearingReasons(terms, [PartyKind.NaturalPerson], new DecisionSettings { LargeFineCitizenYuan = 2000m }, false));
    }

    [Fact]
    public void No_penalty_carries_no_hearing_right() =>
        Assert.Empty(DecisionRules.HearingReasons(new PenaltyTerms(DecisionOutcome.NoPenalty, [], null, null), [PartyKind.NaturalPerson], Defaults, true));

    public static TheoryData<PenaltyTerms, PenaltyTerms, string[]> Heavier => new()
    {
        { new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 5000m, null), new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 5000m, null), [] },
        { new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 5000m, null), new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 3000m, null), [] },
        { new(DecisionOutcome.Penalty, [PenaltyKind.Warning, PenaltyKind.Fine], 5000m, null), new(DecisionOutcome.Penalty, [PenaltyKind.Warning], null, null), [] },
        { new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 5000m, null), new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 5000.01m, null), ["罚款"] },
        { new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 5000m, null), new(DecisionOutcome.Penalty, [PenaltyKind.Fine, PenaltyKind.SuspendBusiness], 5000m, null), ["责令停产停业"] },
        { new(DecisionOutcome.Penalty, [PenaltyKind.Warning], null, null), new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 1000m, null), ["罚款", "罚款 1,000 元"] },
        { new(DecisionOutcome.Penalty, [PenaltyKind.ConfiscateIllegalGains], null, 800m), new(DecisionOutcome.Penalty, [PenaltyKind.ConfiscateIllegalGains], null, 900m), ["没收金额"] },
        { new(DecisionOutcome.NoPenalty, [], null, null), new(DecisionOutcome.Penalty, [PenaltyKind.Warning], null, null), ["不予行政处罚"] },
        { new(DecisionOutcome.Penalty, [PenaltyKind.Fine], 5000m, null), new(DecisionOutcome.FirstViolationNoPenalty, [], null, null), [] },
    };

    [Theory]
    [MemberData(nameof(Heavier))]
    public void A_decision_is_never_heavier_than_the_last_notice(PenaltyTerms notice, PenaltyTerms decision, string[] mentions)
    {
        var reasons = DecisionRules.HeavierThanNotice(notice, decision);
        if (mentions.Length == 0) Assert.Empty(reasons);
        else Assert.All(mentions, m => Assert.Contains(reasons, r => r.Contains(m, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("a", "b", "c", new string[0])]
    [InlineData("", "b", "c", new[] { "evidenceReason" })]
    [InlineData("a", " ", "c", new[] { "basisReason" })]
    [InlineData("", "", "", new[] { "evidenceReason", "basisReason", "discretionReason" })]
    public void A_decision_missing_a_reason_names_each_missing_one(string evidence, string basis, string discretion, string[] fields)
    {
        var p = new DecisionProposal { EvidenceReason = evidence, BasisReason = basis, DiscretionReason = discretion };
        Assert.Equal(fields, DecisionRules.MissingReasons(p).Select(e => e.Field));
    }

    [Theory]
    [InlineData(DecisionOutcome.Penalty, "penalty-decision")]
    [InlineData(DecisionOutcome.NoPenalty, "no-penalty-decision")]
    [InlineData(DecisionOutcome.FirstViolationNoPenalty, "no-penalty-decision")]
    [InlineData(DecisionOutcome.Other, null)]
    public void Each_outcome_has_its_decision_document(DecisionOutcome outcome, string? type)
    {
        Assert.Equal(type, DecisionRules.DecisionDocumentType(outcome));
        if (type is not null) Assert.NotNull(Zhifa.Domain.Documents.DocumentTypes.Find(type));
    }

    [Theory]
    [InlineData(5, new int[0], null)]
    [InlineData(1, new[] { 5 }, "hearing.chair_investigator")]
    [InlineData(5, new[] { 5 }, "hearing.chair_recused")]
    [InlineData(null, new int[0], "required")]
    public void The_hearing_chair_did_not_investigate_and_was_not_recused(int? chair, int[] recused, string? code)
    {
        var errors = DecisionRules.ValidateChair(chair, [1, 2], recused);
        Assert.Equal(code is null ? [] : [code], errors.Items.Select(e => e.Code));
    }

    [Theory]
    [InlineData(Roles.Head, false, true)]
    [InlineData(Roles.DeputyHead, false, false)]
    [InlineData(Roles.DeputyHead, true, true)]
    [InlineData(Roles.Handler, true, false)]
    [InlineData(Roles.LegalReviewer, true, false)]
    public void The_head_signs_and_the_deputy_head_only_where_the_agency_allows(string role, bool deputyAllowed, bool may)
    {
        var facts = Cases.CaseFactsExamples.Penalty(CaseSteps.Statement) with { DeputyHeadMaySign = deputyAllowed };
        var actor = new Domain.Rules.Actor("signer", null, Cases.CaseFactsExamples.AgencyId, new HashSet<string> { role }, new HashSet<int>());
        Assert.Equal(may, CaseStateMachine.Check(facts, CaseSteps.Decided, actor, CaseActs.IssueDecision).Forbidden.Count == 0);
    }

    [Theory]
    [InlineData(new[] { "same" }, true)]
    [InlineData(new[] { "earlier", "same" }, true)]
    [InlineData(new[] { "earlier" }, false)]
    [InlineData(new string[0], false)]
    public void A_discussion_decides_only_the_proposal_it_discussed(string[] discussed, bool covered)
    {
        var proposal = new DecisionProposal { Outcome = DecisionOutcome.Penalty, PenaltyKinds = "Fine", FineYuan = 3000m, Content = "罚款三千元" };
        var fingerprints = discussed.Select(d => d == "same" ? proposal.Fingerprint() : new string('0', 64)).ToList();
        Assert.Equal(covered, DecisionRules.DiscussedAsProposed(fingerprints, proposal));
        Assert.False(DecisionRules.DiscussedAsProposed(fingerprints, null));
    }
}
