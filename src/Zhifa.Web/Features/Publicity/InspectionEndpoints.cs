using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

public static class InspectionEndpoints
{
    public static void MapInspectionEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/publicity/inspection").WithTags(T("publicity.api.tag"));
        g.MapGet("", GetPublicityInspection).WithName("GetPublicityInspection").WithSummary(T("publicity.api.inspection"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/docx", GetPublicityInspectionDocx).WithName("GetPublicityInspectionDocx").WithSummary(T("publicity.api.inspection_docx"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: Documents.DocumentWord.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/xlsx", GetPublicityInspectionXlsx).WithName("GetPublicityInspectionXlsx").WithSummary(T("publicity.api.inspection_xlsx"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: Matters.MatterImport.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<InspectionReport>, ProblemHttpResult>> GetPublicityInspection(string? agencyId, string? year, string? quarter,
        InspectionService svc, CurrentUser me)
    {
        var (report, problem) = await ReportAsync(agencyId, year, quarter, svc, me);
        return problem is not null ? problem : TypedResults.Ok(report!);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPublicityInspectionDocx(string? agencyId, string? year, string? quarter,
        InspectionService svc, CurrentUser me)
    {
        var (report, problem) = await ReportAsync(agencyId, year, quarter, svc, me);
        return problem is not null ? problem
            : TypedResults.File(InspectionExport.Docx(report!), Documents.DocumentWord.ContentType, InspectionExport.FileName(report!, "docx"));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPublicityInspectionXlsx(string? agencyId, string? year, string? quarter,
        InspectionService svc, CurrentUser me)
    {
        var (report, problem) = await ReportAsync(agencyId, year, quarter, svc, me);
        return problem is not null ? problem
            : TypedResults.File(InspectionExport.Xlsx(report!), Matters.MatterImport.XlsxContentType, InspectionExport.FileName(report!, "xlsx"));
    }

    /// <summary>The quarter's report, or the problem that stands in its way (400 input, 404 scope, 403 role).</summary>
    private static async Task<(InspectionReport? Report, ProblemHttpResult? Problem)> ReportAsync(string? agencyId, string? year, string? quarter,
        InspectionService svc, CurrentUser me)
    {
        var errors = new ValidationErrors();
        int? a = InspectionService.ParseInt(agencyId, "agencyId", T("publicity.error.agency"), errors);
        if (errors.Any) return (null, Problems.Validation(errors.Items));
        if (a is { } id && !await me.CanSee(id)) return (null, Problems.NotFound(T("publicity.error.agency")));
        if (!InspectionService.MayView(me)) return (null, Problems.Forbidden(T("publicity.error.inspection_forbidden")));
        var (y, q) = svc.Period(year, quarter);
        return await svc.ReportAsync(a, y, q) is { } report ? (report, null) : (null, Problems.NotFound(T("publicity.error.agency")));
    }
}
