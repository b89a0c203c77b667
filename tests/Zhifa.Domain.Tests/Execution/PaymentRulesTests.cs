using System.Globalization;
using Zhifa.Domain.Execution;

namespace Zhifa.Domain.Tests.Execution;

/// <summary>LAW-7: due date, 加处罚款 arithmetic on exact decimals, the cap, rounding to the fen, deferral and instalments.</summary>
public sealed class PaymentRulesTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Paid[] Payments(string spec) => spec.Length == 0 ? []
        : spec.Split(';').Select(p => p.Split('=')).Select(kv => new Paid(D(kv[0]), decimal.Parse(kv[1], CultureInfo.InvariantCulture))).ToArray();

    [Theory]
    [InlineData("2026-12-01", "2026-12-16")]
    [InlineData("2026-12-20", "2027-01-04")] // across the year end, calendar days
    [InlineData("2026-09-30", "2026-10-15")] // National Day week: calendar days are not moved by holidays
    [InlineData("2026-02-14", "2026-03-02")] // holidays inside do not count either; day 15 is Sunday 1 March, moved to Monday
    public void The_fine_is_due_fifteen_calendar_days_after_service(string served, string due)
        => Assert.Equal(D(due), PaymentRules.DueOn(D(served), Calendar.OfficialCalendar.Shared.Value).Last);

    [Theory]
    // fine, due, payments, as of, late fee, outstanding in total
    [InlineData("1000.00", "2026-12-16", "", "2026-12-16", "0.00", "1000.00")]             // the due day itself is not late
    [InlineData("1000.00", "2026-12-16", "", "2026-12-17", "30.00", "1030.00")]            // one day: 3 %
    [InlineData("1000.00", "2026-12-16", "", "2026-12-20", "120.00", "1120.00")]           // four days
    [InlineData("1000.00", "2026-12-16", "", "2027-01-18", "990.00", "1990.00")]           // 33 days: 99 %, just under the cap
    [InlineData("1000.00", "2026-12-16", "", "2027-01-19", "1000.00", "2000.00")]          // 34 days would be 1,020: capped at the fine
    [InlineData("1000.00", "2026-12-16", "", "2027-06-30", "1000.00", "2000.00")]          // and it stays at the cap
    [InlineData("333.33", "2026-12-16", "", "2026-12-19", "30.00", "363.33")]              // 3 × 9.9999 = 29.9997 → 30.00
    [InlineData("1.50", "2026-12-16", "", "2026-12-17", "0.05", "1.55")]                   // 0.045 rounds half away from zero, not to even
    [InlineData("0.50", "2026-12-16", "", "2026-12-17", "0.02", "0.52")]                   // 0.015 → 0.02
    [InlineData("1234.56", "2026-12-16", "", "2026-12-23", "259.26", "1493.82")]          // 7 × 37.0368 = 259.2576 → 259.26
    [InlineData("1000.00", "2026-12-16", "2026-12-10=1000.00", "2026-12-30", "0.00", "0.00")]      // paid in time
    [InlineData("1000.00", "2026-12-16", "2026-12-17=1000.00", "2026-12-30", "30.00", "30.00")]    // paid a day late: one day of late fee stays owed
    [InlineData("1000.00", "2026-12-16", "2026-12-17=1030.00", "2026-12-30", "30.00", "0.00")]     // fine and late fee paid
    [InlineData("1000.00", "2026-12-16", "2026-12-18=600.00", "2026-12-20", "84.00", "484.00")]    // 2 × 30 + 2 × 12
    [InlineData("1000.00", "2026-12-16", "2026-12-18=600.00;2026-12-19=400.00", "2027-01-31", "72.00", "72.00")] // 60 + 12, then nothing more
    public void The_late_fee_is_three_percent_a_day_of_what_is_unpaid_capped_at_the_fine_and_rounded_to_the_fen(
        string fine, string due, string payments, string asOf, string lateFee, string outstanding)
    {
        var f = decimal.Parse(fine, CultureInfo.InvariantCulture);
        var p = PaymentRules.Position(f, [new Instalment(D(due), f)], Payments(payments), D(asOf));
        Assert.Equal(decimal.Parse(lateFee, CultureInfo.InvariantCulture), p.LateFee);
        Assert.Equal(decimal.Parse(outstanding, CultureInfo.InvariantCulture), p.TotalOutstanding);
    }

    [Fact]
    public void Payments_go_to_the_fine_first_so_a_paid_fine_stops_the_late_fee()
    {
        var p = PaymentRules.Position(1000m, [new Instalment(D("2026-12-16"), 1000m)], Payments("2026-12-20=1000.00"), D("2027-02-01"));
        Assert.Equal(0m, p.PrincipalOutstanding);
        Assert.Equal(120m, p.LateFee);
        Assert.Equal(0m, p.LateFeePaid);
        Assert.False(p.Overdue);
        Assert.False(p.PaidInFull);
    }

    [Fact]
    public void Instalments_run_a_late_fee_only_on_the_instalment_that_is_overdue()
    {
        Instalment[] schedule = [new(D("2027-01-15"), 500m), new(D("2027-02-15"), 500m)];
        var inTime = PaymentRules.Position(1000m, schedule, Payments("2027-01-15=500.00"), D("2027-02-10"));
        Assert.Equal(0m, inTime.LateFee);
        Assert.False(inTime.Overdue);
        Assert.Equal(D("2027-02-15"), inTime.NextDue);

        var late = PaymentRules.Position(1000m, schedule, Payments("2027-01-15=500.00"), D("2027-02-18"));
        Assert.Equal(45m, late.LateFee); // 3 days × 3 % × 500
        Assert.Equal(500m, late.OverduePrincipal);
        Assert.Equal(3, late.DaysOverdue);

        var firstMissed = PaymentRules.Position(1000m, schedule, [], D("2027-01-20"));
        Assert.Equal(75m, firstMissed.LateFee); // 5 × 15
        Assert.Equal(500m, firstMissed.OverduePrincipal);
    }

    [Fact]
    public void An_approved_deferral_moves_the_due_date_and_the_latest_approval_wins()
    {
        var statutory = D("2026-12-16");
        var rejected = new PaymentArrangement { Id = 1, Status = ApprovalStatus.Rejected, Schedule = "2027-03-01=1000.00", DecidedAt = new DateTime(2026, 12, 10) };
        Assert.Equal(statutory, Assert.Single(PaymentRules.ScheduleInForce(1000m, statutory, [rejected])).Due);

        var deferral = new PaymentArrangement { Id = 2, Status = ApprovalStatus.Approved, Schedule = "2027-01-31=1000.00", DecidedAt = new DateTime(2026, 12, 11) };
        var instalments = new PaymentArrangement { Id = 3, Status = ApprovalStatus.Approved, Schedule = "2027-02-28=400.00;2027-03-31=600.00", DecidedAt = new DateTime(2026, 12, 12) };
        Assert.Equal(D("2027-01-31"), Assert.Single(PaymentRules.ScheduleInForce(1000m, statutory, [rejected, deferral])).Due);
        Assert.Equal([D("2027-02-28"), D("2027-03-31")], PaymentRules.ScheduleInForce(1000m, statutory, [instalments, deferral, rejected]).Select(i => i.Due));

        var position = PaymentRules.Position(1000m, PaymentRules.ScheduleInForce(1000m, statutory, [deferral]), [], D("2027-01-20"));
        Assert.Equal(0m, position.LateFee);
    }

    public static TheoryData<ArrangementKind?, string, string, string[]> Applications => new()
    {
        { ArrangementKind.Deferral, "经济困难", "2027-01-31=1000.00", [] },
        { ArrangementKind.Deferral, "经济困难", "2026-12-10=1000.00", ["not_later"] },
        { ArrangementKind.Deferral, "", "2027-01-31=1000.00", ["required"] },
        { ArrangementKind.Instalments, "经济困难", "2026-12-31=500.00;2027-01-31=500.00", [] },
        { ArrangementKind.Instalments, "经济困难", "2026-12-31=500.00;2027-01-31=499.99", ["sum_mismatch"] },
        { ArrangementKind.Instalments, "经济困难", "2027-01-31=500.00;2026-12-31=500.00", ["not_ascending"] },
        { ArrangementKind.Instalments, "经济困难", "2026-12-31=1000.00", ["too_few"] },
        { ArrangementKind.Instalments, "经济困难", "2026-12-31=500.005;2027-01-31=499.995", ["amount_invalid", "amount_invalid"] },
        { null, "经济困难", "", ["required"] },
    };

    [Theory]
    [MemberData(nameof(Applications))]
    public void An_application_for_deferral_or_instalments_is_checked_against_the_fine_and_the_due_date(ArrangementKind? kind, string reason, string schedule, string[] codes)
    {
        var errors = PaymentRules.ValidateArrangement(kind, reason, PaymentRules.ParseSchedule(schedule), 1000m, D("2026-12-16"));
        Assert.Equal(codes, errors.Items.Select(e => e.Code));
    }

    [Theory]
    [InlineData("100.00", "2026-12-10", "收据 001", 0)]
    [InlineData("100.001", "2026-12-10", "收据 001", 1)]
    [InlineData("0", "2026-12-10", "收据 001", 1)]
    [InlineData("100.00", "2026-12-31", "收据 001", 1)] // in the future
    [InlineData("100.00", "2026-11-01", "收据 001", 1)] // before the decision was served
    [InlineData("100.00", "2026-12-10", "", 1)]
    [InlineData("2000.00", "2026-12-10", "收据 001", 1)] // more than owed
    public void A_payment_is_positive_to_the_fen_dated_and_referenced(string amount, string paidOn, string reference, int errors)
    {
        var result = PaymentRules.ValidatePayment(decimal.Parse(amount, CultureInfo.InvariantCulture), D(paidOn), reference, D("2026-11-20"), D("2026-12-20"), 1000m);
        Assert.Equal(errors, result.Items.Count);
    }

    [Fact]
    public void The_schedule_is_written_and_read_back_exactly()
    {
        Instalment[] items = [new(D("2027-01-15"), 333.33m), new(D("2027-02-15"), 666.67m)];
        var text = PaymentRules.FormatSchedule(items);
        Assert.Equal("2027-01-15=333.33;2027-02-15=666.67", text);
        Assert.Equal(items, PaymentRules.ParseSchedule(text));
        Assert.Equal("1,234,567.50", PaymentRules.Yuan(1234567.5m));
    }
}
