namespace Zhifa.Web.Features.Documents;

public static class DocumentEndpoints
{
    public static void AddDocumentFeature(this IServiceCollection services)
    {
    }

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder group)
    {
    }
}
