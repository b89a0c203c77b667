using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Discretion;
using Zhifa.Web.Infrastructure;

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
        var g = group.MapGroup("/cases/{caseId:int}/proposal").WithTags("拟作出的决定");

        g.MapGet("/", async (int caseId, CaseService cases, ProposalService proposals) =>
            await cases.FindVisibleAsync(caseId) is { } c ? Results.Ok(await proposals.ViewAsync(c)) : Problems.NotFound("案件"))
            .WithSummary("查看案件拟作出的决定（尚未填写时 proposal 为 null）、所记录情节对应的推荐裁量阶次与罚款幅度、超出裁量基准之处及其理由、是否已锁定");

        g.MapPut("/", async (int caseId, ProposalInput input, CaseService cases, ProposalService proposals) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!await cases.MayChangeAsync(c)) return Problems.Forbidden();
            await proposals.SaveAsync(c, input);
            return Results.Ok(await proposals.ViewAsync(c));
        }).WithSummary("填写或修改拟作出的决定：处理结果、处罚种类、金额、决定内容、法律依据、违法情节、裁量阶次、三项理由；超出裁量基准须写明理由；案件作出决定后不能再修改");

        g.MapGet("/recommendation", async (int caseId, string[]? circumstance, decimal? illegalGainsYuan, CaseService cases, ProposalService proposals) =>
        {
            var c = await cases.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            var given = circumstance is { Length: > 0 } ? circumstance : null;
            var rec = await proposals.RecommendAsync(c, given, illegalGainsYuan);
            var recorded = given ?? (await proposals.GetAsync(c.Id))?.CircumstanceList ?? [];
            return Results.Ok(ProposalService.ToDto(rec, recorded.ToList()));
        }).WithSummary("按违法情节推荐裁量阶次与罚款幅度（circumstance 可重复给出；不给时按已记录的情节）");

        group.MapDiscretionEndpoints();
    }
}
