using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Access;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Access;

public static class AccessEndpoints
{
    public static void MapAccessEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags(T("access.api.tag"));
        g.MapGet("/access-requests", ListAccessRequests).WithSummary(T("access.api.list"));
        g.MapPost("/cases/{caseId:int}/access-requests", CreateAccessRequest).WithSummary(T("access.api.create"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/access-requests/{requestId:int}/decision", DecideAccessRequest).WithSummary(T("access.api.decide"))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<List<AccessRequestView>>> ListAccessRequests(AccessRequestStatus? status, AccessRequestService svc)
        => TypedResults.Ok(await svc.ListAsync(status));

    public static async Task<Results<Created<AccessRequestView>, ProblemHttpResult>> CreateAccessRequest(int caseId, AccessRequestInput input, AccessRequestService svc)
    {
        if (await svc.FindCaseAsync(caseId) is not { } c) return Problems.NotFound(T("access.case"));
        var created = await svc.CreateAsync(c, input);
        return created.Value is { } r ? TypedResults.Created($"/api/v1/access-requests/{r.Id}", AccessRequestService.View(r, c.Number)) : Problems.Refused(created);
    }

    public static async Task<Results<Ok<AccessRequestView>, ProblemHttpResult>> DecideAccessRequest(int requestId, AccessDecisionInput input, AccessRequestService svc)
    {
        if (await svc.FindAsync(requestId) is not { } r) return Problems.NotFound(T("access.request"));
        var decided = await svc.DecideAsync(r, input);
        return decided.Succeeded ? TypedResults.Ok((await svc.ListAsync(null, r.CaseId)).First(x => x.Id == r.Id)) : Problems.Refused(decided);
    }
}
