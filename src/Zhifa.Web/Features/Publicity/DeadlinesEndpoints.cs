using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

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
        api.MapGet("/publicity/deadlines", async (string? agencyId, string? unitId, DeadlinesService svc) =>
        {
            var errors = new ValidationErrors();
            int? a = InspectionService.ParseInt(agencyId, "agencyId", "执法主体", errors), u = InspectionService.ParseInt(unitId, "unitId", "科室", errors);
            if (errors.Any) return Problems.Validation(errors.Items);
            return await svc.ListAsync(a, u) is { } view ? Results.Ok(view) : Problems.NotFound("执法主体或科室");
        }).WithTags("公示").WithName("GetPublicityDeadlines")
          .WithSummary("公示期限：各执法主体、科室应公开未公开的执法决定（7/20 个工作日）、应撤回的决定（3 个工作日）、需更新的已公开信息和上年度统计年报（1 月 31 日前），含是否逾期及按科室汇总")
          .Produces<DeadlinesView>();
    }
}
