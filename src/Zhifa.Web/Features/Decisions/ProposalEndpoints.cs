using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Discretion;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

/// <summary>The proposed decision (拟作出的决定) and the discretion that shapes it.</summary>
public static class ProposalEndpoints
{
    public static void AddProposalFeature(this IServiceCollection services)
    {
        services.AddScoped<ProposalService>();
        services.AddDiscretionFeature();
    }

    public static void MapProposalEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/cases/{caseId:int}/proposal").WithTags(T("decisions.api.tag.proposal"));

        g.MapGet("/", GetProposal).WithName("GetProposal").WithSummary(T("decisions.api.get_proposal"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/", SaveProposal).WithName("SaveProposal").WithSummary(T("decisions.api.save_proposal"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/recommendation", RecommendDiscretion).WithName("RecommendDiscretion").WithSummary(T("decisions.api.recommend"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDiscretionEndpoints();
    }

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> GetProposal(int caseId, CaseService cases, ProposalService proposals)
        => await cases.FindVisibleAsync(caseId) is { } c ? TypedResults.Ok(await proposals.ViewAsync(c)) : Problems.NotFound(T("decisions.error.case"));

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> SaveProposal(int caseId, ProposalInput input, CaseService cases, ProposalService proposals)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("decisions.error.case"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        await proposals.SaveAsync(c, input);
        return TypedResults.Ok(await proposals.ViewAsync(c));
    }

    public static async Task<Results<Ok<RecommendationDto>, ProblemHttpResult>> RecommendDiscretion(int caseId, string[]? circumstance, decimal? illegalGainsYuan,
        CaseService cases, ProposalService proposals)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("decisions.error.case"));
        var given = circumstance is { Length: > 0 } ? circumstance : null;
        var rec = await proposals.RecommendAsync(c, given, illegalGainsYuan);
        var recorded = given ?? (await proposals.GetAsync(c.Id))?.CircumstanceList ?? [];
        return TypedResults.Ok(ProposalService.ToDto(rec, recorded.ToList()));
    }
}
