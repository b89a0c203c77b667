using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

public static class SeizureExtensionEndpoints
{
    public static void MapSeizureExtensionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags(T("cases.api.tag"));

        g.MapGet("/cases/{caseId:int}/seizure-extensions", GetSeizureTerm).WithName("GetSeizureTerm").WithSummary(T("cases.api.seizure_term"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/seizure-extensions", RequestSeizureExtension).WithName("RequestSeizureExtension")
            .WithSummary(T("cases.api.request_seizure_extension"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/seizure-extensions/{extensionId:int}/decision", DecideSeizureExtension).WithName("DecideSeizureExtension")
            .WithSummary(T("cases.api.decide_seizure_extension"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<SeizureTermView>, ProblemHttpResult>> GetSeizureTerm(int caseId, CaseService cases, SeizureExtensionService svc)
        => await cases.FindVisibleAsync(caseId) is { } c ? TypedResults.Ok(await svc.TermAsync(c)) : Problems.NotFound(T("cases.error.case"));

    public static async Task<Results<Created<SeizureExtensionView>, ProblemHttpResult>> RequestSeizureExtension(int caseId, SeizureExtensionInput input,
        CaseService cases, SeizureExtensionService svc)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("cases.error.case"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        var x = await svc.RequestAsync(c, input);
        return TypedResults.Created($"/api/v1/cases/{caseId}/seizure-extensions", SeizureExtensionService.View(x));
    }

    public static async Task<Results<Ok<SeizureExtensionView>, ProblemHttpResult>> DecideSeizureExtension(int extensionId, HeadDecisionInput input,
        CaseService cases, SeizureExtensionService svc)
    {
        var x = await svc.FindAsync(extensionId);
        if (x is null || await cases.FindVisibleAsync(x.CaseId) is not { } c) return Problems.NotFound(T("cases.error.seizure_extension"));
        if (!svc.MayDecide(c)) return Problems.Forbidden(T("cases.error.decide_seizure_extension_forbidden"));
        await svc.DecideAsync(c, x, input);
        return TypedResults.Ok(SeizureExtensionService.View(x));
    }
}
