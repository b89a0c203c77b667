using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Records;

public static class RecordingExemptionEndpoints
{
    public sealed record DecisionInput(bool Approve, string? Note);

    public static void MapRecordingExemptionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags(T("records.api.tag.exemptions"));

        g.MapGet("/cases/{caseId:int}/recording-exemptions", ListRecordingExemptions).WithName("ListRecordingExemptions")
            .WithSummary(T("records.api.list_exemptions"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/recording-exemptions", CreateRecordingExemption).WithName("CreateRecordingExemption")
            .WithSummary(T("records.api.create_exemption"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/recording-exemptions/{exemptionId:int}/decision", DecideRecordingExemption).WithName("DecideRecordingExemption")
            .WithSummary(T("records.api.decide_exemption"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<List<ExemptionView>>, ProblemHttpResult>> ListRecordingExemptions(int caseId, RecordingExemptionService svc)
        => await svc.FindCaseAsync(caseId) is { } c ? TypedResults.Ok(await svc.ListAsync(c.Id)) : Problems.NotFound(T("records.error.case"));

    public static async Task<Results<Created<ExemptionView>, ProblemHttpResult>> CreateRecordingExemption(int caseId, ExemptionInput input,
        RecordingExemptionService svc, Cases.CaseService cases)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return Problems.NotFound(T("records.error.case"));
        if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
        var x = await svc.CreateAsync(c, input);
        return TypedResults.Created($"/api/v1/cases/{caseId}/recording-exemptions", RecordingExemptionService.View(x));
    }

    public static async Task<Results<Ok<ExemptionView>, ProblemHttpResult>> DecideRecordingExemption(int exemptionId, DecisionInput input,
        RecordingExemptionService svc, CurrentUser me)
    {
        var x = await svc.FindAsync(exemptionId);
        if (x is null) return Problems.NotFound(T("records.error.exemption"));
        if (!RecordingExemptionService.MayDecide(me)) return Problems.Forbidden(T("records.error.decide_exemption_forbidden"));
        await svc.DecideAsync(x, input.Approve, input.Note);
        return TypedResults.Ok(RecordingExemptionService.View(x));
    }
}
