using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Tests.Cases;

/// <summary>LAW-8 art. 25: a 查封、扣押 lasts 30 days and is extended at most once, by at most 30, while it runs.</summary>
public sealed class SeizureExtensionTests
{
    private static readonly DateOnly Start = new(2026, 9, 1);

    [Theory]
    [InlineData(0, "2026-10-01")]
    [InlineData(1, "2026-10-02")]
    [InlineData(15, "2026-10-16")]
    [InlineData(30, "2026-10-31")]
    public void A_seizure_ends_thirty_calendar_days_after_it_started_plus_the_approved_days(int extensionDays, string ends)
        => Assert.Equal(DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture), CaseDeadlines.SeizureEnds(Start, extensionDays));

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public void No_extension_is_shorter_than_nothing_or_longer_than_thirty_days(int extensionDays)
        => Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.SeizureEnds(Start, extensionDays));

    private static SeizureExtension Existing(SeizureExtensionStatus status, int days = 20) => new() { Status = status, Days = days, RequestedByUserId = 7 };

    /// <summary>Category, step, days since the seizure started (null: not carried out), earlier requests, days asked, reason → refused codes.</summary>
    public static TheoryData<CaseCategory, string, int?, SeizureExtensionStatus[], int?, string?, string[]> Requests => new()
    {
        { CaseCategory.Coercion, CaseSteps.CoercionImplemented, 10, [], 30, "案情复杂，需检验", [] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 30, [], 1, "案情复杂", [] },
        // A refused request is no extension: the handler may ask again while the 30 days run.
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 20, [SeizureExtensionStatus.Rejected], 10, "补充理由", [] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 20, [SeizureExtensionStatus.Approved], 10, "再次延长", ["already_extended"] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 20, [SeizureExtensionStatus.Rejected, SeizureExtensionStatus.Approved], 10, "再次延长", ["already_extended"] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 20, [SeizureExtensionStatus.Pending], 10, "重复申请", ["pending"] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 31, [], 10, "期限已过", ["expired"] },
        { CaseCategory.Coercion, CaseSteps.CoercionApproval, null, [], 10, "尚未实施", ["not_in_force"] },
        { CaseCategory.Coercion, CaseSteps.CoercionResolved, 5, [], 10, "已经解除", ["not_in_force"] },
        { CaseCategory.Penalty, CaseSteps.Investigation, 5, [], 10, "不是强制", ["not_in_force"] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 10, [], 0, "天数为零", ["out_of_range"] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 10, [], 31, "超过三十日", ["out_of_range"] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 10, [], null, " ", ["required", "required"] },
        { CaseCategory.Coercion, CaseSteps.CoercionHandling, 31, [SeizureExtensionStatus.Pending], 40, null, ["pending", "out_of_range", "required"] },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_is_refused_for_each_rule_it_breaks(CaseCategory category, string step, int? startedDaysAgo,
        SeizureExtensionStatus[] earlier, int? days, string? reason, string[] refused)
    {
        var today = Start.AddDays(startedDaysAgo ?? 0);
        DateOnly? start = startedDaysAgo is null ? null : Start;
        var errors = SeizureExtension.CheckRequest(category, step, start, today, earlier.Select(s => Existing(s)).ToList(), days, reason);
        Assert.Equal(refused, errors.Items.Select(e => e.Code));
    }

    [Fact]
    public void A_second_extension_is_refused_with_the_end_it_already_has()
    {
        var errors = SeizureExtension.CheckRequest(CaseCategory.Coercion, CaseSteps.CoercionHandling, Start, Start.AddDays(35),
            [Existing(SeizureExtensionStatus.Approved, 20)], 10, "再次延长");
        var e = Assert.Single(errors.Items);
        Assert.Equal("case", e.Field);
        Assert.Equal("查封、扣押期限只能延长一次（行政强制法第二十五条），本案已经批准延长 20 日，至 2026年10月21日", e.Message);
    }

    [Fact]
    public void A_late_request_says_when_the_thirty_days_ran_out()
    {
        var e = Assert.Single(SeizureExtension.CheckRequest(CaseCategory.Coercion, CaseSteps.CoercionHandling, Start, Start.AddDays(31), [], 10, "期限已过").Items);
        Assert.Equal("查封、扣押期限已于 2026年10月1日 届满，不能再申请延长", e.Message);
    }

    /// <summary>Approve?, decider, note, days since the start (null: seizure no longer in force), status before → refused code or the status after.</summary>
    public static TheoryData<bool, int, string?, int?, SeizureExtensionStatus, string> Decisions => new()
    {
        { true, 9, null, 10, SeizureExtensionStatus.Pending, "Approved" },
        { true, 9, "同意", 30, SeizureExtensionStatus.Pending, "Approved" },
        { false, 9, "理由不充分", 10, SeizureExtensionStatus.Pending, "Rejected" },
        // Refusing a lapsed or lifted seizure's request is still possible; approving it is not.
        { false, 9, "已届满", 31, SeizureExtensionStatus.Pending, "Rejected" },
        { false, 9, " ", 10, SeizureExtensionStatus.Pending, "required" },
        { true, 7, "同意", 10, SeizureExtensionStatus.Pending, "own_request" },
        { true, 9, "同意", 31, SeizureExtensionStatus.Pending, "expired" },
        { true, 9, "同意", null, SeizureExtensionStatus.Pending, "not_in_force" },
        { true, 9, "同意", 10, SeizureExtensionStatus.Approved, "already_decided" },
        { false, 9, "再议", 10, SeizureExtensionStatus.Rejected, "already_decided" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_head_decides_a_pending_request_once_and_a_refusal_says_why(bool approve, int deciderUserId, string? note, int? daysSinceStart,
        SeizureExtensionStatus before, string expected)
    {
        var x = Existing(before);
        var today = Start.AddDays(daysSinceStart ?? 0);
        DateOnly? ends = daysSinceStart is null ? null : CaseDeadlines.SeizureEnds(Start);
        var now = new DateTime(2026, 9, 20, 2, 0, 0, DateTimeKind.Utc);
        try
        {
            x.Decide(approve, "head", deciderUserId, note, now, today, ends);
        }
        catch (DomainValidationException ex)
        {
            Assert.Equal(expected, Assert.Single(ex.Errors).Code);
            Assert.Equal(before, x.Status);
            return;
        }
        Assert.Equal(expected, x.Status.ToString());
        Assert.Equal("head", x.DecidedBy);
        Assert.Equal(now, x.DecidedAt);
    }

    [Fact]
    public void Only_the_approved_request_counts_towards_the_end()
        => Assert.Equal(12, SeizureExtension.ApprovedDays([Existing(SeizureExtensionStatus.Rejected, 30), Existing(SeizureExtensionStatus.Approved, 12)]));
}
