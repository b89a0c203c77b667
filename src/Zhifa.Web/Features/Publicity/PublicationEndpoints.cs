using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

public static class PublicationEndpoints
{
    public static void AddPublicityFeature(this IServiceCollection services)
    {
        services.AddScoped<PublicationService>();
        services.AddScoped<DecisionPublicationService>();
        services.AddScoped<IPublicationKind, DecisionReadiness>();
        services.AddPreDisclosureFeature();
    }

    public static void MapPublicationEndpoints(this IEndpointRouteBuilder api)
    {
        var policy = api.MapGroup("/agencies/{agencyId:int}/publication-policy").WithTags("公示");
        policy.MapGet("", async (int agencyId, PublicationService svc, CurrentUser me) =>
            await me.CanSee(agencyId) ? Results.Ok(await svc.PolicyViewAsync(agencyId)) : Problems.NotFound("执法主体"))
          .WithName("GetPublicationPolicy").WithSummary("执法主体的公示审核链（承办单位拟稿→[科室负责人]→[合法性审核]→[分管领导]→主要负责人审签）和处罚信息公示期限")
          .Produces<PolicyView>();
        policy.MapPut("", async (int agencyId, PolicyInput input, PublicationService svc, CurrentUser me) =>
        {
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            if (!svc.MaySetPolicy(agencyId)) return Problems.Forbidden("只有本机关主要负责人或系统管理员可以设置公示审核链");
            return Results.Ok(await svc.SetPolicyAsync(agencyId, input));
        }).WithName("SetPublicationPolicy").WithSummary("设置公示审核链（是否经科室负责人、分管领导审核；主要负责人审签不可省略）和公示期限（月）")
          .Produces<PolicyView>();

        var g = api.MapGroup("/publications").WithTags("公示");
        g.MapGet("/{publicationId:int}/chain", async (int publicationId, PublicationService svc) =>
            await svc.FindVisibleAsync(publicationId) is { } p ? Results.Ok(await svc.ChainAsync(p)) : Problems.NotFound("公示事项"))
          .WithName("GetPublicationChain").WithSummary("公示事项的审核链：各环节是否完成、由谁、何时、意见，以及当前等待的环节和角色")
          .Produces<ChainView>();
        g.MapPost("/{publicationId:int}/submit", (int publicationId, ApprovalInput input, PublicationService svc) =>
            Act(publicationId, svc, p => svc.WhyNotSubmit(p), p => svc.SubmitAsync(p, input)))
          .WithName("SubmitPublication").WithSummary("承办单位提交公示审核（进入审核链）");
        g.MapPost("/{publicationId:int}/approve", (int publicationId, ApprovalInput input, PublicationService svc) =>
            Act(publicationId, svc, null, p => svc.ApproveAsync(p, input)))
          .WithName("ApprovePublication").WithSummary("当前环节审核同意；主要负责人审签后即发布（或按不予公开办结）");
        g.MapPost("/{publicationId:int}/return", (int publicationId, ApprovalInput input, PublicationService svc) =>
            Act(publicationId, svc, null, p => svc.ReturnAsync(p, input)))
          .WithName("ReturnPublication").WithSummary("当前环节退回承办单位（须写明理由），重新拟稿后审核链重新开始");
    }

    private static async Task<IResult> Act(int id, PublicationService svc, Func<Publication, string?>? whyNot, Func<Publication, Task> act)
    {
        if (await svc.FindVisibleAsync(id) is not { } p) return Problems.NotFound("公示事项");
        var why = whyNot is null ? await svc.WhyNotApproveAsync(p) : whyNot(p);
        if (why is not null) return Problems.Forbidden(why);
        await act(p);
        return Results.Ok(await svc.ChainAsync(p));
    }
}
