using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Complaints;

namespace Zhifa.Domain.Tests.Complaints;

/// <summary>SUP-4: receipt numbers, which status moves are allowed, the 15-working-day due date and the public intake checks.</summary>
public sealed class ComplaintRulesTests
{
    private static readonly Lazy<WorkingDayCalendar> Real = Calendar.OfficialCalendar.Shared;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void A_receipt_number_carries_the_day_of_receipt_and_a_random_part_that_differs_each_time()
    {
        var numbers = Enumerable.Range(0, 200).Select(_ => Complaint.NewReceiptNumber(D("2026-12-01"))).ToList();
        Assert.All(numbers, n => Assert.Matches("^TS20261201-[2-9A-HJ-NP-Z]{8}$", n));
        Assert.All(numbers, n => Assert.True(Complaint.IsReceiptNumber(n), n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("TS20261201-ABCDEFGH", true)]
    [InlineData("TS20261201-23456789", true)]
    [InlineData("TS20261301-ABCDEFGH", false)] // no 13th month
    [InlineData("TS20261201-ABCDEFG", false)] // random part too short
    [InlineData("TS20261201-ABCDEFGO", false)] // O is not used (reads as 0)
    [InlineData("TS20261201ABCDEFGHJ", false)]
    [InlineData("XX20261201-ABCDEFGH", false)]
    [InlineData("", false)]
    [InlineData("1", false)]
    public void Only_well_formed_receipt_numbers_are_looked_up(string value, bool valid)
        => Assert.Equal(valid, Complaint.IsReceiptNumber(value));

    [Theory]
    [InlineData(ComplaintStatus.Pending, ComplaintStatus.Accepted, true)]
    [InlineData(ComplaintStatus.Pending, ComplaintStatus.Handling, true)]
    [InlineData(ComplaintStatus.Pending, ComplaintStatus.Rejected, true)]
    [InlineData(ComplaintStatus.Pending, ComplaintStatus.Replied, true)]
    [InlineData(ComplaintStatus.Accepted, ComplaintStatus.Handling, true)]
    [InlineData(ComplaintStatus.Accepted, ComplaintStatus.Rejected, false)]
    [InlineData(ComplaintStatus.Handling, ComplaintStatus.Replied, true)]
    [InlineData(ComplaintStatus.Handling, ComplaintStatus.CaseOpened, true)]
    [InlineData(ComplaintStatus.Handling, ComplaintStatus.Accepted, false)]
    [InlineData(ComplaintStatus.Replied, ComplaintStatus.Handling, false)]
    [InlineData(ComplaintStatus.Replied, ComplaintStatus.Replied, false)]
    [InlineData(ComplaintStatus.Rejected, ComplaintStatus.Accepted, false)]
    [InlineData(ComplaintStatus.CaseOpened, ComplaintStatus.Replied, false)]
    public void Status_moves_follow_the_handling_order(ComplaintStatus from, ComplaintStatus to, bool allowed)
        => Assert.Equal(allowed, Complaint.CanMove(from, to));

    [Fact]
    public void A_refused_move_names_the_status_and_the_act()
    {
        var facts = ComplaintLifecycleTests.Facts(ComplaintStatus.Replied) with { Text = "重复投诉" };
        var check = ComplaintLifecycle.Check(ComplaintActs.Reject, facts, ComplaintLifecycleTests.Staff);
        var reason = Assert.Single(check.Unmet);
        Assert.Equal(("complaints.status_not_allowed", "status"), (reason.Code, reason.Field));
        Assert.Contains("已答复", reason.Message, StringComparison.Ordinal);
        Assert.Contains("不予受理", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-22")] // plain weeks
    [InlineData("2026-09-23", "2026-10-21")] // 中秋 and 国庆 off, Saturday 10-10 worked
    public void Handling_is_due_on_the_fifteenth_working_day_after_receipt(string received, string due)
        => Assert.Equal(D(due), Complaint.DueOn(Real.Value, D(received)));

    [Theory]
    [InlineData(ComplaintStatus.Handling, "2026-12-23", true)]
    [InlineData(ComplaintStatus.Handling, "2026-12-22", false)]
    [InlineData(ComplaintStatus.Replied, "2027-01-30", false)]
    public void An_open_complaint_past_its_due_day_is_overdue(ComplaintStatus status, string today, bool overdue)
        => Assert.Equal(overdue, Complaint.IsOverdue(status, D("2026-12-22"), D(today)));

    [Theory]
    [InlineData(1, "Complaint", "执法人员在检查中态度恶劣并索要好处", "", "", null)]
    [InlineData(1, "举报", "某诊所无证行医多日，请予查处", "", "13800138000", null)]
    [InlineData(null, "Complaint", "执法人员在检查中态度恶劣并索要好处", "", "", "agencyId")]
    [InlineData(1, "", "执法人员在检查中态度恶劣并索要好处", "", "", "kind")]
    [InlineData(1, "Complaint", "", "", "", "content")]
    [InlineData(1, "Complaint", "太短", "", "", "content")]
    [InlineData(1, "Complaint", "执法人员在检查中态度恶劣并索要好处", "", "12345", "contactPhone")]
    [InlineData(1, "Complaint", "执法人员在检查中态度恶劣并索要好处", "http://spam", "", "website")]
    public void A_submission_names_the_field_it_is_refused_for(int? agencyId, string kind, string content, string website, string phone, string? field)
    {
        var errors = Complaint.ValidateSubmission(agencyId, agencyId is not null, kind, content, null, null, phone, website);
        if (field is null) Assert.False(errors.Any, string.Join("；", errors.Items.Select(e => e.Message)));
        else Assert.Equal([field], errors.Items.Select(e => e.Field));
    }

    [Fact]
    public void Content_longer_than_the_limit_is_refused()
    {
        var errors = Complaint.ValidateSubmission(1, true, "Report", new string('违', Complaint.ContentMaxLength + 1), null, null, null, null);
        Assert.Contains(errors.Items, e => e.Field == "content" && e.Code == "too_long");
    }
}
