using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>The publicity deadlines, the quarterly inspection and the annual report: their services and routes.</summary>
public static class PublicityReportFeature
{
    public static void AddPublicityReportFeature(this IServiceCollection services)
    {
        services.AddScoped<DeadlinesService>();
        services.AddScoped<InspectionService>();
        services.AddScoped<InspectionNoteService>();
        services.AddScoped<AnnualReportFiguresQuery>();
        services.AddScoped<AnnualReportService>();
        services.AddScoped<IPublicationKind, AnnualReportKind>();
    }

    public static void MapPublicityReportEndpoints(this IEndpointRouteBuilder api, IEndpointRouteBuilder portal)
    {
        api.MapDeadlineEndpoints();
        api.MapInspectionEndpoints();
        api.MapInspectionNoteEndpoints();
        api.MapAnnualReportEndpoints();
        portal.MapAnnualReportPortalEndpoints();
    }
}

public static class DeadlinesEndpoints
{
    public static void MapDeadlineEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/publicity/deadlines", GetPublicityDeadlines).WithTags(T("publicity.api.tag")).WithName("GetPublicityDeadlines")
            .WithSummary(T("publicity.api.deadlines"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<DeadlinesView>, ProblemHttpResult>> GetPublicityDeadlines(string? agencyId, string? unitId, DeadlinesService svc)
    {
        var errors = new ValidationErrors();
        int? a = InspectionService.ParseInt(agencyId, "agencyId", T("publicity.error.agency"), errors), u = InspectionService.ParseInt(unitId, "unitId", T("publicity.error.unit"), errors);
        if (errors.Any) return Problems.Validation(errors.Items);
        return await svc.ListAsync(a, u) is { } view ? TypedResults.Ok(view) : Problems.NotFound(T("publicity.error.agency_or_unit"));
    }
}
