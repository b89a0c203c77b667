using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Records;

public static class RecordingExemptionEndpoints
{
    public sealed record DecisionInput(bool Approve, string? Note);

    public static void MapRecordingExemptionEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags("音像记录");

        g.MapGet("/cases/{caseId:int}/recording-exemptions", async (int caseId, RecordingExemptionService svc) =>
            await svc.FindCaseAsync(caseId) is { } c ? Results.Ok(await svc.ListAsync(c.Id)) : Problems.NotFound("案件"))
            .WithSummary("应录未录环节的书面说明");

        g.MapPost("/cases/{caseId:int}/recording-exemptions", async (int caseId, ExemptionInput input, RecordingExemptionService svc, Cases.CaseService cases) =>
        {
            var c = await svc.FindCaseAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            var x = await svc.CreateAsync(c, input);
            return Results.Created($"/api/v1/cases/{caseId}/recording-exemptions", RecordingExemptionService.View(x));
        }).WithSummary("提交应录未录环节的书面说明（涉密、不可抗力或其他客观原因），待主要负责人批准");

        g.MapPost("/recording-exemptions/{exemptionId:int}/decision", async (int exemptionId, DecisionInput input, RecordingExemptionService svc, CurrentUser me) =>
        {
            var x = await svc.FindAsync(exemptionId);
            if (x is null) return Problems.NotFound("书面说明");
            if (!RecordingExemptionService.MayDecide(me)) return Problems.Forbidden("只有主要负责人可以批准书面说明");
            await svc.DecideAsync(x, input.Approve, input.Note);
            return Results.Ok(RecordingExemptionService.View(x));
        }).WithSummary("主要负责人批准或不批准书面说明");
    }
}
