using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Supervision;

public static class SupervisionEndpoints
{
    /// <summary>The violations and their counts per unit and officer.</summary>
    public sealed record ViolationsView(List<ViolationRow> Items, List<ViolationCount> ByUnitAndOfficer);

    public static void MapSupervisionEndpoints(this IEndpointRouteBuilder group)
    {
        group.MapGet("/supervision/violations", ListViolations).WithTags(T("supervision.api.tag")).WithName("ListViolations")
            .WithSummary(T("supervision.api.violations"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<ViolationsView>, ProblemHttpResult>> ListViolations(int? agencyId, SupervisionService svc, CurrentUser me)
    {
        if (!SupervisionService.MayView(me)) return Problems.Forbidden();
        if (agencyId is not null && !await me.CanSee(agencyId)) return Problems.NotFound(T("supervision.error.agency"));
        var rows = await svc.ViolationsAsync(agencyId);
        return TypedResults.Ok(new ViolationsView(rows, SupervisionService.Summarise(rows)));
    }
}
