namespace Zhifa.Web.Features.Records;

public static class RecordEndpoints
{
    public static void AddRecordFeature(this IServiceCollection services)
    {
    }

    public static void MapRecordEndpoints(this IEndpointRouteBuilder group)
    {
    }
}
