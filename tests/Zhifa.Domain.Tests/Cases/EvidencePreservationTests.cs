using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Tests.Cases;

/// <summary>LAW-5 art. 56: 先行登记保存 on a general-procedure penalty case, approved by the head, decided within 7 working days.</summary>
public sealed class EvidencePreservationTests
{
    private static readonly DateOnly Today = new(2026, 9, 29);

    /// <summary>Category, procedure, step, items, place, days before today it started (negative: in the future; null: not given) → refused codes.</summary>
    public static TheoryData<CaseCategory, CaseProcedure, string, string?, string?, int?, string[]> Registrations => new()
    {
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Investigation, "无证经营的美容仪器 2 台", "本局物证室", 0, [] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Filed, "账册 1 本", "当事人店内", 3, [] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Statement, "账册 1 本", "本局物证室", 0, [] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Decided, "账册 1 本", "本局物证室", 0, ["not_applicable"] },
        { CaseCategory.Penalty, CaseProcedure.Simple, CaseSteps.Filed, "账册 1 本", "本局物证室", 0, ["not_applicable"] },
        { CaseCategory.Inspection, CaseProcedure.Standard, CaseSteps.OnSiteInspection, "账册 1 本", "本局物证室", 0, ["not_applicable"] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Investigation, " ", "", 0, ["required", "required"] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Investigation, "账册 1 本", "本局物证室", -1, ["date.in_future"] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Investigation, "账册 1 本", "本局物证室", null, ["required"] },
        { CaseCategory.Penalty, CaseProcedure.General, CaseSteps.Investigation, new string('物', 2001), new string('地', 201), 0, ["too_long", "too_long"] },
    };

    [Theory]
    [MemberData(nameof(Registrations))]
    public void A_registration_is_refused_for_each_rule_it_breaks(CaseCategory category, CaseProcedure procedure, string step,
        string? items, string? place, int? startedDaysAgo, string[] refused)
    {
        DateOnly? started = startedDaysAgo is { } n ? Today.AddDays(-n) : null;
        var errors = EvidencePreservation.CheckRegistration(category, procedure, step, Today, items, place, started);
        Assert.Equal(refused, errors.Items.Select(e => e.Code));
    }

    private static readonly WorkingDayCalendar NationalDay = new([WorkingDayCalendar.ParseYearJson(
        """{"year":2026,"days":[{"date":"2026-10-01","name":"国庆节","isOffDay":true},{"date":"2026-10-02","name":"国庆节","isOffDay":true},{"date":"2026-10-05","name":"国庆节","isOffDay":true},{"date":"2026-10-06","name":"国庆节","isOffDay":true},{"date":"2026-10-07","name":"国庆节","isOffDay":true},{"date":"2026-10-10","name":"国庆节","isOffDay":false}]}""")]);

    [Theory]
    // Monday to the Tuesday after next: seven working days, two weekends skipped.
    [InlineData("2026-09-07", "2026-09-16")]
    // Friday: the weekend does not count.
    [InlineData("2026-09-11", "2026-09-22")]
    // Across National Day: 9-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13, 10-14.
    [InlineData("2026-09-29", "2026-10-14")]
    // Started on a Saturday of the holiday: counting begins on the next working day, 10-08.
    [InlineData("2026-10-03", "2026-10-15")]
    public void The_decision_is_due_seven_working_days_after_the_start(string started, string due)
        => Assert.Equal(D(due), CaseDeadlines.PreservationDecisionDue(D(started), (d, n) => NationalDay.AddWorkingDays(d, n).Date));

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static EvidencePreservation Registered(PreservationStatus status) => new() { Status = status, RegisteredByUserId = 7, StartedOn = Today };

    /// <summary>Approve?, approver, note, status before → refused code or the status after.</summary>
    public static TheoryData<bool, int, string?, PreservationStatus, string> Approvals => new()
    {
        { true, 9, null, PreservationStatus.Pending, "Approved" },
        { false, 9, "证据不会灭失，无需保存", PreservationStatus.Pending, "Rejected" },
        { false, 9, "", PreservationStatus.Pending, "required" },
        { true, 7, null, PreservationStatus.Pending, "own_request" },
        { true, 9, null, PreservationStatus.Approved, "already_decided" },
        { true, 9, null, PreservationStatus.Resolved, "already_decided" },
    };

    [Theory]
    [MemberData(nameof(Approvals))]
    public void The_head_approves_a_registration_once_and_a_refusal_says_why(bool approve, int userId, string? note, PreservationStatus before, string expected)
    {
        var x = Registered(before);
        try
        {
            x.Approve(approve, "head", userId, note, DateTime.UtcNow);
        }
        catch (DomainValidationException ex)
        {
            Assert.Equal(expected, Assert.Single(ex.Errors).Code);
            Assert.Equal(before, x.Status);
            return;
        }
        Assert.Equal(expected, x.Status.ToString());
        Assert.False(x.IsOpen && expected == "Rejected");
    }

    /// <summary>Status before, outcome, note → refused codes, or none when the 处理决定 closes it.</summary>
    public static TheoryData<PreservationStatus, PreservationOutcome?, string?, string[]> Resolutions => new()
    {
        { PreservationStatus.Approved, PreservationOutcome.RecordAndReturn, "拍照留存后退还当事人", [] },
        { PreservationStatus.Approved, PreservationOutcome.Lift, "无需继续保存", [] },
        { PreservationStatus.Approved, PreservationOutcome.Confiscate, "", ["required"] },
        { PreservationStatus.Approved, null, "退还", ["required"] },
        { PreservationStatus.Approved, (PreservationOutcome)99, "退还", ["required"] },
        { PreservationStatus.Pending, PreservationOutcome.Transfer, "移交市场监管局", ["not_approved"] },
        { PreservationStatus.Rejected, PreservationOutcome.Lift, "解除", ["closed"] },
        { PreservationStatus.Resolved, PreservationOutcome.Lift, "再次处理", ["closed"] },
        { PreservationStatus.Resolved, null, null, ["closed", "required", "required"] },
    };

    [Theory]
    [MemberData(nameof(Resolutions))]
    public void A_decision_closes_an_approved_preservation_and_nothing_else(PreservationStatus before, PreservationOutcome? outcome, string? note, string[] refused)
    {
        var x = Registered(before);
        var now = new DateTime(2026, 10, 9, 2, 0, 0, DateTimeKind.Utc);
        try
        {
            x.Resolve(outcome, note, "handler", now);
        }
        catch (DomainValidationException ex)
        {
            Assert.Equal(refused, ex.Errors.Select(e => e.Code));
            Assert.Equal(before, x.Status);
            return;
        }
        Assert.Empty(refused);
        Assert.Equal(PreservationStatus.Resolved, x.Status);
        Assert.False(x.IsOpen);
        Assert.Equal((outcome, note, "handler", (DateTime?)now), (x.Outcome, x.OutcomeNote, x.ResolvedBy, x.ResolvedAt));
    }

    [Theory]
    [InlineData("2026-10-14", null, false)]
    [InlineData("2026-10-14", "2026-10-14", false)]
    [InlineData("2026-10-14", "2026-10-15", true)]
    public void A_decision_after_its_due_day_is_late(string due, string? resolvedOn, bool late)
        => Assert.Equal(late, EvidencePreservation.ResolvedLate(D(due), resolvedOn is null ? null : D(resolvedOn)));
}
