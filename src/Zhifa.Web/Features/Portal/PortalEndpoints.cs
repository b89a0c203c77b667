namespace Zhifa.Web.Features.Portal;

public static class PortalEndpoints
{
    public static void MapPortalEndpoints(this IEndpointRouteBuilder group)
    {
    }
}
