using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Supervision;

public static class SupervisionEndpoints
{
    public static void MapSupervisionEndpoints(this IEndpointRouteBuilder group)
    {
        group.MapGet("/supervision/violations", async (int? agencyId, SupervisionService svc, CurrentUser me) =>
        {
            if (!SupervisionService.MayView(me)) return Problems.Forbidden();
            if (agencyId is not null && !await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            var rows = await svc.ViolationsAsync(agencyId);
            return Results.Ok(new { items = rows, byUnitAndOfficer = SupervisionService.Summarise(rows) });
        }).WithTags("监督").WithSummary("全过程记录中的违规情况：逾期登记、中断未说明、时间不一致、越权调阅");
    }
}
