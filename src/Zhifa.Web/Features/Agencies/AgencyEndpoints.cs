namespace Zhifa.Web.Features.Agencies;

public static class AgencyEndpoints
{
    public static void MapAgencyEndpoints(this IEndpointRouteBuilder group)
    {
    }
}
