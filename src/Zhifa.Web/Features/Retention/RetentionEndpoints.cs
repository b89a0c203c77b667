using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Retention;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Retention;

public static class RetentionEndpoints
{
    public sealed record HoldView(int Id, int CaseId, string Reason, string ReasonLabel, string Note, string PlacedBy, DateOnly PlacedOn, string ReleasedBy, DateOnly? ReleasedOn);

    public sealed record RetentionView(IEnumerable<HoldView> Holds, List<RecordRetentionView> Records);

    public static HoldView View(LegalHold h) => new(h.Id, h.CaseId, h.Reason.ToString(), RetentionPolicy.Label(h.Reason), h.Note, h.PlacedBy, h.PlacedOn, h.ReleasedBy, h.ReleasedOn);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    public static void MapRetentionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags(T("retention.api.tag"));
        g.MapGet("/cases/{caseId:int}/retention", GetRetention).WithSummary(T("retention.api.get")).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/holds", PlaceHold).WithSummary(T("retention.api.place"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/holds/{holdId:int}/release", ReleaseHold).WithSummary(T("retention.api.release"))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/retention/purge", RunPurge).WithMetadata(new DeploymentWideAttribute()).WithSummary(T("retention.api.purge"))
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<Ok<RetentionView>, ProblemHttpResult>> GetRetention(int caseId, RetentionService svc, TimeProvider time)
    {
        if (await svc.FindCaseAsync(caseId) is not { } c) return Problems.NotFound(T("retention.case"));
        return TypedResults.Ok(new RetentionView((await svc.HoldsAsync(c.Id)).Select(View), await svc.RecordsAsync(c, Today(time))));
    }

    public static async Task<Results<Created<HoldView>, ProblemHttpResult>> PlaceHold(int caseId, HoldInput input, RetentionService svc, TimeProvider time)
    {
        if (await svc.FindCaseAsync(caseId) is not { } c) return Problems.NotFound(T("retention.case"));
        var placed = await svc.PlaceAsync(c, input, Today(time));
        return placed.Value is { } h ? TypedResults.Created($"/api/v1/cases/{caseId}/retention", View(h)) : Problems.Refused(placed);
    }

    public static async Task<Results<Ok<HoldView>, ProblemHttpResult>> ReleaseHold(int holdId, RetentionService svc, TimeProvider time)
    {
        if (await svc.FindHoldAsync(holdId) is not { } h) return Problems.NotFound(T("retention.hold"));
        var released = await svc.ReleaseAsync(h, Today(time));
        return released.Succeeded ? TypedResults.Ok(View(h)) : Problems.Refused(released);
    }

    public static async Task<Results<Ok<PurgeResult>, ProblemHttpResult>> RunPurge(RetentionService svc, TimeProvider time)
    {
        var run = await svc.RunPurgeAsync(Today(time));
        return run.Value is { } result ? TypedResults.Ok(result) : Problems.Refused(run);
    }
}
