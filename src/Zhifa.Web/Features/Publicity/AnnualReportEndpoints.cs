using Zhifa.Domain.Publicity;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

public static class AnnualReportEndpoints
{
    public static void MapAnnualReportEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/agencies/{agencyId:int}/annual-reports/{year:int}").WithTags("公示");
        g.MapGet("", (int agencyId, int year, AnnualReportService svc, CurrentUser me) =>
            Scoped(agencyId, year, svc, me, async () => Results.Ok(await svc.ViewAsync(agencyId, year))))
          .WithName("GetAnnualReport")
          .WithSummary("执法主体某年度的统计年报：状态、版本、截止日期（次年 1 月 31 日）及各项数据（案件、罚款、法制审核、集体讨论、听证、被纠错率、公开及时率、投诉举报）；未生成时为按当前数据的预览")
          .Produces<AnnualReportView>();
        g.MapPost("/generate", (int agencyId, int year, AnnualReportService svc, CurrentUser me) =>
            Scoped(agencyId, year, svc, me, async () =>
            {
                if (svc.WhyNotGenerate(agencyId) is { } why) return Problems.Forbidden(why);
                await svc.GenerateAsync(agencyId, year);
                return Results.Ok(await svc.ViewAsync(agencyId, year));
            }))
          .WithName("GenerateAnnualReport")
          .WithSummary("按数据生成（或在发布前刷新）年度统计年报草稿；已发布的再次生成即为更正，形成新版本。之后通过 /publications/{publicationId}/submit、approve 走审核链")
          .Produces<AnnualReportView>();
        g.MapGet("/docx", (int agencyId, int year, AnnualReportService svc, CurrentUser me) =>
            Scoped(agencyId, year, svc, me, async () => Docx((await svc.ViewAsync(agencyId, year)).Figures)))
          .WithName("GetAnnualReportDocx").WithSummary("下载年度统计年报（Word，含图表）");
        g.MapGet("/xlsx", (int agencyId, int year, AnnualReportService svc, CurrentUser me) =>
            Scoped(agencyId, year, svc, me, async () => Xlsx((await svc.ViewAsync(agencyId, year)).Figures)))
          .WithName("GetAnnualReportXlsx").WithSummary("下载年度统计年报数据表（Excel）");
    }

    private static async Task<IResult> Scoped(int agencyId, int year, AnnualReportService svc, CurrentUser me, Func<Task<IResult>> then)
    {
        if (!await me.CanSee(agencyId) || !await svc.AgencyExistsAsync(agencyId)) return Problems.NotFound("执法主体");
        svc.CheckYear(year);
        return await then();
    }

    internal static IResult Docx(AnnualReportFigures f) => Results.File(AnnualReportExport.Docx(f), Documents.DocumentWord.ContentType, AnnualReportService.FileName(f, "docx"));

    internal static IResult Xlsx(AnnualReportFigures f) => Results.File(AnnualReportExport.Xlsx(f), Matters.MatterImport.XlsxContentType, AnnualReportService.FileName(f, "xlsx"));

    /// <summary>The published report on the portal: anyone may read it and download it; only published figures leave the system.</summary>
    public static void MapAnnualReportPortalEndpoints(this IEndpointRouteBuilder portal)
    {
        var g = portal.MapGroup("/agencies/{agencyId:int}/reports/{year:int}").AllowAnonymous().WithTags("公示");
        g.MapGet("/docx", async (int agencyId, int year, AnnualReportService svc) =>
            await svc.PublishedFiguresAsync(agencyId, year) is { } f ? Docx(f) : Problems.NotFound("年度报告"))
          .WithName("GetPublishedAnnualReportDocx").WithSummary("公开下载已发布的年度统计年报（Word）");
        g.MapGet("/xlsx", async (int agencyId, int year, AnnualReportService svc) =>
            await svc.PublishedFiguresAsync(agencyId, year) is { } f ? Xlsx(f) : Problems.NotFound("年度报告"))
          .WithName("GetPublishedAnnualReportXlsx").WithSummary("公开下载已发布的年度统计年报数据表（Excel）");
        portal.MapGet("/api/v1/agencies/{agencyId:int}/reports/{year:int}", async (int agencyId, int year, AnnualReportService svc) =>
            await svc.PublishedFiguresAsync(agencyId, year) is { } f ? Results.Ok(f) : Problems.NotFound("年度报告"))
          .AllowAnonymous().WithTags("公示").WithName("GetPublishedAnnualReport").WithSummary("公开查询已发布的年度统计年报数据")
          .Produces<AnnualReportFigures>();
    }
}
