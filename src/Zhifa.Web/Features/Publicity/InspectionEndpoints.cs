using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Publicity;

public static class InspectionEndpoints
{
    public static void MapInspectionEndpoints(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/publicity/inspection").WithTags("公示");
        g.MapGet("", (string? agencyId, string? year, string? quarter, InspectionService svc, CurrentUser me)
                => Run(agencyId, year, quarter, svc, me, r => Results.Ok(r)))
          .WithName("GetPublicityInspection")
          .WithSummary("公示网上巡查（季度）：各执法主体到期应公开、按时公开、逾期公开（天数）、逾期未公开、不予公开（理由）、需更新、逾期撤回，以及按科室和类别的公开率与选择性公开疑点")
          .Produces<InspectionReport>();
        g.MapGet("/docx", (string? agencyId, string? year, string? quarter, InspectionService svc, CurrentUser me)
                => Run(agencyId, year, quarter, svc, me, r => Results.File(InspectionExport.Docx(r), Documents.DocumentWord.ContentType, InspectionExport.FileName(r, "docx"))))
          .WithName("GetPublicityInspectionDocx").WithSummary("下载公示网上巡查报告（Word，含图表）");
        g.MapGet("/xlsx", (string? agencyId, string? year, string? quarter, InspectionService svc, CurrentUser me)
                => Run(agencyId, year, quarter, svc, me, r => Results.File(InspectionExport.Xlsx(r), Matters.MatterImport.XlsxContentType, InspectionExport.FileName(r, "xlsx"))))
          .WithName("GetPublicityInspectionXlsx").WithSummary("下载公示网上巡查台账（Excel：汇总、科室公开率、问题清单）");
    }

    private static async Task<IResult> Run(string? agencyId, string? year, string? quarter, InspectionService svc, CurrentUser me, Func<InspectionReport, IResult> show)
    {
        var errors = new ValidationErrors();
        int? a = InspectionService.ParseInt(agencyId, "agencyId", "执法主体", errors);
        if (errors.Any) return Problems.Validation(errors.Items);
        if (a is { } id && !await me.CanSee(id)) return Problems.NotFound("执法主体");
        if (!InspectionService.MayView(me)) return Problems.Forbidden("只有监督人员和机关负责人可以查看公示网上巡查");
        var (y, q) = svc.Period(year, quarter);
        return await svc.ReportAsync(a, y, q) is { } report ? show(report) : Problems.NotFound("执法主体");
    }
}
