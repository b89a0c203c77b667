using Zhifa.Domain.Access;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Access;

public static class AccessEndpoints
{
    public sealed record DecisionInput(bool Approve, string? Note);

    public static void MapAccessEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags("调阅");

        g.MapGet("/access-requests", async (AccessRequestStatus? status, AccessRequestService svc) => await svc.ListAsync(status))
            .WithSummary("调阅申请（可按状态筛选）");

        g.MapPost("/cases/{caseId:int}/access-requests", async (int caseId, AccessRequestInput input, AccessRequestService svc) =>
        {
            var c = await svc.FindCaseAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            var r = await svc.CreateAsync(c, input);
            return Results.Created($"/api/v1/access-requests/{r.Id}", AccessRequestService.View(r, c.Number));
        }).WithSummary("申请调阅本案的音像记录等材料");

        g.MapPost("/access-requests/{requestId:int}/decision", async (int requestId, DecisionInput input, AccessRequestService svc, CurrentUser me) =>
        {
            var r = await svc.FindAsync(requestId);
            if (r is null) return Problems.NotFound("调阅申请");
            if (!AccessRequestService.MayDecide(me)) return Problems.Forbidden("只有主要负责人可以审批调阅申请");
            await svc.DecideAsync(r, input.Approve, input.Note);
            return Results.Ok((await svc.ListAsync(null, r.CaseId)).First(x => x.Id == r.Id));
        }).WithSummary("负责人批准或不批准调阅申请");
    }
}
