using Zhifa.Domain.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>Legal review of major decisions (重大执法决定法制审核, LR-1 … LR-9).</summary>
public static class LegalReviewEndpoints
{
    public static void AddLegalReviewFeature(this IServiceCollection services)
    {
        services.AddScoped<LegalReviewGateService>();
        services.AddScoped<LegalReviewService>();
        services.AddScoped<Cases.ICaseReviewState, CaseReviewState>();
        services.AddScoped<IDocumentReviewGate, DocumentReviewGate>();
    }

    /// <summary>A refused role is a 403 problem, like the other areas' Forbidden answers.</summary>
    private sealed class ForbiddenFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            try
            {
                return await next(context);
            }
            catch (ForbiddenException ex)
            {
                return Problems.Forbidden(ex.Message);
            }
        }
    }

    private static async Task<IResult> OnCase(int caseId, LegalReviewService svc, Func<Case, Task<IResult>> act)
        => await svc.FindVisibleCaseAsync(caseId) is { } c ? await act(c) : Problems.NotFound("案件");

    public static void MapLegalReviewEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags("法制审核").AddEndpointFilter<ForbiddenFilter>();

        g.MapGet("/agencies/{agencyId:int}/legal-review-catalogue", async (int agencyId, LegalReviewService svc, CurrentUser me) =>
            await me.CanSee(agencyId) && await svc.CatalogueAsync(agencyId) is { } dto ? Results.Ok(dto) : Problems.NotFound("执法主体"))
            .WithSummary("查看执法主体的重大执法决定法制审核目录清单：罚款、没收数额标准，必审的处罚种类，听证后决定，普通程序一律审核，需人工判断的情形");

        g.MapPut("/agencies/{agencyId:int}/legal-review-catalogue", async (int agencyId, CatalogueInput input, LegalReviewService svc, CurrentUser me) =>
        {
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(agencyId)) return Problems.Forbidden("只有管理员可以修改重大执法决定目录清单");
            return Results.Ok(await svc.SaveCatalogueAsync(agencyId, input));
        }).WithSummary("修改重大执法决定法制审核目录清单（数额为元，含本数；处罚种类用名称或中文）");

        g.MapGet("/legal-review/desk", async (LegalReviewService svc) => Results.Ok(await svc.DeskAsync()))
            .WithSummary("法制审核工作台：待审核（含审核期限）、已超期、已退回、待分管领导签署意见");

        g.MapGet("/cases/{caseId:int}/legal-review", (int caseId, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => Results.Ok(await svc.ViewAsync(c))))
            .WithSummary("案件的法制审核：是否属于重大执法决定及理由、能否作出决定、拟作出的决定及裁量档次、执法人员资格、审核期限、每一轮送审与审核意见、咨询与协调");

        g.MapPost("/cases/{caseId:int}/legal-review/flags", (int caseId, FlagInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { var f = await svc.FlagAsync(c, input); return Results.Created($"/api/v1/cases/{caseId}/legal-review", new { f.Id }); }))
            .WithSummary("人工标记案件属于重大执法决定（涉及重大公共利益、重大社会风险、疑难复杂、法定应当审核或其他），须写明理由");

        g.MapPost("/cases/{caseId:int}/legal-review/submissions", (int caseId, SubmissionInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { await svc.SubmitAsync(c, input); return Results.Created($"/api/v1/cases/{caseId}/legal-review", await svc.ViewAsync(c)); }))
            .WithSummary("送法制审核：情况说明各部分、拟作出的决定（当前拟作出的决定连同其指纹存档）、证据依据材料、听证笔录、评估鉴定报告、补充材料、答复和承办股室意见；材料不全时列出全部所缺材料");

        g.MapPost("/cases/{caseId:int}/legal-review/return", (int caseId, ReturnInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { await svc.ReturnAsync(c, input); return Results.Ok(await svc.ViewAsync(c)); }))
            .WithSummary("法制审核机构退回送审材料，须写明理由，可列明需补充的材料");

        g.MapPost("/cases/{caseId:int}/legal-review/opinions", (int caseId, OpinionInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { await svc.ReviewAsync(c, input); return Results.Created($"/api/v1/cases/{caseId}/legal-review", await svc.ViewAsync(c)); }))
            .WithSummary("出具审核意见：每一审核事项的结论，同意、暂不同意或不同意；后两者须选择理由类别并说明理由；初次审核须具备法律职业资格");

        g.MapPost("/cases/{caseId:int}/legal-review/extension", (int caseId, TextInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { await svc.ExtendAsync(c, input); return Results.Ok(await svc.ViewAsync(c)); }))
            .WithSummary("分管领导批准延长审核期限5个工作日（仅一次，须写明理由）");

        g.MapPost("/cases/{caseId:int}/legal-review/leader-opinion", (int caseId, LeaderOpinionInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { await svc.LeaderOpinionAsync(c, input); return Results.Ok(await svc.ViewAsync(c)); }))
            .WithSummary("分管领导（或主要负责人）在法制审核表上对本轮法制审核意见签署意见：agrees 同意或不同意，text 意见；本机关设置须经分管领导签署的，审核同意后未签署不能制作法制审核表、集体讨论或作出决定");

        g.MapPost("/cases/{caseId:int}/legal-review/consultations", (int caseId, ConsultationInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { await svc.ConsultAsync(c, input); return Results.Created($"/api/v1/cases/{caseId}/legal-review", await svc.ViewAsync(c)); }))
            .WithSummary("登记向法律顾问、公职律师或专家的咨询论证：咨询事项和意见");

        g.MapPost("/cases/{caseId:int}/legal-review/coordinations", (int caseId, CoordinationInput input, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => { await svc.CoordinateAsync(c, input); return Results.Created($"/api/v1/cases/{caseId}/legal-review", await svc.ViewAsync(c)); }))
            .WithSummary("登记审核机构与承办机构意见不一致时的协调：参加人员、分歧和协调结果");

        g.MapPost("/cases/{caseId:int}/legal-review/form", (int caseId, LegalReviewService svc) =>
            OnCase(caseId, svc, async c =>
            {
                var d = await svc.GenerateFormAsync(c);
                return Results.Created($"/api/v1/documents/{d.Id}", DocumentService.ToDto(d));
            }))
            .WithSummary("制作法制审核表（.docx），按送审材料和各轮审核意见、答复、分管领导意见填写，归入案卷的执法文书");

        g.MapGet("/cases/{caseId:int}/legal-review/responsibility", (int caseId, LegalReviewService svc) =>
            OnCase(caseId, svc, async c => Results.Ok(await svc.ResponsibilityAsync(c))))
            .WithSummary("责任报告：谁送审（何时）、谁审核每一轮、谁签署分管领导意见、谁作出决定");
    }
}
