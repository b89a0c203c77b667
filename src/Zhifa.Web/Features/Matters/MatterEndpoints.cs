namespace Zhifa.Web.Features.Matters;

public static class MatterEndpoints
{
    public static void AddMatterFeature(this IServiceCollection services)
    {
    }

    public static void MapMatterEndpoints(this IEndpointRouteBuilder group)
    {
    }
}
