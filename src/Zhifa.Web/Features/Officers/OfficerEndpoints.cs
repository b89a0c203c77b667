namespace Zhifa.Web.Features.Officers;

public static class OfficerEndpoints
{
    public static void AddOfficerFeature(this IServiceCollection services)
    {
    }

    public static void MapOfficerEndpoints(this IEndpointRouteBuilder group)
    {
    }
}
