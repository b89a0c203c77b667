using Zhifa.Web.Features.Matters;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Discretion;

/// <summary>Documents the upload form of the benchmark import for the OpenAPI description.</summary>
public sealed record BenchmarkImportForm(IFormFile File);

public sealed record BenchmarkImportRowError(int RowNumber, string Column, string Value, string Code, string Reason);

/// <summary>Discretion benchmarks per penalty matter (DIS-1).</summary>
public static class DiscretionEndpoints
{
    public static void AddDiscretionFeature(this IServiceCollection services)
    {
        services.AddScoped<BenchmarkService>();
        services.AddScoped<IMatterBenchmarks>(s => s.GetRequiredService<BenchmarkService>());
    }

    public static void MapDiscretionEndpoints(this IEndpointRouteBuilder group)
    {
        group.MapGet("/benchmarks", async (int? agencyId, BenchmarkService benchmarks) => Results.Ok(await benchmarks.ListAsync(agencyId)))
            .WithTags("裁量基准").WithSummary("列出可见执法主体的行政处罚事项及其是否已有裁量基准、版本与阶次数（可按执法主体筛选）");

        var g = group.MapGroup("/matters/{matterId:int}/benchmark").WithTags("裁量基准");

        g.MapGet("/", async (int matterId, MatterService matters, BenchmarkService benchmarks) =>
        {
            if (await matters.FindVisibleAsync(matterId) is null) return Problems.NotFound("执法事项");
            return await benchmarks.FindAsync(matterId) is { } b ? Results.Ok(BenchmarkService.ToDto(b)) : Problems.NotFound("裁量基准");
        }).WithSummary("查看行政处罚事项的裁量基准：违法行为、处罚依据、各裁量阶次的适用情形与裁量标准（罚款幅度或违法所得倍数）");

        g.MapPut("/", async (int matterId, BenchmarkInput input, MatterService matters, BenchmarkService benchmarks, CurrentUser me) =>
        {
            var m = await matters.FindVisibleAsync(matterId);
            if (m is null) return Problems.NotFound("执法事项");
            if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
            return Results.Ok(BenchmarkService.ToDto(await benchmarks.SaveAsync(m, input)));
        }).WithSummary("制定或修改裁量基准（阶次整体替换，版本号加一，修改留痕）");

        g.MapDelete("/", async (int matterId, MatterService matters, BenchmarkService benchmarks, CurrentUser me) =>
        {
            var m = await matters.FindVisibleAsync(matterId);
            if (m is null) return Problems.NotFound("执法事项");
            if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
            await benchmarks.DeleteAsync(m);
            return Results.NoContent();
        }).WithSummary("删除裁量基准");

        // The form is read by hand rather than bound to IFormFile, so a missing file is a named field error like any other.
        g.MapPost("/import", async (int matterId, HttpRequest request, MatterService matters, BenchmarkService benchmarks, CurrentUser me) =>
        {
            var m = await matters.FindVisibleAsync(matterId);
            if (m is null) return Problems.NotFound("执法事项");
            if (!await me.CanAdminister(m.AgencyId)) return Problems.Forbidden();
            if (!request.HasFormContentType) return Problems.Validation("file", "required", "请以 multipart/form-data 上传文件（字段名 file）");
            var form = await request.ReadFormAsync();
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null || file.Length == 0) return Problems.Validation("file", "required", "请选择要导入的 .csv 或 .xlsx 文件");
            await using var stream = file.OpenReadStream();
            var result = await benchmarks.ImportAsync(m, stream, file.FileName);
            if (result.FileError is not null) return Problems.Validation("file", "unreadable", result.FileError);
            if (!result.Succeeded)
                return Problems.Validation(result.RowErrors.Select(e => new Domain.Common.ValidationError(
                    $"rows[{e.RowNumber}].{e.Column}", e.Code, $"第 {e.RowNumber} 行“{e.Column}”：{e.Reason}")).ToList());
            return Results.Ok(BenchmarkService.ToDto(result.Benchmark!));
        }).WithSummary("从 .csv 或 .xlsx 导入裁量基准（列：违法行为、处罚依据、裁量阶次/档次、适用情形、裁量标准，可加“推荐阶次”；任一行有误则全部不导入并逐行列出错误）")
          .Accepts<BenchmarkImportForm>("multipart/form-data");
    }
}
