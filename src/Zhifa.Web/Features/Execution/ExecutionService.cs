using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Execution;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Execution;

public sealed record ConsentInput(string? PartyName, string? Address, DateOnly? SignedOn);

/// <summary>A service as entered; a time without a zone is China Standard Time. Method: Direct / Left / Post / Announcement / Electronic / Entrusted / Forwarded.</summary>
public sealed record ServiceInput(int? DocumentId, string? Method, string? Recipient, DateTime? ServedAt, string? Place, string? Witnesses, string? LeftReason,
    string? TrackingNumber, string? AnnouncementWhere, int? AnnouncementDays, int? ConsentId, string? ElectronicAddress, string? Intermediary);

public sealed record PaymentInput(decimal? AmountYuan, DateOnly? PaidOn, string? Reference);

public sealed record InstalmentInput(DateOnly? Due, decimal? AmountYuan);

/// <summary>Kind: Deferral (with deferredTo) or Instalments (with instalments).</summary>
public sealed record ArrangementInput(string? Kind, string? Reason, DateOnly? DeferredTo, List<InstalmentInput>? Instalments);

public sealed record ApprovalInput(bool Approve, string? Note);

public sealed record DemandInput(DateOnly? Deadline, string? Content);

public sealed record EnforcementInput(DateOnly? AppliedOn, string? Court, string? Reference);

/// <summary>Outcome: Enforced / NotAllowed / Terminated.</summary>
public sealed record OutcomeInput(string? Outcome, DateOnly? OutcomeOn, string? Note);

public sealed record ExtensionInput(int? Days, string? Reason);

public sealed record ClosingReportInput(string? Content);

/// <summary>The acts of service and execution; each checks the rules first and a refused act changes nothing.</summary>
public sealed class ExecutionService(AppDbContext db, CurrentUser me, ExecutionStateService state, DocumentService documents, Cases.CaseService cases)
{
    private static readonly string[] AfterDecision = [CaseSteps.Decided, CaseSteps.Served, CaseSteps.Executed];

    /// <summary>The head (主要负责人) approves deferrals, instalments and extensions of the decision limit.</summary>
    public bool MayApprove => me.IsInRole(Roles.Head);

    /// <summary>Only the head of the case's own agency decides for it; a supervising agency reads.</summary>
    public bool MayApproveFor(int agencyId) => MayApprove && me.AgencyId == agencyId;

    public Task<bool> MayRecordAsync(Case c) => cases.MayChangeAsync(c);

    public async Task<Case?> FindCaseAsync(int caseId)
    {
        var c = await cases.FindAsync(caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    public async Task<PaymentArrangement?> FindArrangementAsync(int arrangementId)
    {
        var a = await db.Set<PaymentArrangement>().FirstOrDefaultAsync(x => x.Id == arrangementId);
        return a is not null && await me.CanSee(a.AgencyId) ? a : null;
    }

    public async Task<EnforcementApplication?> FindApplicationAsync(int applicationId)
    {
        var a = await db.Set<EnforcementApplication>().FirstOrDefaultAsync(x => x.Id == applicationId);
        return a is not null && await me.CanSee(a.AgencyId) ? a : null;
    }

    private static void RequireStep(Case c, string field, string act, params string[] steps)
    {
        if (!steps.Contains(c.Step))
            throw new DomainValidationException(field, "step.not_allowed", T("execution.step_not_allowed", CaseSteps.Label(c.Step), act));
    }

    private static void RequirePenalty(Case c, string field)
    {
        if (c.Category != CaseCategory.Penalty) throw new DomainValidationException(field, "category.not_penalty", T("execution.not_penalty"));
    }

    // ---- service ----

    public async Task<ElectronicServiceConsent> AddConsentAsync(Case c, ConsentInput input)
    {
        RequirePenalty(c, "partyName");
        ServiceRules.ValidateConsent(input.PartyName, input.Address, input.SignedOn, state.Today).ThrowIfAny();
        var x = new ElectronicServiceConsent
        {
            AgencyId = c.AgencyId, CaseId = c.Id, PartyName = input.PartyName!.Trim(), Address = input.Address!.Trim(), SignedOn = input.SignedOn!.Value,
            RecordedBy = me.UserName, RecordedAt = db.UtcNow,
        };
        db.Add(x);
        await db.SaveChangesAsync();
        return x;
    }

    /// <summary>Records a service and generates its 送达回证 through the document machinery.</summary>
    public async Task<ServiceRecord> AddServiceAsync(Case c, ServiceInput input)
    {
        RequirePenalty(c, "documentId");
        RequireStep(c, "documentId", T("execution.act.service"), AfterDecision);
        var errors = new ValidationErrors();
        ServiceMethod? method = null;
        if (!string.IsNullOrWhiteSpace(input.Method))
        {
            if (Enum.TryParse<ServiceMethod>(input.Method.Trim(), true, out var m) && Enum.IsDefined(m)) method = m;
            else errors.Add("method", "invalid", T("execution.service.method_invalid"));
        }
        CaseDocument? doc = null;
        if (input.DocumentId is not { } docId) errors.Add("documentId", "required", T("execution.service.document_required"));
        else if ((doc = await documents.FindInCaseAsync(docId, c.Id)) is null)
            errors.Add("documentId", "not_found", T("execution.service.document_not_found"));
        else if (doc.TypeCode == "service-receipt") errors.Add("documentId", "not_servable", T("execution.service.receipt_not_servable"));
        errors.ThrowIfAny();

        var consents = await db.Set<ElectronicServiceConsent>().AsNoTracking().Where(x => x.CaseId == c.Id).ToDictionaryAsync(x => x.Id, x => x.SignedOn);
        var at = DocumentService.ToUtc(input.ServedAt);
        var facts = new ServiceFacts(method, input.Recipient, at, input.Place, input.Witnesses, input.LeftReason, input.TrackingNumber,
            input.AnnouncementWhere, input.AnnouncementDays, input.ConsentId, input.ElectronicAddress, input.Intermediary);
        errors = ServiceRules.Validate(facts, consents, doc!.GeneratedAt, db.UtcNow, Display.ToChina);
        errors.ThrowIfAny();

        var typeName = DocumentService.TypeName(doc.TypeCode);
        var title = doc.Number.Length > 0 ? $"{typeName} {doc.Number}" : typeName;
        var how = ServiceRules.Label(method!.Value) + method switch
        {
            ServiceMethod.Left => T("execution.service.how.left", input.LeftReason!.Trim(), input.Witnesses!.Trim()),
            ServiceMethod.Post => T("execution.service.how.post", input.TrackingNumber!.Trim()),
            ServiceMethod.Announcement => T("execution.service.how.announcement", input.AnnouncementWhere!.Trim(), (input.AnnouncementDays ?? ServiceRules.DefaultAnnouncementDays)),
            ServiceMethod.Electronic => T("execution.service.how.electronic", input.ElectronicAddress!.Trim()),
            ServiceMethod.Entrusted or ServiceMethod.Forwarded => $"（{input.Intermediary!.Trim()}）",
            _ => "",
        };
        var receipt = await documents.GenerateAsync(c, new GenerateInput("service-receipt", new Dictionary<string, string?>
        {
            [Placeholder.ServedDocument] = title, [Placeholder.ServiceMethod] = how, [Placeholder.Place] = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place,
        }));
        var record = new ServiceRecord
        {
            AgencyId = c.AgencyId, CaseId = c.Id, DocumentId = doc.Id, DocumentTypeCode = doc.TypeCode, DocumentTitle = title, Method = method.Value,
            Recipient = input.Recipient!.Trim(), ServedAt = at!.Value, Place = input.Place?.Trim() ?? "", Witnesses = input.Witnesses?.Trim() ?? "",
            LeftReason = input.LeftReason?.Trim() ?? "", TrackingNumber = input.TrackingNumber?.Trim() ?? "", AnnouncementWhere = input.AnnouncementWhere?.Trim() ?? "",
            AnnouncementDays = method == ServiceMethod.Announcement ? input.AnnouncementDays ?? ServiceRules.DefaultAnnouncementDays : 0,
            ConsentId = method == ServiceMethod.Electronic ? input.ConsentId : null, ElectronicAddress = input.ElectronicAddress?.Trim() ?? "",
            Intermediary = input.Intermediary?.Trim() ?? "", ReceiptDocumentId = receipt.Id, RecordedBy = me.UserName, RecordedAt = db.UtcNow,
        };
        db.Add(record);
        await db.SaveChangesAsync();
        return record;
    }

    // ---- payment ----

    private async Task<ExecutionSummary> PayableAsync(Case c, string field)
    {
        RequirePenalty(c, field);
        RequireStep(c, field, T("execution.act.payment"), AfterDecision);
        var s = await state.SummaryAsync(c);
        if (!s.PaymentRequired) throw new DomainValidationException(field, "payment.not_required", s.PaymentNote);
        if (s.Payment is null) throw new DomainValidationException(field, "decision.not_served", T("execution.payment.not_started"));
        return s;
    }

    public async Task<PaymentRecord> AddPaymentAsync(Case c, PaymentInput input)
    {
        var s = await PayableAsync(c, "amountYuan");
        decimal? owed = null;
        if (input.PaidOn is { } on && on <= s.Today)
        {
            // What was owed that day (fine and late fee as of it), less what was paid after it.
            var schedule = s.Payment!.Schedule.Select(i => new Instalment(i.Due, i.AmountYuan)).ToList();
            var thatDay = PaymentRules.Position(s.FineYuan!.Value, schedule, s.Payments.Select(p => new Paid(p.PaidOn, p.AmountYuan)), on);
            owed = Math.Max(0m, thatDay.TotalOutstanding - s.Payments.Where(p => p.PaidOn > on).Sum(p => p.AmountYuan));
        }
        var decisionServedOn = s.Services.Where(x => x.IsDecision).Min(x => ExecutionStateService.ChinaDay(x.ServedAt));
        PaymentRules.ValidatePayment(input.AmountYuan, input.PaidOn, input.Reference, decisionServedOn, s.Today, owed).ThrowIfAny();
        var p = new PaymentRecord
        {
            AgencyId = c.AgencyId, CaseId = c.Id, AmountYuan = input.AmountYuan!.Value, PaidOn = input.PaidOn!.Value, Reference = input.Reference!.Trim(),
            RecordedBy = me.UserName, RecordedAt = db.UtcNow,
        };
        db.Add(p);
        await db.SaveChangesAsync();
        return p;
    }

    public async Task<PaymentArrangement> ApplyArrangementAsync(Case c, ArrangementInput input)
    {
        var s = await PayableAsync(c, "kind");
        if (s.Payment!.PaidInFull) throw new DomainValidationException("kind", "payment.paid", T("execution.arrangement.paid"));
        if (s.Arrangements.Any(a => a.Status == nameof(ApprovalStatus.Pending)))
            throw new DomainValidationException("kind", "arrangement.pending", T("execution.arrangement.pending"));
        ArrangementKind? kind = Enum.TryParse<ArrangementKind>(input.Kind?.Trim(), true, out var k) && Enum.IsDefined(k) ? k : null;
        var errors = new ValidationErrors();
        var schedule = new List<Instalment>();
        if (kind == ArrangementKind.Deferral)
        {
            if (input.DeferredTo is { } to) schedule.Add(new Instalment(to, s.FineYuan!.Value));
            else errors.Add("deferredTo", "required", T("execution.arrangement.deferred_to_required"));
        }
        else if (kind == ArrangementKind.Instalments)
        {
            var items = (input.Instalments ?? []).Where(i => i.Due is not null || i.AmountYuan is not null).ToList();
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i].Due is null || items[i].AmountYuan is null) errors.Add("instalments", "incomplete", T("execution.arrangement.instalment_incomplete", i + 1));
                else schedule.Add(new Instalment(items[i].Due!.Value, items[i].AmountYuan!.Value));
            }
        }
        var currentDue = s.Payment.Schedule[0].Due;
        foreach (var e in PaymentRules.ValidateArrangement(kind, input.Reason, schedule, s.FineYuan!.Value, currentDue).Items)
            errors.Add(e.Field == "schedule" ? (kind == ArrangementKind.Deferral ? "deferredTo" : "instalments") : e.Field, e.Code, e.Message);
        errors.ThrowIfAny();
        var a = new PaymentArrangement
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Kind = kind!.Value, Reason = input.Reason!.Trim(), Schedule = PaymentRules.FormatSchedule(schedule),
            Status = ApprovalStatus.Pending, RequestedByUserId = me.UserId ?? 0, RequestedBy = me.UserName, RequestedAt = db.UtcNow,
        };
        db.Add(a);
        await db.SaveChangesAsync();
        return a;
    }

    public async Task DecideArrangementAsync(PaymentArrangement a, ApprovalInput input)
    {
        a.Decide(input.Approve, me.UserName, me.UserId ?? 0, input.Note, db.UtcNow);
        await db.SaveChangesAsync();
    }

    // ---- enforcement ----

    /// <summary>Generates the 催告书 (行政强制法 art. 35), only once the payment is overdue; its service is then recorded like any other.</summary>
    public async Task<CaseDocument> DemandAsync(Case c, DemandInput input)
    {
        var s = await PayableAsync(c, "deadline");
        if (!s.MayDemandToday) throw new DomainValidationException("deadline", "payment.not_overdue", s.DemandRefusal!);
        var errors = new ValidationErrors().MaxLength("content", input.Content, 2000, T("execution.demand.field.content"));
        if (input.Deadline is not { } deadline) errors.Add("deadline", "required", T("execution.demand.deadline_required"));
        else if (deadline <= s.Today) errors.Add("deadline", "not_future", T("execution.demand.deadline_not_future"));
        errors.ThrowIfAny();
        var p = s.Payment!;
        var content = string.IsNullOrWhiteSpace(input.Content)
            ? T("execution.demand.content_default", PaymentRules.Yuan(p.PrincipalOutstandingYuan), PaymentRules.Yuan(p.LateFeeOutstandingYuan), s.Today)
            : input.Content.Trim();
        return await documents.GenerateAsync(c, new GenerateInput(ServiceRules.DemandNoticeType, new Dictionary<string, string?>
        {
            [Placeholder.DemandContent] = content, [Placeholder.Deadline] = T("cases.date", input.Deadline!.Value),
        }));
    }

    public async Task<EnforcementApplication> ApplyEnforcementAsync(Case c, EnforcementInput input)
    {
        var s = await PayableAsync(c, "appliedOn");
        EnforcementRules.ValidateApplication(input.AppliedOn, input.Court, input.Reference, s.Today).ThrowIfAny();
        if (s.Applications.Any(a => !a.Concluded)) throw new DomainValidationException("appliedOn", "application.pending", T("execution.enforcement.application_pending"));
        var (window, _) = await state.EnforcementWindowAsync(s.DecisionServedOn!.Value, s.Enforcement?.DemandServedOn);
        var refused = EnforcementRules.MayApply(input.AppliedOn!.Value, !s.Payment!.PaidInFull, window);
        if (refused.Count > 0) throw new DomainValidationException(refused.Select(r => new ValidationError("appliedOn", r.Code, r.Message)).ToList());
        var a = new EnforcementApplication
        {
            AgencyId = c.AgencyId, CaseId = c.Id, AppliedOn = input.AppliedOn.Value, Court = input.Court!.Trim(), Reference = input.Reference?.Trim() ?? "",
            RecordedBy = me.UserName, RecordedAt = db.UtcNow, Outcome = EnforcementOutcome.Pending,
        };
        db.Add(a);
        await db.SaveChangesAsync();
        return a;
    }

    public async Task RecordOutcomeAsync(EnforcementApplication a, OutcomeInput input)
    {
        EnforcementOutcome? outcome = Enum.TryParse<EnforcementOutcome>(input.Outcome?.Trim(), true, out var o) && Enum.IsDefined(o) ? o : null;
        EnforcementRules.ValidateOutcome(a, outcome, input.OutcomeOn, input.Note, state.Today).ThrowIfAny();
        a.Outcome = outcome!.Value;
        a.OutcomeOn = input.OutcomeOn;
        a.OutcomeNote = input.Note?.Trim() ?? "";
        a.OutcomeRecordedBy = me.UserName;
        await db.SaveChangesAsync();
    }

    // ---- decision limit and closure ----

    /// <summary>Art. 60: the head extends the 90-day limit of a general-procedure penalty not yet decided.</summary>
    public async Task<DecisionLimitExtension> ExtendLimitAsync(Case c, ExtensionInput input)
    {
        if (c.Category != CaseCategory.Penalty || c.Procedure != CaseProcedure.General)
            throw new DomainValidationException("days", "not_general", T("execution.extension.not_general"));
        RequireStep(c, "days", T("execution.act.extension"), CaseSteps.Filed, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice, CaseSteps.Statement);
        DecisionLimitExtension.Validate(input.Days, input.Reason).ThrowIfAny();
        var x = new DecisionLimitExtension
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Days = input.Days!.Value, Reason = input.Reason!.Trim(), ApprovedBy = me.UserName, ApprovedAt = db.UtcNow,
        };
        db.Add(x);
        await db.SaveChangesAsync();
        return x;
    }

    /// <summary>The 结案报告, made once the execution is complete, with what was served, paid and enforced.</summary>
    public async Task<CaseDocument> ClosingReportAsync(Case c, ClosingReportInput input)
    {
        RequirePenalty(c, "content");
        RequireStep(c, "content", T("execution.act.closing_report"), CaseSteps.Executed);
        new ValidationErrors().MaxLength("content", input.Content, 4000, T("execution.closing_report.field.content")).ThrowIfAny();
        var s = await state.SummaryAsync(c);
        var unmet = s.ClosureUnmet.Where(u => u.Code != "closing_report.missing").ToList();
        if (unmet.Count > 0) throw new DomainValidationException(unmet.Select(u => new ValidationError("content", u.Code, u.Message)).ToList());
        var lines = new List<string>();
        foreach (var sv in s.Services.Where(x => x.IsDecision))
            lines.Add(T("execution.closing_report.service_line", sv.DocumentTitle, Display.Date(sv.ServedAt), sv.MethodLabel, sv.Recipient, sv.EffectiveOn));
        if (!s.PaymentRequired) lines.Add(s.PaymentNote + "。");
        else if (s.Payment is { PaidInFull: true } p)
            lines.Add(T("execution.closing_report.payment_line", PaymentRules.Yuan(p.FineYuan), (p.LateFeeYuan > 0 ? T("execution.closing_report.late_fee_paid", PaymentRules.Yuan(p.LateFeeYuan)) : ""), string.Join("；", s.Payments.Select(x => T("execution.closing_report.payment_item", x.PaidOn, PaymentRules.Yuan(x.AmountYuan), x.Reference)))));
        foreach (var a in s.Applications.Where(a => a.Concluded))
            lines.Add(T("execution.closing_report.enforcement_line", a.AppliedOn, a.Court, a.OutcomeOn, a.OutcomeLabel, (a.OutcomeNote.Length > 0 ? "：" + a.OutcomeNote : "")));
        if (!string.IsNullOrWhiteSpace(input.Content)) lines.Add(input.Content.Trim());
        return await documents.GenerateAsync(c, new GenerateInput(ExecutionStateService.ClosingReportType, new Dictionary<string, string?> { [Placeholder.Content] = string.Join("\n", lines) }));
    }
}
