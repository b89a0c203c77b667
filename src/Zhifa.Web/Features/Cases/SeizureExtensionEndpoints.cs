using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Cases;

public static class SeizureExtensionEndpoints
{
    public static void MapSeizureExtensionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags("案件");

        g.MapGet("/cases/{caseId:int}/seizure-extensions", async (int caseId, CaseService cases, SeizureExtensionService svc) =>
            await cases.FindVisibleAsync(caseId) is { } c ? Results.Ok(await svc.TermAsync(c)) : Problems.NotFound("案件"))
            .WithName("GetSeizureTerm")
            .WithSummary("查封、扣押期限：实施日期、三十日届满日、经批准延长后的届满日及全部延期申请");

        g.MapPost("/cases/{caseId:int}/seizure-extensions", async (int caseId, SeizureExtensionInput input, CaseService cases, SeizureExtensionService svc) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            var x = await svc.RequestAsync(c, input);
            return Results.Created($"/api/v1/cases/{caseId}/seizure-extensions", SeizureExtensionService.View(x));
        }).WithName("RequestSeizureExtension")
          .WithSummary("申请延长查封、扣押期限（情况复杂，延长不超过三十日，只能延长一次，须在三十日届满前申请），待主要负责人审批");

        g.MapPost("/seizure-extensions/{extensionId:int}/decision", async (int extensionId, HeadDecisionInput input, CaseService cases, SeizureExtensionService svc) =>
        {
            var x = await svc.FindAsync(extensionId);
            if (x is null || await cases.FindVisibleAsync(x.CaseId) is not { } c) return Problems.NotFound("延期申请");
            if (!svc.MayDecide(c)) return Problems.Forbidden("只有本机关主要负责人可以审批延长查封、扣押期限");
            await svc.DecideAsync(c, x, input);
            return Results.Ok(SeizureExtensionService.View(x));
        }).WithName("DecideSeizureExtension")
          .WithSummary("主要负责人批准或不予批准延长查封、扣押期限（不予批准须写明理由）");
    }
}
