using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

/// <summary>PUB-1, PUB-4 … PUB-7, LAW-10: publication deadlines on the official calendar, the chain, non-disclosure, the portal period.</summary>
public sealed class PublicationRulesTests
{
    private static readonly Lazy<WorkingDayCalendar> Real = Calendar.OfficialCalendar.Shared;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // A penalty decided on 28 September 2026: two working days, the National Day week off, the 10 October make-up Saturday counts.
    [InlineData(CaseCategory.Penalty, "2026-09-28", "2026-10-13")]
    [InlineData(CaseCategory.Licensing, "2026-09-28", "2026-10-13")]
    // Other decisions: 20 working days.
    [InlineData(CaseCategory.Inspection, "2026-11-02", "2026-11-30")]
    [InlineData(CaseCategory.Coercion, "2026-11-02", "2026-11-30")]
    public void The_publication_is_due_seven_working_days_after_a_penalty_or_licence_and_twenty_after_others(CaseCategory category, string decided, string due)
        => Assert.Equal(D(due), PublicationRules.DueOn(Real.Value, D(decided), category));

    [Theory]
    [InlineData("2026-11-06", "2026-11-11")]
    // The make-up Sunday 20 September is a working day.
    [InlineData("2026-09-18", "2026-09-22")]
    [InlineData("2026-09-19", "2026-09-22")]
    public void A_changed_decision_is_withdrawn_within_three_working_days(string changed, string due)
        => Assert.Equal(D(due), PublicationRules.WithdrawalDueOn(Real.Value, D(changed)));

    [Fact]
    public void Only_an_item_still_owed_is_overdue_after_its_due_day()
    {
        Assert.False(PublicationRules.IsOverdue(PublicationStatus.Draft, D("2026-10-13"), D("2026-10-13")));
        Assert.True(PublicationRules.IsOverdue(PublicationStatus.Approving, D("2026-10-13"), D("2026-10-14")));
        Assert.False(PublicationRules.IsOverdue(PublicationStatus.Published, D("2026-10-13"), D("2026-10-14")));
        Assert.False(PublicationRules.IsOverdue(PublicationStatus.NotDisclosed, D("2026-10-13"), D("2026-10-14")));
    }

    [Theory]
    [InlineData(false, true, PublicationKind.Decision, new[] { ApprovalStep.DeputyHead, ApprovalStep.Head })]
    [InlineData(true, true, PublicationKind.Decision, new[] { ApprovalStep.UnitHead, ApprovalStep.DeputyHead, ApprovalStep.Head })]
    [InlineData(false, false, PublicationKind.Decision, new[] { ApprovalStep.Head })]
    [InlineData(false, true, PublicationKind.PreDisclosure, new[] { ApprovalStep.LegalityReview, ApprovalStep.DeputyHead, ApprovalStep.Head })]
    [InlineData(false, false, PublicationKind.PreDisclosure, new[] { ApprovalStep.LegalityReview, ApprovalStep.Head })]
    public void The_chain_follows_the_agency_and_always_ends_with_the_head(bool unitHead, bool deputy, PublicationKind kind, ApprovalStep[] expected)
        => Assert.Equal(expected, PublicationRules.Chain(new PublicationPolicy { UnitHeadCheck = unitHead, DeputyHeadCheck = deputy }, kind));

    [Fact]
    public void The_next_step_ignores_approvals_from_before_a_return()
    {
        var chain = PublicationRules.Chain(new PublicationPolicy(), PublicationKind.Decision);
        var approvals = new List<PublicationApproval>
        {
            new() { Step = ApprovalStep.DeputyHead, Outcome = ApprovalOutcome.Approved, Current = false },
            new() { Step = ApprovalStep.Prepared, Outcome = ApprovalOutcome.Approved, Current = true },
        };
        Assert.Equal(ApprovalStep.DeputyHead, PublicationRules.NextStep(chain, approvals));
        approvals.Add(new() { Step = ApprovalStep.DeputyHead, Outcome = ApprovalOutcome.Approved, Current = true });
        Assert.Equal(ApprovalStep.Head, PublicationRules.NextStep(chain, approvals));
        approvals.Add(new() { Step = ApprovalStep.Head, Outcome = ApprovalOutcome.Approved, Current = true });
        Assert.Null(PublicationRules.NextStep(chain, approvals));
    }

    [Theory]
    [InlineData(PartyKind.NaturalPerson, "王建华", "王某")]
    [InlineData(PartyKind.NaturalPerson, "欧阳建华", "欧阳某")]
    [InlineData(PartyKind.NaturalPerson, "欧阳", "欧某")]
    [InlineData(PartyKind.LegalPerson, "永兴县便江镇康宁诊所", "永兴县便江镇康宁诊所")]
    [InlineData(PartyKind.IndividualBusiness, "永兴县好又来饭店", "永兴县好又来饭店")]
    [InlineData(PartyKind.IndividualBusiness, "李四", "李某")]
    public void A_summary_names_an_organisation_and_shows_a_person_by_surname(PartyKind kind, string name, string shown)
        => Assert.Equal(shown, PublicationRules.PartyDisplay(kind, name));

    [Theory]
    [InlineData(NonDisclosureGround.TradeSecret, DisclosureException.ThirdPartyConsent, true)]
    [InlineData(NonDisclosureGround.PersonalPrivacy, DisclosureException.PublicInterest, true)]
    [InlineData(NonDisclosureGround.Minor, DisclosureException.PublicInterest, false)]
    [InlineData(NonDisclosureGround.StateSecret, DisclosureException.ThirdPartyConsent, false)]
    public void The_exception_to_non_disclosure_covers_only_trade_secrets_and_privacy(NonDisclosureGround ground, DisclosureException exception, bool allowed)
    {
        var errors = PublicationRules.ValidateNonDisclosure(ground, "理由", exception, "例外理由");
        Assert.Equal(allowed, !errors.Any);
        if (!allowed) Assert.Equal("exception", Assert.Single(errors.Items).Field);
    }

    [Fact]
    public void A_proposal_not_to_disclose_names_each_missing_field()
    {
        var fields = PublicationRules.ValidateNonDisclosure(null, " ", DisclosureException.ThirdPartyConsent, "").Items.Select(e => e.Field).ToList();
        Assert.Equal(["ground", "reason", "exceptionReason"], fields);
    }

    [Theory]
    [InlineData(new[] { PenaltyKind.Warning }, null, "2027-02-28")]
    [InlineData(new[] { PenaltyKind.Warning, PenaltyKind.Fine }, 3000.0, "2027-02-28")]
    [InlineData(new[] { PenaltyKind.Fine }, 3000.01, "2029-11-30")]
    [InlineData(new[] { PenaltyKind.SuspendBusiness }, null, "2029-11-30")]
    public void A_light_penalty_stays_three_months_and_a_heavier_one_three_years(PenaltyKind[] kinds, double? fine, string until)
        => Assert.Equal(D(until), PublicationRules.ShownUntil(new PublicationPolicy(), CaseCategory.Penalty, kinds, (decimal?)fine, D("2026-12-01")));

    [Fact]
    public void A_licence_has_no_end_to_its_publication_and_an_expired_penalty_is_not_shown()
    {
        Assert.Null(PublicationRules.ShownUntil(new PublicationPolicy(), CaseCategory.Licensing, [], null, D("2026-12-01")));
        var p = new Publication { Status = PublicationStatus.Published, ShownUntil = D("2026-12-01") };
        Assert.True(PublicationRules.IsShown(p, D("2026-12-01")));
        Assert.False(PublicationRules.IsShown(p, D("2026-12-02")));
    }

    [Theory]
    [InlineData(0, 36, 3000, "shortPeriodMonths")]
    [InlineData(6, 3, 3000, "longPeriodMonths")]
    [InlineData(3, 36, -1, "smallFineYuan")]
    public void A_bad_period_names_its_field(int shortMonths, int longMonths, int small, string field)
        => Assert.Equal(field, Assert.Single(PublicationRules.ValidatePolicy(shortMonths, longMonths, small).Items).Field);
}
