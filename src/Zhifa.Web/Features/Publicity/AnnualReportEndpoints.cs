using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

public static class AnnualReportEndpoints
{
    public static void MapAnnualReportEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/agencies/{agencyId:int}/annual-reports/{year:int}").WithTags(T("publicity.api.tag"));
        g.MapGet("", GetAnnualReport).WithName("GetAnnualReport").WithSummary(T("publicity.api.annual_report"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/generate", GenerateAnnualReport).WithName("GenerateAnnualReport").WithSummary(T("publicity.api.generate_annual_report"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/docx", GetAnnualReportDocx).WithName("GetAnnualReportDocx").WithSummary(T("publicity.api.annual_report_docx"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: Documents.DocumentWord.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/xlsx", GetAnnualReportXlsx).WithName("GetAnnualReportXlsx").WithSummary(T("publicity.api.annual_report_xlsx"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: Matters.MatterImport.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<AnnualReportView>, ProblemHttpResult>> GetAnnualReport(int agencyId, int year, AnnualReportService svc, CurrentUser me)
        => await OutOfScopeAsync(agencyId, year, svc, me) is { } problem ? problem : TypedResults.Ok(await svc.ViewAsync(agencyId, year));

    public static async Task<Results<Ok<AnnualReportView>, ProblemHttpResult>> GenerateAnnualReport(int agencyId, int year, AnnualReportService svc, CurrentUser me)
    {
        if (await OutOfScopeAsync(agencyId, year, svc, me) is { } problem) return problem;
        if (svc.WhyNotGenerate(agencyId) is { } why) return Problems.Forbidden(why);
        await svc.GenerateAsync(agencyId, year);
        return TypedResults.Ok(await svc.ViewAsync(agencyId, year));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAnnualReportDocx(int agencyId, int year, AnnualReportService svc, CurrentUser me)
        => await OutOfScopeAsync(agencyId, year, svc, me) is { } problem ? problem : Docx((await svc.ViewAsync(agencyId, year)).Figures);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAnnualReportXlsx(int agencyId, int year, AnnualReportService svc, CurrentUser me)
        => await OutOfScopeAsync(agencyId, year, svc, me) is { } problem ? problem : Xlsx((await svc.ViewAsync(agencyId, year)).Figures);

    /// <summary>404 for an agency outside the scope (or none); a year out of range is refused as input (400).</summary>
    private static async Task<ProblemHttpResult?> OutOfScopeAsync(int agencyId, int year, AnnualReportService svc, CurrentUser me)
    {
        if (!await me.CanSee(agencyId) || !await svc.AgencyExistsAsync(agencyId)) return Problems.NotFound(T("publicity.error.agency"));
        svc.CheckYear(year);
        return null;
    }

    internal static FileContentHttpResult Docx(AnnualReportFigures f)
        => TypedResults.File(AnnualReportExport.Docx(f), Documents.DocumentWord.ContentType, AnnualReportService.FileName(f, "docx"));

    internal static FileContentHttpResult Xlsx(AnnualReportFigures f)
        => TypedResults.File(AnnualReportExport.Xlsx(f), Matters.MatterImport.XlsxContentType, AnnualReportService.FileName(f, "xlsx"));

    /// <summary>The published report on the portal: anyone may read it and download it; only published figures leave the system.</summary>
    public static void MapAnnualReportPortalEndpoints(this IEndpointRouteBuilder portal)
    {
        var g = portal.MapGroup("/agencies/{agencyId:int}/reports/{year:int}").AllowAnonymous().WithTags(T("publicity.api.tag"));
        g.MapGet("/docx", GetPublishedAnnualReportDocx).WithName("GetPublishedAnnualReportDocx").WithSummary(T("publicity.api.published_annual_report_docx"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: Documents.DocumentWord.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/xlsx", GetPublishedAnnualReportXlsx).WithName("GetPublishedAnnualReportXlsx").WithSummary(T("publicity.api.published_annual_report_xlsx"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: Matters.MatterImport.XlsxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        portal.MapGet("/api/v1/agencies/{agencyId:int}/reports/{year:int}", GetPublishedAnnualReport)
            .AllowAnonymous().WithTags(T("publicity.api.tag")).WithName("GetPublishedAnnualReport").WithSummary(T("publicity.api.published_annual_report"))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPublishedAnnualReportDocx(int agencyId, int year, AnnualReportService svc)
        => await svc.PublishedFiguresAsync(agencyId, year) is { } f ? Docx(f) : Problems.NotFound(T("publicity.error.annual_report"));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPublishedAnnualReportXlsx(int agencyId, int year, AnnualReportService svc)
        => await svc.PublishedFiguresAsync(agencyId, year) is { } f ? Xlsx(f) : Problems.NotFound(T("publicity.error.annual_report"));

    public static async Task<Results<Ok<AnnualReportFigures>, ProblemHttpResult>> GetPublishedAnnualReport(int agencyId, int year, AnnualReportService svc)
        => await svc.PublishedFiguresAsync(agencyId, year) is { } f ? TypedResults.Ok(f) : Problems.NotFound(T("publicity.error.annual_report"));
}
