using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Execution;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Decisions;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Execution;

/// <summary>One service record as shown, with the day it counts from.</summary>
public sealed record ServiceView(int Id, int DocumentId, string DocumentTypeCode, string DocumentTitle, bool IsDecision, string Method, string MethodLabel,
    string Recipient, DateTime ServedAt, DateOnly EffectiveOn, bool Effective, string Place, string Witnesses, string LeftReason, string TrackingNumber,
    string AnnouncementWhere, int AnnouncementDays, int? ConsentId, string ElectronicAddress, string Intermediary, int? ReceiptDocumentId,
    string RecordedBy, DateTime RecordedAt);

public sealed record ConsentView(int Id, string PartyName, string Address, DateOnly SignedOn, string RecordedBy, DateTime RecordedAt);

public sealed record InstalmentView(DateOnly Due, decimal AmountYuan);

public sealed record ArrangementView(int Id, string Kind, string KindLabel, string Reason, IReadOnlyList<InstalmentView> Schedule, string Status,
    string StatusLabel, string RequestedBy, DateTime RequestedAt, string DecidedBy, DateTime? DecidedAt, string DecisionNote);

public sealed record PaymentView(int Id, decimal AmountYuan, DateOnly PaidOn, string Reference, string RecordedBy, DateTime RecordedAt);

public sealed record PositionView(decimal FineYuan, decimal PrincipalPaidYuan, decimal PrincipalOutstandingYuan, decimal OverduePrincipalYuan,
    decimal LateFeeYuan, decimal LateFeePaidYuan, decimal LateFeeOutstandingYuan, decimal TotalOutstandingYuan, DateOnly? NextDue, bool Overdue,
    int DaysOverdue, bool PaidInFull, IReadOnlyList<InstalmentView> Schedule, string Basis, bool CalendarEstimated = false, string? CalendarNote = null);

/// <summary>
/// The court-enforcement window: <c>Opens</c> is the earliest day to apply and <c>OpensBasis</c> the rule that sets it;
/// <c>DemandPeriodEnds</c> is the tenth working day after the 催告书 was served.
/// </summary>
public sealed record WindowView(DateOnly? DemandServedOn, DateOnly? DemandPeriodEnds, DateOnly? Opens, string? OpensBasis, DateOnly Closes, DateOnly RemediesEnd,
    bool OpenToday, IReadOnlyList<UnmetReason> RefusedToday);

public sealed record EnforcementView(int Id, DateOnly AppliedOn, string Court, string Reference, string RecordedBy, string Outcome, string OutcomeLabel,
    DateOnly? OutcomeOn, string OutcomeNote, bool Concluded);

public sealed record ExtensionView(int Id, int Days, string Reason, string ApprovedBy, DateTime ApprovedAt);

/// <summary>A remedy period; <see cref="CalendarNote"/> when its last day was checked in a year whose holiday notice is not loaded.</summary>
public sealed record RemedyView(string Label, DateOnly Ends, bool Running, string Basis, bool CalendarEstimated = false, string? CalendarNote = null);

/// <summary>Everything the execution area shows for a case, computed from its rows and history today (never stored).</summary>
public sealed record ExecutionSummary(
    int CaseId, string CaseNumber, string Step, string StepLabel, DateOnly Today,
    DateTime? DecidedAt, DateOnly? ServiceDue, bool ServiceOverdue, string ServiceBasis, string? ServiceCalendarNote,
    DateOnly? DecisionServedOn, IReadOnlyList<ServiceView> Services, IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<RemedyView> Remedies,
    bool PaymentRequired, decimal? FineYuan, decimal? ConfiscationYuan, string PaymentNote, PositionView? Payment,
    IReadOnlyList<PaymentView> Payments, IReadOnlyList<ArrangementView> Arrangements,
    IReadOnlyList<int> DemandNoticeIds, bool MayDemandToday, string? DemandRefusal, WindowView? Enforcement, IReadOnlyList<EnforcementView> Applications,
    DateOnly? DecisionLimitDue, IReadOnlyList<ExtensionView> Extensions,
    int? ClosingReportId, IReadOnlyList<UnmetReason> ClosureUnmet, IReadOnlyList<DeadlineView> Deadlines);

/// <summary>
/// Reads the execution of a case (LAW-5 art. 60/61, LAW-7, LAW-8, LAW-9): service and its deadline, remedies, payment
/// and late fee, the court-enforcement window, extensions of the decision limit and what closure still needs. It depends
/// on nothing that moves a case, so the step service and the deadline list can ask it.
/// </summary>
public sealed class ExecutionStateService(AppDbContext db, ProposalService proposals, CalendarService calendar, TimeProvider time,
    CaseService cases, Documents.DocumentService documentService) : ICaseDeadlineSource, ICaseExecutionState
{
    public const string ClosingReportType = "closing-report";

    public DateOnly Today => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    public static DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(Display.ToChina(utc));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The decision date: when the case moved to 决定 (the first such move of its history).</summary>
    public async Task<DateTime?> DecidedAtAsync(int caseId)
        => await cases.ReachedAtAsync(caseId, CaseSteps.Decided);

    /// <summary>The fine the decision imposes, from the proposal it was issued from; null when it imposes none.</summary>
    public static decimal? FineOf(DecisionProposal? p)
        => p is { Outcome: DecisionOutcome.Penalty, FineYuan: > 0 } && p.Kinds.Contains(PenaltyKind.Fine) ? p.FineYuan : null;

    public static ServiceView View(ServiceRecord s, DateOnly today)
    {
        var effective = ServiceRules.EffectiveOn(s.Method, ChinaDay(s.ServedAt), s.AnnouncementDays);
        return new(s.Id, s.DocumentId, s.DocumentTypeCode, s.DocumentTitle, ServiceRules.IsDecision(s.DocumentTypeCode), s.Method.ToString(),
            ServiceRules.Label(s.Method), s.Recipient, s.ServedAt, effective, effective <= today, s.Place, s.Witnesses, s.LeftReason, s.TrackingNumber,
            s.AnnouncementWhere, s.AnnouncementDays, s.ConsentId, s.ElectronicAddress, s.Intermediary, s.ReceiptDocumentId, s.RecordedBy, s.RecordedAt);
    }

    public static ConsentView View(ElectronicServiceConsent x) => new(x.Id, x.PartyName, x.Address, x.SignedOn, x.RecordedBy, x.RecordedAt);

    public static PaymentView View(PaymentRecord p) => new(p.Id, p.AmountYuan, p.PaidOn, p.Reference, p.RecordedBy, p.RecordedAt);

    public static ArrangementView View(PaymentArrangement a) => new(a.Id, a.Kind.ToString(), PaymentRules.Label(a.Kind), a.Reason,
        a.Instalments.Select(i => new InstalmentView(i.Due, i.Amount)).ToList(), a.Status.ToString(), PaymentRules.Label(a.Status),
        a.RequestedBy, a.RequestedAt, a.DecidedBy, a.DecidedAt, a.DecisionNote);

    public static EnforcementView View(EnforcementApplication a) => new(a.Id, a.AppliedOn, a.Court, a.Reference, a.RecordedBy, a.Outcome.ToString(),
        EnforcementRules.Label(a.Outcome), a.OutcomeOn, a.OutcomeNote, a.Concluded);

    /// <summary>Days by which the head extended the 90-day decision limit (art. 60).</summary>
    public async Task<int> ExtensionDaysAsync(int caseId)
        => await db.Set<DecisionLimitExtension>().Where(x => x.CaseId == caseId).SumAsync(x => (int?)x.Days) ?? 0;

    /// <summary>
    /// The court-enforcement window (行政强制法第五十三条、第五十四条、第六十九条) on the official calendar: the ten working days
    /// after the 催告书, and the review, litigation and application periods moved off rest days. The note, in brackets,
    /// says when the ten working days ran through a year whose holiday notice is not loaded.
    /// </summary>
    public async Task<(EnforcementWindow Window, string CalendarNote)> EnforcementWindowAsync(DateOnly decisionServedOn, DateOnly? demandServedOn)
    {
        var cal = await calendar.GetAsync();
        var window = EnforcementRules.Window(decisionServedOn, demandServedOn, cal);
        var note = window is { DemandServedOn: { } served, DemandPeriodEnds: { } ends }
            && StatutoryHolidays.Note(cal.YearsWithoutData(served.AddDays(1), ends)) is { } n ? $"（{n}）" : "";
        return (window, note);
    }

    public async Task<ExecutionSummary> SummaryAsync(Case c)
    {
        var today = Today;
        var decidedAt = await DecidedAtAsync(c.Id);
        var services = (await db.Set<ServiceRecord>().AsNoTracking().Where(s => s.CaseId == c.Id).OrderBy(s => s.ServedAt).ThenBy(s => s.Id).ToListAsync())
            .Select(s => View(s, today)).ToList();
        var consents = (await db.Set<ElectronicServiceConsent>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync())
            .Select(View).ToList();
        var proposal = await proposals.GetAsync(c.Id);
        var fine = FineOf(proposal);
        var payments = await db.Set<PaymentRecord>().AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.PaidOn).ThenBy(p => p.Id).ToListAsync();
        var arrangements = await db.Set<PaymentArrangement>().AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Id).ToListAsync();
        var applications = await db.Set<EnforcementApplication>().AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Id).ToListAsync();
        var extensions = await db.Set<DecisionLimitExtension>().AsNoTracking().Where(x => x.CaseId == c.Id).OrderBy(x => x.Id).ToListAsync();
        var documents = await documentService.OfTypesAsync(c.Id, ServiceRules.DemandNoticeType, ClosingReportType);

        var cal = await calendar.GetAsync();
        var deadlines = new List<DeadlineView>();
        DateOnly? serviceDue = null;
        string? serviceNote = null;
        string serviceBasis = T("execution.deadline.service_basis");
        var decisionServedOn = services.Where(s => s.IsDecision && s.Effective).Select(s => (DateOnly?)s.EffectiveOn).Min();
        if (decidedAt is { } at && c.Category == CaseCategory.Penalty)
        {
            var r = cal.AddWorkingDays(ChinaDay(at), ServiceRules.DecisionServiceWorkingDays);
            serviceDue = r.Date;
            serviceNote = r.Note;
            if (decisionServedOn is null) deadlines.Add(new DeadlineView(T("execution.deadline.service"), r.Date, today > r.Date, serviceBasis, false, r.UsedYearsWithoutData, r.Note));
        }

        var remedies = new List<RemedyView>();
        if (decisionServedOn is { } served)
        {
            foreach (var (label, end) in new[] { (T("period.reconsideration.name"), EnforcementRules.ReconsiderationEnds(served, cal)), (T("period.litigation.name"), EnforcementRules.LitigationEnds(served, cal)) })
                remedies.Add(new(label, end.Last, today <= end.Last, end.Basis, end.CalendarEstimated, end.CalendarNote));
            deadlines.AddRange(remedies.Where(x => x.Running).Select(x => new DeadlineView(T("execution.deadline.remedy", x.Label), x.Ends, false, x.Basis, false, x.CalendarEstimated, x.CalendarNote)));
        }

        PositionView? position = null;
        PaymentPosition? pos = null;
        string paymentNote = fine is null
            ? (proposal is null ? T("execution.payment.no_proposal") : T("execution.payment.no_fine"))
            : "";
        if (fine is { } f && decisionServedOn is { } servedOn)
        {
            var statutory = PaymentRules.DueOn(servedOn, cal);
            var schedule = PaymentRules.ScheduleInForce(f, statutory.Last, arrangements);
            pos = PaymentRules.Position(f, schedule, payments.Select(p => new Paid(p.PaidOn, p.AmountYuan)), today);
            var approved = arrangements.Where(a => a.Status == ApprovalStatus.Approved).OrderBy(a => a.DecidedAt).LastOrDefault();
            // An approved plan sets its own dates (期日, not a period), so the rest-day rule and its note concern the statutory due day only.
            var basis = approved is null
                ? T("execution.payment.basis_statutory", statutory.Basis)
                : T("execution.payment.basis_approved", PaymentRules.Label(approved.Kind));
            var paymentCalendarNote = approved is null ? statutory.CalendarNote : null;
            position = new PositionView(f, pos.PrincipalPaid, pos.PrincipalOutstanding, pos.OverduePrincipal, pos.LateFee, pos.LateFeePaid,
                pos.LateFeeOutstanding, pos.TotalOutstanding, pos.NextDue, pos.Overdue, pos.DaysOverdue, pos.PaidInFull,
                schedule.Select(i => new InstalmentView(i.Due, i.Amount)).ToList(), basis, paymentCalendarNote is not null, paymentCalendarNote);
            if (!pos.PaidInFull)
            {
                var unpaidDue = pos.Overdue ? today.AddDays(-pos.DaysOverdue) : pos.NextDue ?? schedule[^1].Due;
                deadlines.Add(new DeadlineView(
                    T("execution.deadline.payment", PaymentRules.Yuan(pos.TotalOutstanding), PaymentRules.Yuan(pos.LateFeeOutstanding)),
                    unpaidDue, pos.Overdue, basis, false, paymentCalendarNote is not null, paymentCalendarNote));
            }
        }
        else if (fine is not null) paymentNote = T("execution.payment.starts_on_service");

        var demandIds = documents.Where(d => d.TypeCode == ServiceRules.DemandNoticeType).Select(d => d.Id).ToList();
        var demandServedOn = services.Where(s => s.DocumentTypeCode == ServiceRules.DemandNoticeType && s.Effective).Select(s => (DateOnly?)s.EffectiveOn).Min();
        bool outstanding = pos is { PaidInFull: false };
        var demandRefusal = EnforcementRules.MayDemand(pos is { Overdue: true })?.Message;
        WindowView? window = null;
        if (decisionServedOn is { } s0 && fine is not null)
        {
            var (w, note) = await EnforcementWindowAsync(s0, demandServedOn);
            var refused = EnforcementRules.MayApply(today, outstanding, w);
            var opensBasis = w.OpensBasis is null ? null : w.OpensBasis + (w.OpensBasis == EnforcementRules.DemandPeriodBasis ? note : "");
            window = new WindowView(w.DemandServedOn, w.DemandPeriodEnds, w.Opens, opensBasis, w.Closes, w.RemediesEnd, refused.Count == 0, refused);
            if (demandServedOn is not null && outstanding && applications.Count == 0)
                deadlines.Add(new DeadlineView(T("execution.deadline.enforcement", w.Opens is { } o ? Iso(o) : "—"), w.Closes, today > w.Closes,
                    T("execution.deadline.enforcement_basis", note, w.Closing!.Value.Basis),
                    false, w.Closing.Value.CalendarEstimated || note.Length > 0, w.Closing.Value.CalendarNote ?? (note.Length > 0 ? note[1..^1] : null)));
        }

        DateOnly? limitDue = c.Category == CaseCategory.Penalty && c.Procedure == CaseProcedure.General
            ? CaseDeadlines.PenaltyDecisionDue(ChinaDay(c.OpenedAt), extensions.Sum(x => x.Days))
            : null;

        int? closingReport = documents.Where(d => d.TypeCode == ClosingReportType).Select(d => (int?)d.Id).LastOrDefault();
        var closureUnmet = ClosureRules.Unmet(fine is not null, pos, applications.Any(a => a.Concluded), closingReport is not null);

        return new ExecutionSummary(c.Id, c.Number, c.Step, CaseSteps.Label(c.Step), today, decidedAt, serviceDue,
            serviceDue is { } sd && decisionServedOn is null && today > sd, serviceBasis, serviceNote, decisionServedOn, services, consents, remedies,
            fine is not null, fine, proposal?.ConfiscationYuan, paymentNote, position,
            payments.Select(View).ToList(),
            arrangements.Select(View).ToList(), demandIds, demandRefusal is null, demandRefusal, window, applications.Select(View).ToList(),
            limitDue, extensions.Select(x => new ExtensionView(x.Id, x.Days, x.Reason, x.ApprovedBy, x.ApprovedAt)).ToList(),
            closingReport, closureUnmet, deadlines);
    }

    /// <summary>What the state machine needs (filled by CaseStepService.FactsAsync): the decision is served; what closure still lacks.</summary>
    public async Task<(bool DecisionServed, string? ExecutionIncomplete)> FactsAsync(Case c)
    {
        if (c.Category != CaseCategory.Penalty) return (true, null);
        if (c.Step is not (CaseSteps.Decided or CaseSteps.Executed)) return (true, null);
        var s = await SummaryAsync(c);
        return (s.DecisionServedOn is not null, s.ClosureUnmet.Count == 0 ? null : string.Join("；", s.ClosureUnmet.Select(u => u.Message)));
    }

    /// <summary>The execution deadlines that run now, for the case page (service, remedies, payment, court enforcement).</summary>
    public async Task<IReadOnlyList<DeadlineView>> DeadlinesAsync(Case c)
        => c.Category == CaseCategory.Penalty && c.Step is CaseSteps.Decided or CaseSteps.Served or CaseSteps.Executed
            ? (await SummaryAsync(c)).Deadlines
            : [];
}
