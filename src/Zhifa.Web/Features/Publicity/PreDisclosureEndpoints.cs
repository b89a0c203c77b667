using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

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
        var g = api.MapGroup("/agencies/{agencyId:int}/pre-disclosure").WithTags(T("publication.api.tag"));
        g.MapGet("", ListPreDisclosureLists).WithName("ListPreDisclosureLists").WithSummary(T("predisclosure.api.list"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{listKey}/versions", GeneratePreDisclosureVersion).WithName("GeneratePreDisclosureVersion").WithSummary(T("predisclosure.api.generate"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/{listKey}/versions/{version:int}", GetPreDisclosureVersion).WithName("GetPreDisclosureVersion").WithSummary(T("predisclosure.api.version"))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The portal's read API under /gs/api/v1 (anonymous): only published and superseded versions.</summary>
    public static void MapPreDisclosurePortalEndpoints(this IEndpointRouteBuilder portal)
    {
        var g = portal.MapGroup("/api/v1/agencies").WithTags(T("publication.api.tag")).AllowAnonymous();
        g.MapGet("", ListAgenciesPublic).WithName("ListAgenciesPublic").WithSummary(T("predisclosure.api.agencies_public"));
        g.MapGet("/{agencyId:int}", GetAgencyPublic).WithName("GetAgencyPublic").WithSummary(T("predisclosure.api.agency_public"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{agencyId:int}/lists/{listKey}", GetPreDisclosureListPublic).WithName("GetPreDisclosureListPublic").WithSummary(T("predisclosure.api.list_public"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/{agencyId:int}/lists/{listKey}/v/{version:int}", GetPreDisclosureVersionPublic).WithName("GetPreDisclosureVersionPublic")
            .WithSummary(T("predisclosure.api.version_public")).ProducesProblem(StatusCodes.Status404NotFound);

        // The flowchart pictures of a published procedure list, shown as <img> and downloadable.
        portal.MapGet("/agencies/{agencyId:int}/lists/{listKey}/v/{version:int}/flowcharts/{chart}.svg", GetFlowchartPublic)
            .AllowAnonymous().WithTags(T("publication.api.tag")).WithName("GetFlowchartPublic").WithSummary(T("predisclosure.api.flowchart"))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<List<ListStateView>>, ProblemHttpResult>> ListPreDisclosureLists(int agencyId, PreDisclosureService svc, CurrentUser me)
        => await me.CanSee(agencyId) ? TypedResults.Ok(await svc.OverviewAsync(agencyId)) : Problems.NotFound(T("publication.agency"));

    public static async Task<Results<Ok<ListVersionView>, ProblemHttpResult>> GeneratePreDisclosureVersion(int agencyId, string listKey, PreDisclosureService svc, CurrentUser me)
    {
        if (!await me.CanSee(agencyId) || !PreDisclosureLists.IsKnown(listKey)) return Problems.NotFound(T("predisclosure.list"));
        var generated = await svc.GenerateAsync(agencyId, listKey);
        return generated.Succeeded ? TypedResults.Ok(await svc.ViewAsync(generated.Value!)) : Problems.Refused(generated);
    }

    public static async Task<Results<Ok<ListVersionView>, ProblemHttpResult>> GetPreDisclosureVersion(int agencyId, string listKey, int version, PreDisclosureService svc, CurrentUser me)
    {
        if (!await me.CanSee(agencyId) || await svc.FindVersionAsync(agencyId, listKey, version) is not { } p) return Problems.NotFound(T("predisclosure.version"));
        return TypedResults.Ok(await svc.ViewAsync(p));
    }

    public static async Task<Ok<List<PublicAgencyView>>> ListAgenciesPublic(PreDisclosureService svc, HttpContext http)
    {
        Cache(http);
        return TypedResults.Ok(await svc.PublicAgenciesAsync());
    }

    public static async Task<Results<Ok<PublicAgencyView>, ProblemHttpResult>> GetAgencyPublic(int agencyId, PreDisclosureService svc, HttpContext http)
    {
        if (await svc.PublicAgencyAsync(agencyId) is not { } a) return Problems.NotFound(T("publication.agency"));
        Cache(http);
        return TypedResults.Ok(a);
    }

    public static async Task<Results<Ok<PublicListView>, ProblemHttpResult>> GetPreDisclosureListPublic(int agencyId, string listKey, PreDisclosureService svc, HttpContext http)
    {
        if (await svc.PublicListAsync(agencyId, listKey, null) is not { } l) return Problems.NotFound(T("predisclosure.list"));
        Cache(http);
        return TypedResults.Ok(l);
    }

    public static async Task<Results<Ok<PublicListView>, ProblemHttpResult>> GetPreDisclosureVersionPublic(int agencyId, string listKey, int version, PreDisclosureService svc, HttpContext http)
    {
        if (await svc.PublicListAsync(agencyId, listKey, version) is not { } l) return Problems.NotFound(T("predisclosure.version"));
        Cache(http);
        return TypedResults.Ok(l);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetFlowchartPublic(int agencyId, string listKey, int version, string chart, PreDisclosureService svc, HttpContext http)
    {
        if (await svc.PublicFlowchartAsync(agencyId, listKey, version, chart) is not { } svg) return Problems.NotFound(T("predisclosure.flowchart"));
        Cache(http);
        return TypedResults.Text(svg, "image/svg+xml", Encoding.UTF8);
    }

    /// <summary>
    /// Anonymous answers may sit in shared caches; a signed-in visitor's page carries their name in the menu, so it is
    /// cached by their own browser only.
    /// </summary>
    public static void Cache(HttpContext http)
        => http.Response.Headers.CacheControl = http.User.Identity?.IsAuthenticated == true ? "private, max-age=60" : PublicCacheControl;
}
