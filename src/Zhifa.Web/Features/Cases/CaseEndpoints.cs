namespace Zhifa.Web.Features.Cases;

public static class CaseEndpoints
{
    public static void AddCaseFeature(this IServiceCollection services)
    {
    }

    public static void MapCaseEndpoints(this IEndpointRouteBuilder group)
    {
    }
}
