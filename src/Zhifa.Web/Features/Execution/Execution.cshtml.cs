using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Execution;

/// <summary>The 执行 area of a case (/cases/{caseId}/execution): service, payment, enforcement, the decision limit and closure.</summary>
public sealed class ExecutionModel(ExecutionService svc, ExecutionStateService state, DocumentService documents, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public Case Case { get; private set; } = null!;
    public ExecutionSummary Summary { get; private set; } = null!;
    public List<DocumentDto> Documents { get; private set; } = [];
    public bool MayRecord { get; private set; }
    public bool MayApprove => Case is not null && svc.MayApproveFor(Case.AgencyId);
    public bool MayViewOverdue => OverdueService.MayView(me);

    public sealed class ServiceForm
    {
        public int? DocumentId { get; set; }
        public string? Method { get; set; }
        public string? Recipient { get; set; }
        public DateTime? ServedAt { get; set; }
        public string? Place { get; set; }
        public string? Witnesses { get; set; }
        public string? LeftReason { get; set; }
        public string? TrackingNumber { get; set; }
        public string? AnnouncementWhere { get; set; }
        public int? AnnouncementDays { get; set; }
        public int? ConsentId { get; set; }
        public string? ElectronicAddress { get; set; }
        public string? Intermediary { get; set; }
    }

    public sealed class ConsentForm
    {
        public string? PartyName { get; set; }
        public string? Address { get; set; }
        public DateOnly? SignedOn { get; set; }
    }

    public sealed class PaymentForm
    {
        public decimal? AmountYuan { get; set; }
        public DateOnly? PaidOn { get; set; }
        public string? Reference { get; set; }
    }

    public sealed class ArrangementForm
    {
        public string? Kind { get; set; }
        public string? Reason { get; set; }
        public DateOnly? DeferredTo { get; set; }
        public List<InstalmentInput> Instalments { get; set; } = [];
    }

    public sealed class DemandForm
    {
        public DateOnly? Deadline { get; set; }
        public string? Content { get; set; }
    }

    public sealed class EnforcementForm
    {
        public DateOnly? AppliedOn { get; set; }
        public string? Court { get; set; }
        public string? Reference { get; set; }
        public string? Outcome { get; set; }
        public DateOnly? OutcomeOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ExtensionForm
    {
        public int? Days { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public ServiceForm Service { get; set; } = new();
    [BindProperty] public ConsentForm Consent { get; set; } = new();
    [BindProperty] public PaymentForm Payment { get; set; } = new();
    [BindProperty] public ArrangementForm Arrangement { get; set; } = new();
    [BindProperty] public DemandForm Demand { get; set; } = new();
    [BindProperty] public EnforcementForm Enforcement { get; set; } = new();
    [BindProperty] public ExtensionForm Extension { get; set; } = new();
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? ReportContent { get; set; }

    private async Task<bool> LoadAsync(int caseId)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return false;
        Case = c;
        Summary = await state.SummaryAsync(c);
        Documents = await documents.ListAsync(c.Id);
        MayRecord = await svc.MayRecordAsync(c);
        return true;
    }

    /// <summary>The documents that can be served: every generated document of the case except the receipts themselves.</summary>
    public IEnumerable<DocumentDto> Servable => Documents.Where(d => d.TypeCode != "service-receipt");

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    private async Task<IActionResult> ActAsync(int caseId, string prefix, Func<Task> act, string done, bool headOnly = false)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!MayRecord || (headOnly && !MayApprove)) return Forbid();
        ModelState.Clear();
        try
        {
            await act();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, prefix);
            return Page();
        }
        StatusMessage = done;
        return RedirectToPage("/Execution/Execution", new { caseId });
    }

    public Task<IActionResult> OnPostConsentAsync(int caseId) => ActAsync(caseId, nameof(Consent),
        () => svc.AddConsentAsync(Case, new ConsentInput(Consent.PartyName, Consent.Address, Consent.SignedOn)), T("execution.page.consent_added"));

    public Task<IActionResult> OnPostServiceAsync(int caseId) => ActAsync(caseId, nameof(Service), () => svc.AddServiceAsync(Case, new ServiceInput(
        Service.DocumentId, Service.Method, Service.Recipient, Service.ServedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Unspecified) : null,
        Service.Place, Service.Witnesses, Service.LeftReason, Service.TrackingNumber, Service.AnnouncementWhere, Service.AnnouncementDays, Service.ConsentId,
        Service.ElectronicAddress, Service.Intermediary)), T("execution.page.service_added"));

    public Task<IActionResult> OnPostPaymentAsync(int caseId) => ActAsync(caseId, nameof(Payment),
        () => svc.AddPaymentAsync(Case, new PaymentInput(Payment.AmountYuan, Payment.PaidOn, Payment.Reference)), T("execution.page.payment_added"));

    public Task<IActionResult> OnPostArrangementAsync(int caseId) => ActAsync(caseId, nameof(Arrangement),
        () => svc.ApplyArrangementAsync(Case, new ArrangementInput(Arrangement.Kind, Arrangement.Reason, Arrangement.DeferredTo, Arrangement.Instalments)),
        T("execution.page.arrangement_added"));

    public async Task<IActionResult> OnPostDecideAsync(int caseId, int arrangementId, bool approve)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var a = await svc.FindArrangementAsync(arrangementId);
        if (a is null || a.CaseId != caseId) return NotFound();
        return await ActAsync(caseId, "", () => svc.DecideArrangementAsync(a, new ApprovalInput(approve, Note)), approve ? T("execution.page.arrangement_approved") : T("execution.page.arrangement_rejected"), headOnly: true);
    }

    public Task<IActionResult> OnPostDemandAsync(int caseId) => ActAsync(caseId, nameof(Demand),
        () => svc.DemandAsync(Case, new DemandInput(Demand.Deadline, Demand.Content)), T("execution.page.demand_made"));

    public Task<IActionResult> OnPostEnforcementAsync(int caseId) => ActAsync(caseId, nameof(Enforcement),
        () => svc.ApplyEnforcementAsync(Case, new EnforcementInput(Enforcement.AppliedOn, Enforcement.Court, Enforcement.Reference)), T("execution.page.enforcement_applied"));

    public async Task<IActionResult> OnPostOutcomeAsync(int caseId, int applicationId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var a = await svc.FindApplicationAsync(applicationId);
        if (a is null || a.CaseId != caseId) return NotFound();
        return await ActAsync(caseId, nameof(Enforcement),
            () => svc.RecordOutcomeAsync(a, new OutcomeInput(Enforcement.Outcome, Enforcement.OutcomeOn, Enforcement.Note)), T("execution.page.outcome_recorded"));
    }

    public Task<IActionResult> OnPostExtensionAsync(int caseId) => ActAsync(caseId, nameof(Extension),
        () => svc.ExtendLimitAsync(Case, new ExtensionInput(Extension.Days, Extension.Reason)), T("execution.page.limit_extended"), headOnly: true);

    public Task<IActionResult> OnPostClosingReportAsync(int caseId) => ActAsync(caseId, "",
        () => svc.ClosingReportAsync(Case, new ClosingReportInput(ReportContent)), T("execution.page.closing_report_made"));

    public static string DocumentTitle(DocumentDto d) => d.Number.Length > 0 ? $"{d.TypeName} {d.Number}" : $"{d.TypeName}（{Display.Date(d.GeneratedAt)}）";

    public static bool IsDecision(string typeCode) => Domain.Execution.ServiceRules.IsDecision(typeCode);
}
