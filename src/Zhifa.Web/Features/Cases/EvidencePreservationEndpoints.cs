using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

public static class EvidencePreservationEndpoints
{
    public static void MapEvidencePreservationEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags(T("cases.api.tag"));

        g.MapGet("/cases/{caseId:int}/preservations", ListPreservations).WithName("ListPreservations").WithSummary(T("cases.api.list_preservations"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/preservations", RegisterPreservation).WithName("RegisterPreservation").WithSummary(T("cases.api.register_preservation"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/preservations/{preservationId:int}/approval", ApprovePreservation).WithName("ApprovePreservation")
            .WithSummary(T("cases.api.approve_preservation"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/preservations/{preservationId:int}/outcome", ResolvePreservation).WithName("ResolvePreservation")
            .WithSummary(T("cases.api.resolve_preservation"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<List<PreservationView>>, ProblemHttpResult>> ListPreservations(int caseId, CaseService cases, EvidencePreservationService svc)
        => await cases.FindVisibleAsync(caseId) is { } c ? TypedResults.Ok(await svc.ListAsync(c.Id)) : Problems.NotFound(T("cases.error.case"));

    public static async Task<Results<Created<PreservationView>, ProblemHttpResult>> RegisterPreservation(int caseId, PreservationInput input, CaseService cases,
        EvidencePreservationService svc)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("cases.error.case"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        var x = await svc.RegisterAsync(c, input);
        return TypedResults.Created($"/api/v1/cases/{caseId}/preservations", await svc.ViewAsync(x));
    }

    public static async Task<Results<Ok<PreservationView>, ProblemHttpResult>> ApprovePreservation(int preservationId, HeadDecisionInput input, CaseService cases,
        EvidencePreservationService svc)
    {
        var x = await svc.FindAsync(preservationId);
        if (x is null || await cases.FindVisibleAsync(x.CaseId) is not { } c) return Problems.NotFound(T("cases.error.preservation"));
        if (!svc.MayApprove(c)) return Problems.Forbidden(T("cases.error.approve_preservation_forbidden"));
        await svc.ApproveAsync(x, input);
        return TypedResults.Ok(await svc.ViewAsync(x));
    }

    public static async Task<Results<Ok<PreservationView>, ProblemHttpResult>> ResolvePreservation(int preservationId, PreservationOutcomeInput input,
        CaseService cases, EvidencePreservationService svc)
    {
        var x = await svc.FindAsync(preservationId);
        if (x is null || await cases.FindVisibleAsync(x.CaseId) is not { } c) return Problems.NotFound(T("cases.error.preservation"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        await svc.ResolveAsync(x, input);
        return TypedResults.Ok(await svc.ViewAsync(x));
    }
}
