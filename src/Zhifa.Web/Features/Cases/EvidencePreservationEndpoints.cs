using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Cases;

public static class EvidencePreservationEndpoints
{
    public static void MapEvidencePreservationEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags("案件");

        g.MapGet("/cases/{caseId:int}/preservations", async (int caseId, CaseService cases, EvidencePreservationService svc) =>
            await cases.FindVisibleAsync(caseId) is { } c ? Results.Ok(await svc.ListAsync(c.Id)) : Problems.NotFound("案件"))
            .WithName("ListPreservations")
            .WithSummary("案件的先行登记保存：物品、地点、开始日期、审批、处理决定期限（七个工作日）及处理决定");

        g.MapPost("/cases/{caseId:int}/preservations", async (int caseId, PreservationInput input, CaseService cases, EvidencePreservationService svc) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            var x = await svc.RegisterAsync(c, input);
            return Results.Created($"/api/v1/cases/{caseId}/preservations", await svc.ViewAsync(x));
        }).WithName("RegisterPreservation")
          .WithSummary("登记先行登记保存（普通程序处罚案件，作出处罚决定前）：保存物品、保存地点、开始日期；待主要负责人批准");

        g.MapPost("/preservations/{preservationId:int}/approval", async (int preservationId, HeadDecisionInput input, CaseService cases, EvidencePreservationService svc) =>
        {
            var x = await svc.FindAsync(preservationId);
            if (x is null || await cases.FindVisibleAsync(x.CaseId) is not { } c) return Problems.NotFound("先行登记保存");
            if (!svc.MayApprove(c)) return Problems.Forbidden("只有本机关主要负责人可以批准先行登记保存");
            await svc.ApproveAsync(x, input);
            return Results.Ok(await svc.ViewAsync(x));
        }).WithName("ApprovePreservation")
          .WithSummary("主要负责人批准或不予批准先行登记保存（不予批准须写明理由）");

        g.MapPost("/preservations/{preservationId:int}/outcome", async (int preservationId, PreservationOutcomeInput input, CaseService cases, EvidencePreservationService svc) =>
        {
            var x = await svc.FindAsync(preservationId);
            if (x is null || await cases.FindVisibleAsync(x.CaseId) is not { } c) return Problems.NotFound("先行登记保存");
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            await svc.ResolveAsync(x, input);
            return Results.Ok(await svc.ViewAsync(x));
        }).WithName("ResolvePreservation")
          .WithSummary("对先行登记保存的物品作出处理决定（RecordAndReturn 保全后退还、Examine 送检、Confiscate 没收、Seize 查封扣押、Transfer 移交、Lift 解除），附处理说明");
    }
}
