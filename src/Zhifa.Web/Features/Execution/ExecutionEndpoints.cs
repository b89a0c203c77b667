using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Execution;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Execution;

/// <summary>Service, payment, enforcement, the decision limit and closure (送达与执行) through the API.</summary>
public static class ExecutionEndpoints
{
    public static void AddExecutionFeature(this IServiceCollection services)
    {
        services.AddScoped<ExecutionStateService>();
        services.AddScoped<ICaseDeadlineSource>(s => s.GetRequiredService<ExecutionStateService>());
        services.AddScoped<ICaseExecutionState>(s => s.GetRequiredService<ExecutionStateService>());
        services.AddScoped<ExecutionService>();
        services.AddScoped<OverdueService>();
    }

    public static void MapExecutionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags(T("execution.api.tag"));

        g.MapGet("/cases/{caseId:int}/execution", GetExecution).WithName("GetExecution").WithSummary(T("execution.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/service-consents", AddServiceConsent).WithName("AddServiceConsent").WithSummary(T("execution.api.add_consent"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/services", AddServiceRecord).WithName("AddServiceRecord").WithSummary(T("execution.api.add_service"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/payments", AddPayment).WithName("AddPayment").WithSummary(T("execution.api.add_payment"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/payment-arrangements", ApplyPaymentArrangement).WithName("ApplyPaymentArrangement")
            .WithSummary(T("execution.api.apply_arrangement"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/payment-arrangements/{arrangementId:int}/decision", DecidePaymentArrangement).WithName("DecidePaymentArrangement")
            .WithSummary(T("execution.api.decide_arrangement"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/demand-notices", IssueDemandNotice).WithName("IssueDemandNotice").WithSummary(T("execution.api.demand"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/enforcement-applications", ApplyEnforcement).WithName("ApplyEnforcement").WithSummary(T("execution.api.apply_enforcement"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/enforcement-applications/{applicationId:int}/outcome", RecordEnforcementOutcome).WithName("RecordEnforcementOutcome")
            .WithSummary(T("execution.api.enforcement_outcome"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/limit-extensions", ExtendDecisionLimit).WithName("ExtendDecisionLimit").WithSummary(T("execution.api.extend_limit"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/closing-report", WriteClosingReport).WithName("WriteClosingReport").WithSummary(T("execution.api.closing_report"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/execution/overdue", ListOverdue).WithName("ListOverdue").WithSummary(T("execution.api.overdue"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<Ok<ExecutionSummary>, ProblemHttpResult>> GetExecution(int caseId, ExecutionService svc, ExecutionStateService state)
        => await svc.FindCaseAsync(caseId) is { } c ? TypedResults.Ok(await state.SummaryAsync(c)) : Problems.NotFound(T("execution.error.case"));

    public static Task<Results<Created<ConsentView>, ProblemHttpResult>> AddServiceConsent(int caseId, ConsentInput input, ExecutionService svc)
        => ActAsync(svc, caseId, async c => ExecutionStateService.View(await svc.AddConsentAsync(c, input)));

    public static Task<Results<Created<ServiceView>, ProblemHttpResult>> AddServiceRecord(int caseId, ServiceInput input, ExecutionService svc, ExecutionStateService state)
        => ActAsync(svc, caseId, async c => ExecutionStateService.View(await svc.AddServiceAsync(c, input), state.Today));

    public static Task<Results<Created<PaymentView>, ProblemHttpResult>> AddPayment(int caseId, PaymentInput input, ExecutionService svc)
        => ActAsync(svc, caseId, async c => ExecutionStateService.View(await svc.AddPaymentAsync(c, input)));

    public static Task<Results<Created<ArrangementView>, ProblemHttpResult>> ApplyPaymentArrangement(int caseId, ArrangementInput input, ExecutionService svc)
        => ActAsync(svc, caseId, async c => ExecutionStateService.View(await svc.ApplyArrangementAsync(c, input)));

    public static async Task<Results<Ok<ArrangementView>, ProblemHttpResult>> DecidePaymentArrangement(int arrangementId, ApprovalInput input, ExecutionService svc)
    {
        var a = await svc.FindArrangementAsync(arrangementId);
        if (a is null) return Problems.NotFound(T("execution.error.arrangement"));
        if (!svc.MayApproveFor(a.AgencyId)) return Problems.Forbidden(T("execution.error.arrangement_forbidden"));
        await svc.DecideArrangementAsync(a, input);
        return TypedResults.Ok(ExecutionStateService.View(a));
    }

    public static Task<Results<Created<DocumentDto>, ProblemHttpResult>> IssueDemandNotice(int caseId, DemandInput input, ExecutionService svc)
        => ActAsync(svc, caseId, async c => DocumentService.ToDto(await svc.DemandAsync(c, input)));

    public static Task<Results<Created<EnforcementView>, ProblemHttpResult>> ApplyEnforcement(int caseId, EnforcementInput input, ExecutionService svc)
        => ActAsync(svc, caseId, async c => ExecutionStateService.View(await svc.ApplyEnforcementAsync(c, input)));

    public static async Task<Results<Ok<EnforcementView>, ProblemHttpResult>> RecordEnforcementOutcome(int applicationId, OutcomeInput input, ExecutionService svc)
    {
        var a = await svc.FindApplicationAsync(applicationId);
        if (a is null) return Problems.NotFound(T("execution.error.enforcement"));
        var c = await svc.FindCaseAsync(a.CaseId);
        if (c is null) return Problems.NotFound(T("execution.error.enforcement"));
        if (!await svc.MayRecordAsync(c)) return Problems.Forbidden();
        await svc.RecordOutcomeAsync(a, input);
        return TypedResults.Ok(ExecutionStateService.View(a));
    }

    public static async Task<Results<Created<ExtensionView>, ProblemHttpResult>> ExtendDecisionLimit(int caseId, ExtensionInput input, ExecutionService svc)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return Problems.NotFound(T("execution.error.case"));
        if (!svc.MayApproveFor(c.AgencyId) || !await svc.MayRecordAsync(c)) return Problems.Forbidden(T("execution.error.extend_limit_forbidden"));
        var x = await svc.ExtendLimitAsync(c, input);
        return TypedResults.Created($"/api/v1/cases/{caseId}/execution", new ExtensionView(x.Id, x.Days, x.Reason, x.ApprovedBy, x.ApprovedAt));
    }

    public static Task<Results<Created<DocumentDto>, ProblemHttpResult>> WriteClosingReport(int caseId, ClosingReportInput input, ExecutionService svc)
        => ActAsync(svc, caseId, async c => DocumentService.ToDto(await svc.ClosingReportAsync(c, input)));

    public static async Task<Results<Ok<List<OverdueRow>>, ProblemHttpResult>> ListOverdue(int? agencyId, OverdueService overdue, CurrentUser me)
        => OverdueService.MayView(me) ? TypedResults.Ok(await overdue.ListAsync(agencyId)) : Problems.Forbidden(T("execution.error.overdue_forbidden"));

    /// <summary>Finds the case in scope (404), checks that the user may record for it (403), then records; the answer points at the execution.</summary>
    private static async Task<Results<Created<TView>, ProblemHttpResult>> ActAsync<TView>(ExecutionService svc, int caseId, Func<Domain.Cases.Case, Task<TView>> act)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return Problems.NotFound(T("execution.error.case"));
        if (!await svc.MayRecordAsync(c)) return Problems.Forbidden();
        return TypedResults.Created($"/api/v1/cases/{caseId}/execution", await act(c));
    }
}
