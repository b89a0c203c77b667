namespace Zhifa.Web.Features.LegalReview;

/// <summary>Legal review of major decisions (重大执法决定法制审核, LR-1 … LR-9).</summary>
public static class LegalReviewEndpoints
{
    public static void AddLegalReviewFeature(this IServiceCollection services)
    {
        services.AddScoped<LegalReviewGateService>();
    }

    public static void MapLegalReviewEndpoints(this IEndpointRouteBuilder group)
    {
        _ = group;
    }
}
