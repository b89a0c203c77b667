using System.Text;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

public static class PreDisclosureEndpoints
{
    /// <summary>Public pages and reads may be cached briefly: a new version shows within a minute.</summary>
    public const string PublicCacheControl = "public, max-age=60";

    public static void AddPreDisclosureFeature(this IServiceCollection services)
    {
        services.AddScoped<PreDisclosureSourceLoader>();
        services.AddScoped<PreDisclosureService>();
        services.AddScoped<IPublicationKind, PreDisclosureKind>();
    }

    /// <summary>The staff's API under /api/v1: the lists of an agency, their staleness, generating and reading versions.</summary>
    public static void MapPreDisclosureEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/agencies/{agencyId:int}/pre-disclosure").WithTags("公示");
        g.MapGet("", async (int agencyId, PreDisclosureService svc, CurrentUser me) =>
            await me.CanSee(agencyId) ? Results.Ok(await svc.OverviewAsync(agencyId)) : Problems.NotFound("执法主体"))
          .WithName("ListPreDisclosureLists")
          .WithSummary("执法主体的事前公开清单：各清单已公开的版本和日期、数据变化后是否需要动态调整（stale），以及审核中的版本")
          .Produces<List<ListStateView>>();
        g.MapPost("/{listKey}/versions", async (int agencyId, string listKey, PreDisclosureService svc, CurrentUser me) =>
        {
            if (!await me.CanSee(agencyId) || !PreDisclosureLists.IsKnown(listKey)) return Problems.NotFound("事前公开清单");
            if (svc.WhyNotGenerate(agencyId) is { } why) return Problems.Forbidden(why);
            var p = await svc.GenerateAsync(agencyId, listKey);
            return Results.Ok(await svc.ViewAsync(p));
        }).WithName("GeneratePreDisclosureVersion")
          .WithSummary("按平台当前数据生成清单的下一版本（草稿，列出与已公开版本相比新增、删除、变更的行）；提交后经合法性审核、分管领导、主要负责人审签发布")
          .Produces<ListVersionView>();
        g.MapGet("/{listKey}/versions/{version:int}", async (int agencyId, string listKey, int version, PreDisclosureService svc, CurrentUser me) =>
        {
            if (!await me.CanSee(agencyId) || await svc.FindVersionAsync(agencyId, listKey, version) is not { } p) return Problems.NotFound("清单版本");
            return Results.Ok(await svc.ViewAsync(p));
        }).WithName("GetPreDisclosureVersion")
          .WithSummary("清单的一个版本：内容、状态、与前一公开版本相比的变化和审核链")
          .Produces<ListVersionView>();
    }

    /// <summary>The portal's read API under /gs/api/v1 (anonymous): only published and superseded versions.</summary>
    public static void MapPreDisclosurePortalEndpoints(this IEndpointRouteBuilder portal)
    {
        var g = portal.MapGroup("/api/v1/agencies").WithTags("公示").AllowAnonymous();
        g.MapGet("", async (PreDisclosureService svc, HttpContext http) =>
        {
            Cache(http);
            return Results.Ok(await svc.PublicAgenciesAsync());
        }).WithName("ListAgenciesPublic").WithSummary("公开：全部执法主体及其已公开的事前公开清单")
          .Produces<List<PublicAgencyView>>();
        g.MapGet("/{agencyId:int}", async (int agencyId, PreDisclosureService svc, HttpContext http) =>
        {
            if (await svc.PublicAgencyAsync(agencyId) is not { } a) return Problems.NotFound("执法主体");
            Cache(http);
            return Results.Ok(a);
        }).WithName("GetAgencyPublic").WithSummary("公开：执法主体的内设机构、联系方式和已公开的清单")
          .Produces<PublicAgencyView>();
        g.MapGet("/{agencyId:int}/lists/{listKey}", async (int agencyId, string listKey, PreDisclosureService svc, HttpContext http) =>
        {
            if (await svc.PublicListAsync(agencyId, listKey, null) is not { } l) return Problems.NotFound("事前公开清单");
            Cache(http);
            return Results.Ok(l);
        }).WithName("GetPreDisclosureListPublic").WithSummary("公开：清单的现行版本（版本号、公开日期、内容）及历史版本")
          .Produces<PublicListView>();
        g.MapGet("/{agencyId:int}/lists/{listKey}/v/{version:int}", async (int agencyId, string listKey, int version, PreDisclosureService svc, HttpContext http) =>
        {
            if (await svc.PublicListAsync(agencyId, listKey, version) is not { } l) return Problems.NotFound("清单版本");
            Cache(http);
            return Results.Ok(l);
        }).WithName("GetPreDisclosureVersionPublic").WithSummary("公开：清单的某一历史版本（已被新版本替代的注明替代日期）")
          .Produces<PublicListView>();

        // The flowchart pictures of a published procedure list, shown as <img> and downloadable.
        portal.MapGet("/agencies/{agencyId:int}/lists/{listKey}/v/{version:int}/flowcharts/{chart}.svg",
            async (int agencyId, string listKey, int version, string chart, PreDisclosureService svc, HttpContext http) =>
            {
                if (await svc.PublicFlowchartAsync(agencyId, listKey, version, chart) is not { } svg) return Problems.NotFound("流程图");
                Cache(http);
                return Results.Text(svg, "image/svg+xml", Encoding.UTF8);
            }).AllowAnonymous().WithTags("公示").WithName("GetFlowchartPublic").WithSummary("公开：执法流程图（SVG，由办案流程规则生成）");
    }

    /// <summary>
    /// Anonymous answers may sit in shared caches; a signed-in visitor's page carries their name in the menu, so it is
    /// cached by their own browser only.
    /// </summary>
    public static void Cache(HttpContext http)
        => http.Response.Headers.CacheControl = http.User.Identity?.IsAuthenticated == true ? "private, max-age=60" : PublicCacheControl;
}
