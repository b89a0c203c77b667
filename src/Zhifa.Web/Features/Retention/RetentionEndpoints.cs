using Zhifa.Domain.Retention;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Retention;

public static class RetentionEndpoints
{
    public sealed record HoldView(int Id, int CaseId, string Reason, string ReasonLabel, string Note, string PlacedBy, DateOnly PlacedOn, string ReleasedBy, DateOnly? ReleasedOn);

    public static HoldView View(LegalHold h) => new(h.Id, h.CaseId, h.Reason.ToString(), RetentionPolicy.Label(h.Reason), h.Note, h.PlacedBy, h.PlacedOn, h.ReleasedBy, h.ReleasedOn);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    public static void MapRetentionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags("保存期限");

        g.MapGet("/cases/{caseId:int}/retention", async (int caseId, RetentionService svc, TimeProvider time) =>
        {
            var c = await svc.FindCaseAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            return Results.Ok(new { holds = (await svc.HoldsAsync(c.Id)).Select(View), records = await svc.RecordsAsync(c, Today(time)) });
        }).WithSummary("本案记录的保存期限与长期保存情况");

        g.MapPost("/cases/{caseId:int}/holds", async (int caseId, HoldInput input, RetentionService svc, CurrentUser me, TimeProvider time) =>
        {
            var c = await svc.FindCaseAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!RetentionService.MayHold(me)) return Problems.Forbidden();
            var h = await svc.PlaceAsync(c, input, Today(time));
            return Results.Created($"/api/v1/cases/{caseId}/retention", View(h));
        }).WithSummary("对本案全部记录设置长期保存（当事人异议投诉、阻挠或暴力抗法、群体性或重大突发事件等）");

        g.MapPost("/holds/{holdId:int}/release", async (int holdId, RetentionService svc, CurrentUser me, TimeProvider time) =>
        {
            var h = await svc.FindHoldAsync(holdId);
            if (h is null) return Problems.NotFound("长期保存");
            if (!RetentionService.MayHold(me)) return Problems.Forbidden();
            await svc.ReleaseAsync(h, Today(time));
            return Results.Ok(View(h));
        }).WithSummary("解除长期保存");

        g.MapPost("/retention/purge", async (RetentionService svc, CurrentUser me, TimeProvider time) =>
        {
            if (!me.IsDeploymentAdministrator) return Problems.Forbidden("只有平台系统管理员可以立即执行清理");
            return Results.Ok(await svc.PurgeAsync(Today(time)));
        }).WithMetadata(new DeploymentWideAttribute()).WithSummary("立即执行一次保存期限清理（平时每日自动执行）");
    }
}
