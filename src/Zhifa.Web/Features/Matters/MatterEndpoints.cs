using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>Documents the upload form of the import for the OpenAPI description.</summary>
public sealed record MatterImportForm(IFormFile File);

public static class MatterEndpoints
{
    public static void AddMatterFeature(this IServiceCollection services)
    {
        services.AddScoped<MatterService>();
        services.AddScoped<Agencies.IUnitUsers, MattersOfUnit>();
    }

    public static void MapMatterEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/matters").WithTags("执法事项");

        g.MapGet("/", async (int? agencyId, string? category, bool? randomInspection, string? q, int? page, int? pageSize, MatterService matters) =>
            Results.Ok(await matters.ListAsync(new MatterFilter(agencyId, category, randomInspection, q, page ?? 1, pageSize ?? 50))))
            .WithSummary("列出可见执法主体的执法事项（可按主体、类别、随机抽查、编码或名称筛选，分页）");

        g.MapGet("/{matterId:int}", async (int matterId, MatterService matters) =>
            await matters.FindVisibleAsync(matterId) is { } m ? Results.Ok(await matters.ToDtoAsync(m)) : Problems.NotFound("执法事项"))
            .WithSummary("查看执法事项及其法律依据");

        g.MapPost("/", async (MatterInput input, MatterService matters, CurrentUser me) =>
        {
            var agencyId = input.AgencyId ?? me.AgencyId;
            if (agencyId is null) return Problems.Validation("agencyId", "required", "请选择执法主体");
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(agencyId)) return Problems.Forbidden();
            var m = await matters.CreateAsync(agencyId.Value, input);
            return Results.Created($"/api/v1/matters/{m.Id}", await matters.ToDtoAsync(m));
        }).WithSummary("新增执法事项");

        g.MapPut("/{matterId:int}", async (int matterId, MatterInput input, MatterService matters, CurrentUser me) =>
        {
            var m = await matters.FindVisibleAsync(matterId);
            if (m is null) return Problems.NotFound("执法事项");
            if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
            await matters.UpdateAsync(m, input);
            return Results.Ok(await matters.ToDtoAsync(m));
        }).WithSummary("修改执法事项；法律依据整体替换");

        g.MapDelete("/{matterId:int}", async (int matterId, MatterService matters, CurrentUser me) =>
        {
            var m = await matters.FindVisibleAsync(matterId);
            if (m is null) return Problems.NotFound("执法事项");
            if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
            await matters.DeleteAsync(m);
            return Results.NoContent();
        }).WithSummary("删除执法事项");

        // The form is read by hand rather than bound to IFormFile, so a missing file is a named field error like any other.
        group.MapPost("/agencies/{agencyId:int}/matters/import", async (int agencyId, HttpRequest request, MatterImport import, CurrentUser me, Agencies.AgencyService agencies) =>
        {
            if (!await me.CanSee(agencyId) || !await agencies.ExistsAsync(agencyId)) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(agencyId)) return Problems.Forbidden();
            if (!request.HasFormContentType) return Problems.Validation("file", "required", "请以 multipart/form-data 上传文件（字段名 file）");
            var form = await request.ReadFormAsync();
            var result = await import.ImportAsync(agencyId, form.Files.GetFile("file") ?? form.Files.FirstOrDefault());
            if (result.FileError is not null) return Problems.Validation("file", "unreadable", result.FileError);
            if (!result.Succeeded)
                return Problems.Validation(result.RowErrors.Select(e => new ValidationError(
                    $"rows[{e.RowNumber}].{e.Column}", e.Code, $"第 {e.RowNumber} 行“{e.Column}”：{e.Reason}")).ToList());
            return Results.Ok(new MatterImportCounts(result.Imported, result.Created, result.Updated, result.Unchanged, result.Summary));
        }).WithTags("执法事项").WithSummary("从 .xlsx 或 .csv 导入执法事项清单（任一行有误则全部不导入）")
          .Accepts<MatterImportForm>("multipart/form-data");

        group.MapGet("/agencies/{agencyId:int}/matters/export", async (int agencyId, MatterImport import, CurrentUser me, TimeProvider time, Agencies.AgencyService agencies) =>
        {
            if (!await me.CanSee(agencyId)) return Problems.NotFound("执法主体");
            var agency = await agencies.FindAsync(agencyId);
            if (agency is null) return Problems.NotFound("执法主体");
            var today = Display.ToChina(time.GetUtcNow().UtcDateTime);
            return Results.File(await import.ExportAsync(agencyId), MatterImport.XlsxContentType, MatterImport.ExportFileName(agency.ShortName, today));
        }).WithTags("执法事项").WithSummary("导出执法事项清单（.xlsx，与导入格式相同）");
    }
}
