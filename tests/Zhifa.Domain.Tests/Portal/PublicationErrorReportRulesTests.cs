using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Portal;

/// <summary>PUB-10 error reports: what the public must write, the receipt number, the 5-working-day due date and its resolution.</summary>
public sealed class PublicationErrorReportRulesTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("文号写错了一位", null, null, new string[0])]
    [InlineData("", null, null, new[] { "content" })]
    [InlineData("错了", null, null, new[] { "content" })]
    [InlineData("文号写错了一位", "x", "http://spam", new[] { "website" })]
    public void A_report_needs_its_content_and_is_refused_when_a_bot_fills_the_hidden_field(string content, string? contact, string? honeypot, string[] fields)
        => Assert.Equal(fields, PublicationErrorReportRules.ValidateReport(content, contact, honeypot).Items.Select(e => e.Field));

    [Fact]
    public void A_contact_longer_than_the_limit_is_refused()
        => Assert.Equal(["contact"], PublicationErrorReportRules.ValidateReport("文号写错了一位", new string('1', PublicationErrorReportRules.ContactMaxLength + 1), null)
            .Items.Select(e => e.Field));

    [Fact]
    public void Receipt_numbers_carry_the_date_and_are_not_repeated()
    {
        var numbers = Enumerable.Range(0, 200).Select(_ => PublicationErrorReportRules.NewReceiptNumber(D("2026-12-01"))).ToList();
        Assert.All(numbers, n => Assert.Matches("^JC20261201-[2-9A-HJ-NP-Z]{8}$", n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-08")] // Tuesday + 5 working days, over a weekend
    [InlineData("2026-12-04", "2026-12-11")] // Friday
    public void The_owner_unit_answers_within_five_working_days(string received, string due)
        => Assert.Equal(D(due), PublicationErrorReportRules.DueOn(new WorkingDayCalendar([]), D(received)));

    [Theory]
    [InlineData(ErrorReportStatus.Pending, "2026-12-09", true)]
    [InlineData(ErrorReportStatus.Pending, "2026-12-08", false)]
    [InlineData(ErrorReportStatus.Corrected, "2026-12-30", false)]
    public void Only_a_pending_report_past_its_due_date_is_overdue(ErrorReportStatus status, string today, bool overdue)
        => Assert.Equal(overdue, PublicationErrorReportRules.IsOverdue(status, D("2026-12-08"), D(today)));

    [Theory]
    [InlineData("Corrected", "已更正", new string[0])]
    [InlineData("rejected", "不属于错误", new string[0])]
    [InlineData("Pending", "x", new[] { "status" })]
    [InlineData("1", "x", new[] { "status" })]
    [InlineData("Corrected", "", new[] { "reply" })]
    public void A_resolution_is_corrected_or_rejected_with_a_reply(string status, string reply, string[] fields)
        => Assert.Equal(fields, ErrorReportLifecycle.Check(new ErrorReportFacts
        {
            AgencyId = 1, Status = ErrorReportStatus.Pending, Resolution = PublicationErrorReportRules.ParseResolution(status), Reply = reply,
        }, null).Unmet.Select(e => e.Field));
}
