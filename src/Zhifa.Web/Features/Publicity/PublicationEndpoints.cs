using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

public static class PublicationEndpoints
{
    public static void AddPublicityFeature(this IServiceCollection services)
    {
        services.AddScoped<PublicationService>();
        services.AddScoped<DecisionPublicationService>();
        services.AddScoped<ICaseDeadlineSource>(s => s.GetRequiredService<DecisionPublicationService>());
        services.AddScoped<IDomainEventHandler<CaseMoved>, DecisionPublicationOnCaseMoved>();
        services.AddScoped<IPublicationKind, DecisionReadiness>();
        services.AddHostedService<HourlyPublicationExpiry>();
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
        g.MapGet("", async (int? agencyId, string? status, bool? overdue, DecisionPublicationService svc) =>
            Results.Ok(await svc.ListAsync(agencyId, status, overdue == true)))
          .WithName("ListDecisionPublications")
          .WithSummary("执法决定公示任务：作出决定即生成，许可、处罚 7 个工作日内、其他 20 个工作日内公开；含审核进度、法律状态、撤回期限；overdue=true 只列逾期的")
          .Produces<List<TaskRow>>();
        g.MapGet("/{publicationId:int}", async (int publicationId, PublicationService svc, DecisionPublicationService decisions) =>
            await svc.FindVisibleAsync(publicationId) is { } p ? Results.Ok(await decisions.DetailAsync(p)) : Problems.NotFound("公示事项"))
          .WithName("GetPublication").WithSummary("公示事项详情：摘要字段、公开方式、不予公开情形、审核链和记录、各版本、法律状态和撤回")
          .Produces<PublicationDetail>();
        g.MapPut("/{publicationId:int}/content", (int publicationId, ContentInput input, PublicationService svc, DecisionPublicationService d) =>
            OnDecision(publicationId, svc, d, d.WhyNotPrepare, p => d.SaveContentAsync(p, input)))
          .WithName("SavePublicationContent").WithSummary("拟稿：选择摘要或全文公开，修改标题、违法行为、依据、执法结论（保存时再次自动脱敏）");
        g.MapGet("/{publicationId:int}/redaction", async (int publicationId, PublicationService svc, DecisionPublicationService d) =>
            await svc.FindVisibleAsync(publicationId) is { } p ? Results.Ok(await d.RedactionAsync(p)) : Problems.NotFound("公示事项"))
          .WithName("GetPublicationRedaction").WithSummary("全文公开的脱敏：决定书原文、系统建议的每一处脱敏（类型、原文、替换为）、已确认的脱敏和预览")
          .Produces<RedactionView>();
        g.MapPost("/{publicationId:int}/redaction", (int publicationId, RedactionConfirmInput input, PublicationService svc, DecisionPublicationService d) =>
            OnDecision(publicationId, svc, d, d.WhyNotPrepare, p => d.ConfirmRedactionAsync(p, input)))
          .WithName("ConfirmPublicationRedaction").WithSummary("公示管理员逐处确认脱敏：保留的脱敏、补充隐去的文字（正文中每处都隐去）；须附原文摘要值 sourceSha256");
        g.MapPost("/{publicationId:int}/non-disclosure", (int publicationId, NonDisclosureInput input, PublicationService svc, DecisionPublicationService d) =>
            OnDecision(publicationId, svc, d, d.WhyNotPrepare, p => d.ProposeNonDisclosureAsync(p, input)))
          .WithName("ProposeNonDisclosure").WithSummary("拟不予公开（未成年人、国家秘密、商业秘密、个人隐私、危及安全、法律禁止）或例外公开（第三方同意、公共利益），经审核链审批");
        g.MapDelete("/{publicationId:int}/non-disclosure", (int publicationId, PublicationService svc, DecisionPublicationService d) =>
            OnDecision(publicationId, svc, d, d.WhyNotPrepare, d.ClearNonDisclosureAsync))
          .WithName("ClearNonDisclosure").WithSummary("取消拟不予公开，按正常程序公开");
        g.MapPost("/{publicationId:int}/legal-status", (int publicationId, LegalStatusInput input, PublicationService svc, DecisionPublicationService d) =>
            OnDecision(publicationId, svc, d, d.WhyNotManage, p => d.SetLegalStatusAsync(p, input)))
          .WithName("SetPublicationLegalStatus").WithSummary("更新已公开决定的法律状态（复议中、诉讼中、已变更、已撤销、被确认违法）；后三者须在 3 个工作日内撤回");
        g.MapPost("/{publicationId:int}/withdraw", (int publicationId, WithdrawInput input, PublicationService svc, DecisionPublicationService d) =>
            OnDecision(publicationId, svc, d, d.WhyNotManage, p => d.WithdrawAsync(p, input)))
          .WithName("WithdrawPublication").WithSummary("撤回已公开的决定，须写明向社会公开的撤回理由；门户只显示撤回理由，不再显示原文");
        g.MapPost("/{publicationId:int}/versions", async (int publicationId, PublicationService svc, DecisionPublicationService d) =>
        {
            if (await svc.FindVisibleAsync(publicationId) is not { } p) return Problems.NotFound("公示事项");
            if (d.WhyNotPrepare(p) is { } why) return Problems.Forbidden(why);
            var next = await d.NewVersionAsync(p);
            return Results.Created($"/api/v1/publications/{next.Id}", await d.DetailAsync(next));
        }).WithName("NewPublicationVersion").WithSummary("新建下一版本（更新公开内容）：从案件重新生成草稿，审签发布后替代当前版本")
          .Produces<PublicationDetail>(StatusCodes.Status201Created);
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

    /// <summary>A change of a decision's publication by someone the check allows; answers with the whole detail.</summary>
    private static async Task<IResult> OnDecision(int id, PublicationService svc, DecisionPublicationService d, Func<Publication, string?> whyNot,
        Func<Publication, Task> act)
    {
        if (await svc.FindVisibleAsync(id) is not { } p) return Problems.NotFound("公示事项");
        if (whyNot(p) is { } why) return Problems.Forbidden(why);
        await act(p);
        return Results.Ok(await d.DetailAsync(p));
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
