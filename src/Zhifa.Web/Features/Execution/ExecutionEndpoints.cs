using Zhifa.Domain.Execution;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;

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
        var g = group.MapGroup("").WithTags("送达与执行");

        g.MapGet("/cases/{caseId:int}/execution", async (int caseId, ExecutionService svc, ExecutionStateService state) =>
            await svc.FindCaseAsync(caseId) is { } c ? Results.Ok(await state.SummaryAsync(c)) : Problems.NotFound("案件"))
            .WithSummary("案件的送达与执行：送达期限与送达记录、复议与诉讼期限、罚款缴纳与截至今日的加处罚款、暂缓或分期、催告与申请法院强制执行的期间、办案期限延长、结案条件");

        g.MapPost("/cases/{caseId:int}/service-consents", (int caseId, ConsentInput input, ExecutionService svc) =>
            ActAsync(svc, caseId, async c => Results.Created($"/api/v1/cases/{caseId}/execution", ExecutionStateService.View(await svc.AddConsentAsync(c, input)))))
            .WithSummary("登记当事人同意电子送达的书面确认（当事人、电子送达地址、签署日期）；电子送达须先有此确认");

        g.MapPost("/cases/{caseId:int}/services", (int caseId, ServiceInput input, ExecutionService svc, ExecutionStateService state) =>
            ActAsync(svc, caseId, async c => Results.Created($"/api/v1/cases/{caseId}/execution", ExecutionStateService.View(await svc.AddServiceAsync(c, input), state.Today))))
            .WithSummary("登记文书送达（直接、留置、邮寄、公告、电子、委托、转交送达及各自须载明的事项），并生成送达回证");

        g.MapPost("/cases/{caseId:int}/payments", (int caseId, PaymentInput input, ExecutionService svc) =>
            ActAsync(svc, caseId, async c => Results.Created($"/api/v1/cases/{caseId}/execution", ExecutionStateService.View(await svc.AddPaymentAsync(c, input)))))
            .WithSummary("登记缴款（金额精确到分、缴款日期、收据号或银行流水号）；先抵罚款，再抵加处罚款");

        g.MapPost("/cases/{caseId:int}/payment-arrangements", (int caseId, ArrangementInput input, ExecutionService svc) =>
            ActAsync(svc, caseId, async c => Results.Created($"/api/v1/cases/{caseId}/execution", ExecutionStateService.View(await svc.ApplyArrangementAsync(c, input)))))
            .WithSummary("登记当事人暂缓（Deferral，deferredTo）或分期（Instalments，instalments）缴纳罚款的申请，待主要负责人审批");

        g.MapPost("/payment-arrangements/{arrangementId:int}/decision", async (int arrangementId, ApprovalInput input, ExecutionService svc) =>
        {
            var a = await svc.FindArrangementAsync(arrangementId);
            if (a is null) return Problems.NotFound("暂缓或分期申请");
            if (!svc.MayApproveFor(a.AgencyId)) return Problems.Forbidden("只有本机关主要负责人可以批准暂缓或分期缴纳");
            await svc.DecideArrangementAsync(a, input);
            return Results.Ok(ExecutionStateService.View(a));
        }).WithSummary("主要负责人批准或不批准暂缓、分期缴纳；批准后缴纳期限随之变更");

        g.MapPost("/cases/{caseId:int}/demand-notices", (int caseId, DemandInput input, ExecutionService svc) =>
            ActAsync(svc, caseId, async c => Results.Created($"/api/v1/cases/{caseId}/execution", DocumentService.ToDto(await svc.DemandAsync(c, input)))))
            .WithSummary("罚款逾期后制作催告书（履行期限、应当履行的义务，默认列明尚欠罚款和加处罚款）；催告书的送达另行登记");

        g.MapPost("/cases/{caseId:int}/enforcement-applications", (int caseId, EnforcementInput input, ExecutionService svc) =>
            ActAsync(svc, caseId, async c => Results.Created($"/api/v1/cases/{caseId}/execution", ExecutionStateService.View(await svc.ApplyEnforcementAsync(c, input)))))
            .WithSummary("登记申请人民法院强制执行：催告书送达十个工作日后（行政强制法第五十四条、第六十九条）、复议诉讼期限届满之日起三个月内方可申请；过早的申请被拒绝并写明最早申请日（execution 的 enforcement.opens 与 opensBasis）");

        g.MapPost("/enforcement-applications/{applicationId:int}/outcome", async (int applicationId, OutcomeInput input, ExecutionService svc) =>
        {
            var a = await svc.FindApplicationAsync(applicationId);
            if (a is null) return Problems.NotFound("强制执行申请");
            var c = await svc.FindCaseAsync(a.CaseId);
            if (c is null) return Problems.NotFound("强制执行申请");
            if (!await svc.MayRecordAsync(c)) return Problems.Forbidden();
            await svc.RecordOutcomeAsync(a, input);
            return Results.Ok(ExecutionStateService.View(a));
        }).WithSummary("登记法院的处理结果（Enforced 执行完毕、NotAllowed 裁定不准予执行、Terminated 终结执行）");

        g.MapPost("/cases/{caseId:int}/limit-extensions", async (int caseId, ExtensionInput input, ExecutionService svc) =>
        {
            var c = await svc.FindCaseAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!svc.MayApproveFor(c.AgencyId) || !await svc.MayRecordAsync(c)) return Problems.Forbidden("只有本机关主要负责人可以批准延长办案期限");
            var x = await svc.ExtendLimitAsync(c, input);
            return Results.Created($"/api/v1/cases/{caseId}/execution", new ExtensionView(x.Id, x.Days, x.Reason, x.ApprovedBy, x.ApprovedAt));
        }).WithSummary("主要负责人批准延长九十日办案期限（天数、理由）；每次延长均列出，期限随之顺延");

        g.MapPost("/cases/{caseId:int}/closing-report", (int caseId, ClosingReportInput input, ExecutionService svc) =>
            ActAsync(svc, caseId, async c => Results.Created($"/api/v1/cases/{caseId}/execution", DocumentService.ToDto(await svc.ClosingReportAsync(c, input)))))
            .WithSummary("执行完毕后制作结案报告（自动写明送达、缴纳和强制执行情况，可补充说明）；结案须有结案报告");

        g.MapGet("/execution/overdue", async (int? agencyId, OverdueService overdue, CurrentUser me) =>
            OverdueService.MayView(me) ? Results.Ok(await overdue.ListAsync(agencyId)) : Problems.Forbidden("只有负责人、监督人员或管理员可以查看逾期事项"))
            .WithSummary("逾期事项：决定书逾期未送达、罚款逾期未缴（含加处罚款）、超过九十日办案期限的案件");
    }

    private static async Task<IResult> ActAsync(ExecutionService svc, int caseId, Func<Domain.Cases.Case, Task<IResult>> act)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return Problems.NotFound("案件");
        if (!await svc.MayRecordAsync(c)) return Problems.Forbidden();
        return await act(c);
    }
}
