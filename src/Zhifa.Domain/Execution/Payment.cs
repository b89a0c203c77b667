using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Execution;

/// <summary>A payment of the fine or of the late fee (缴款记录), with its receipt or bank reference.</summary>
public sealed class PaymentRecord
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public decimal AmountYuan { get; set; }
    public DateOnly PaidOn { get; set; }
    /// <summary>罚没款收据号 or the bank's transaction reference.</summary>
    public string Reference { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

public enum ArrangementKind { Deferral, Instalments }

public enum ApprovalStatus { Pending, Approved, Rejected }

/// <summary>
/// The party's application to pay later (暂缓) or in instalments (分期, 行政处罚法 art. 66), decided by the head; once
/// approved its schedule replaces the due dates before it.
/// </summary>
public sealed class PaymentArrangement
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public ArrangementKind Kind { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The due dates and amounts, written "2027-01-15=500.00;2027-02-15=500.00" (see <see cref="PaymentRules.FormatSchedule"/>).</summary>
    public string Schedule { get; set; } = "";
    public ApprovalStatus Status { get; set; }
    public int RequestedByUserId { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string DecisionNote { get; set; } = "";

    public IReadOnlyList<Instalment> Instalments => PaymentRules.ParseSchedule(Schedule);

    /// <summary>The head decides once; nobody decides their own application, and a refusal says why.</summary>
    public void Decide(bool approve, string decidedBy, int deciderUserId, string? note, DateTime now)
    {
        if (Status != ApprovalStatus.Pending) throw new DomainValidationException("status", "already_decided", Messages.Get("execution.arrangement.already_decided"));
        if (deciderUserId == RequestedByUserId) throw new DomainValidationException("status", "own_request", Messages.Get("execution.arrangement.own_request"));
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new DomainValidationException("note", "required", Messages.Get("execution.arrangement.rejection_reason_required"));
        Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionNote = note?.Trim() ?? "";
    }
}

/// <summary>One due date of the fine and the amount due on it.</summary>
public sealed record Instalment(DateOnly Due, decimal Amount);

/// <summary>A payment as the arithmetic needs it.</summary>
public sealed record Paid(DateOnly On, decimal Amount);

/// <summary>Where the payment of a fine stands on a day; every amount is in yuan, exact to the fen.</summary>
public sealed record PaymentPosition(
    decimal Fine, decimal PrincipalPaid, decimal PrincipalOutstanding, decimal OverduePrincipal,
    decimal LateFee, decimal LateFeePaid, decimal LateFeeOutstanding, DateOnly? NextDue, int DaysOverdue)
{
    public decimal TotalOutstanding => PrincipalOutstanding + LateFeeOutstanding;
    public bool Overdue => OverduePrincipal > 0;
    public bool PaidInFull => TotalOutstanding == 0;
}

/// <summary>
/// LAW-7 (行政处罚法 art. 67, 72): a fine is paid within 15 days of service; after its due date the late fee
/// (加处罚款) is 3 % a day, never more than the fine. Pure arithmetic on exact decimals.
/// </summary>
public static class PaymentRules
{
    /// <summary>Art. 67: fifteen days from receiving the decision — calendar days (not one of art. 85's 2/3/5/7).</summary>
    public const int PaymentDays = LegalPeriods.FinePaymentDays;

    public const decimal DailyLateFeeRate = 0.03m;

    /// <summary>
    /// Art. 67: the fifteenth calendar day after service; a last day that is a rest day moves to the next working day
    /// (民法典第二百零三条, <see cref="LegalPeriods.FinePayment"/>), so the late fee of art. 72 starts only after it.
    /// </summary>
    public static PeriodEnd DueOn(DateOnly servedOn, WorkingDayCalendar calendar) => LegalPeriods.FinePayment.EndFrom(servedOn, calendar);

    public static string Label(ArrangementKind kind) => kind == ArrangementKind.Deferral ? Messages.Get("execution.arrangement.kind.deferral") : Messages.Get("execution.arrangement.kind.instalments");

    public static string Label(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => Messages.Get("execution.arrangement.status.pending"),
        ApprovalStatus.Approved => Messages.Get("execution.arrangement.status.approved"),
        ApprovalStatus.Rejected => Messages.Get("execution.arrangement.status.rejected"),
        _ => status.ToString(),
    };

    /// <summary>Yuan with two decimals and thousands separators, as amounts are written on documents: 1,234.50.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static bool IsFen(decimal amount) => decimal.Round(amount, 2) == amount;

    public static string FormatSchedule(IEnumerable<Instalment> items)
        => string.Join(';', items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Due:yyyy-MM-dd}={i.Amount:0.00}")));

    public static IReadOnlyList<Instalment> ParseSchedule(string text)
        => text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var kv = part.Split('=');
            return new Instalment(DateOnly.ParseExact(kv[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), decimal.Parse(kv[1], CultureInfo.InvariantCulture));
        }).ToList();

    /// <summary>
    /// The schedule in force: the latest approved arrangement's, otherwise the whole fine on the statutory due date.
    /// </summary>
    public static IReadOnlyList<Instalment> ScheduleInForce(decimal fine, DateOnly statutoryDue, IEnumerable<PaymentArrangement> arrangements)
        => arrangements.Where(a => a.Status == ApprovalStatus.Approved).OrderBy(a => a.DecidedAt).ThenBy(a => a.Id).LastOrDefault()?.Instalments
           ?? [new Instalment(statutoryDue, fine)];

    /// <summary>
    /// Checks an application: a deferral names one later due date; instalments name at least two ascending dates whose
    /// amounts, each to the fen, add up to the fine. Each date lies after the due date now in force.
    /// </summary>
    public static ValidationErrors ValidateArrangement(ArrangementKind? kind, string? reason, IReadOnlyList<Instalment> schedule, decimal fine, DateOnly currentFirstDue)
    {
        var errors = new ValidationErrors().Required("reason", reason, Messages.Get("execution.arrangement.field.reason_long")).MaxLength("reason", reason, 2000, Messages.Get("execution.arrangement.field.reason"));
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add("kind", "required", Messages.Get("execution.arrangement.kind_required"));
            return errors;
        }
        if (k == ArrangementKind.Deferral)
        {
            if (schedule.Count != 1) errors.Add("schedule", "deferral_one_date", Messages.Get("execution.arrangement.deferral_one_date"));
            else if (schedule[0].Due <= currentFirstDue)
                errors.Add("schedule", "not_later", Messages.Get("execution.arrangement.not_later", currentFirstDue));
            return errors;
        }
        if (schedule.Count < 2) errors.Add("schedule", "too_few", Messages.Get("execution.arrangement.too_few"));
        for (int i = 0; i < schedule.Count; i++)
        {
            if (schedule[i].Amount <= 0 || !IsFen(schedule[i].Amount)) errors.Add("schedule", "amount_invalid", Messages.Get("execution.arrangement.amount_invalid", i + 1));
            if (i > 0 && schedule[i].Due <= schedule[i - 1].Due) errors.Add("schedule", "not_ascending", Messages.Get("execution.arrangement.not_ascending", i + 1, i));
        }
        if (schedule.Count > 0 && schedule[0].Due < currentFirstDue)
            errors.Add("schedule", "before_due", Messages.Get("execution.arrangement.before_due", currentFirstDue));
        var sum = schedule.Sum(s => s.Amount);
        if (schedule.Count >= 2 && sum != fine)
            errors.Add("schedule", "sum_mismatch", Messages.Get("execution.arrangement.sum_mismatch", Yuan(sum), Yuan(fine)));
        return errors;
    }

    /// <summary>
    /// The position on <paramref name="asOf"/>. Payments go to the fine first and then to the late fee, so that a paid
    /// fine stops the late fee. The late fee runs for each day after a due date on which the amount due by then is not
    /// yet paid (the day of the payment still counts), at 3 % of that unpaid amount; the sum is capped at the fine and
    /// rounded half away from zero to the fen once, at the end (四舍五入到分).
    /// </summary>
    public static PaymentPosition Position(decimal fine, IReadOnlyList<Instalment> schedule, IEnumerable<Paid> payments, DateOnly asOf)
    {
        var paid = payments.Where(p => p.On <= asOf).OrderBy(p => p.On).ToList();
        decimal PrincipalPaidBefore(DateOnly day) => Math.Min(fine, paid.Where(p => p.On < day).Sum(p => p.Amount));
        decimal DueBefore(DateOnly day) => schedule.Where(s => s.Due < day).Sum(s => s.Amount);

        decimal fee = 0m;
        if (schedule.Count > 0)
        {
            var start = schedule.Min(s => s.Due).AddDays(1);
            var end = asOf.AddDays(1);
            // The unpaid amount changes only the day after a due date or a payment: sum over those stretches.
            var points = schedule.Select(s => s.Due.AddDays(1)).Concat(paid.Select(p => p.On.AddDays(1)))
                .Append(start).Append(end).Where(d => d >= start && d <= end).Distinct().Order().ToList();
            for (int i = 0; i + 1 < points.Count; i++)
            {
                var unpaid = Math.Max(0m, DueBefore(points[i]) - PrincipalPaidBefore(points[i]));
                fee += unpaid * DailyLateFeeRate * (points[i + 1].DayNumber - points[i].DayNumber);
            }
        }
        var lateFee = decimal.Round(Math.Min(fee, fine), 2, MidpointRounding.AwayFromZero);

        var totalPaid = paid.Sum(p => p.Amount);
        var principalPaid = Math.Min(fine, totalPaid);
        var lateFeePaid = Math.Min(lateFee, totalPaid - principalPaid);
        var overdue = Math.Max(0m, DueBefore(asOf) - principalPaid);
        var next = schedule.Where(s => s.Due >= asOf).OrderBy(s => s.Due).Select(s => (DateOnly?)s.Due).FirstOrDefault();
        // Days overdue: since the earliest due date whose amount is still unpaid.
        int days = 0;
        if (overdue > 0)
        {
            decimal cumulative = 0;
            foreach (var s in schedule.OrderBy(s => s.Due))
            {
                cumulative += s.Amount;
                if (cumulative > principalPaid) { days = asOf.DayNumber - s.Due.DayNumber; break; }
            }
        }
        return new PaymentPosition(fine, principalPaid, fine - principalPaid, overdue, lateFee, lateFeePaid, lateFee - lateFeePaid,
            principalPaid < fine ? next : null, days);
    }

    /// <summary>
    /// A payment is positive, to the fen, not more than is owed that day, and dated neither in the future nor before the
    /// decision was served: the obligation is the served decision's (行政处罚法第六十七条: 自收到行政处罚决定书之日起),
    /// which the party pays once it has it. <paramref name="decisionServedOn"/> is the day of the first service of the
    /// decision — for 公告送达 the day the announcement was published, as a party may pay while it runs.
    /// </summary>
    public static ValidationErrors ValidatePayment(decimal? amount, DateOnly? paidOn, string? reference, DateOnly decisionServedOn, DateOnly today, decimal? owedThatDay)
    {
        var errors = new ValidationErrors().Required("reference", reference, Messages.Get("execution.payment.field.reference")).MaxLength("reference", reference, 100, Messages.Get("execution.payment.field.reference"));
        if (amount is not { } a) errors.Add("amountYuan", "required", Messages.Get("execution.payment.amount_required"));
        else if (a <= 0 || !IsFen(a)) errors.Add("amountYuan", "invalid", Messages.Get("execution.payment.amount_invalid"));
        else if (owedThatDay is { } owed && a > owed) errors.Add("amountYuan", "too_much", Messages.Get("execution.payment.too_much", Yuan(owed)));
        if (paidOn is not { } d) errors.Add("paidOn", "required", Messages.Get("execution.payment.paid_on_required"));
        else errors.EventDay("paidOn", Messages.Get("execution.payment.field.paid_on"), d, today, new PriorDay(Messages.Get("execution.payment.field.served_on"), decisionServedOn));
        return errors;
    }
}
