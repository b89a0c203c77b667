using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Records;

public static class RecordEndpoints
{
    public const string OffsetHeader = "Upload-Offset";
    public const string ChunkContentType = "application/offset+octet-stream";

    public static void AddRecordFeature(this IServiceCollection services)
    {
        services.AddScoped<RecordExtractionService>();
        services.AddScoped<RecordingExemptionService>();
        services.AddScoped<Cases.ICaseRecordedSteps, CaseRecordedSteps>();
        services.AddScoped<RecordService>();
        services.AddScoped<StoredFiles>();
        services.AddSingleton<UploadHashes>();
        services.AddScoped<RecordSweeper>();
        services.AddHostedService<RecordSweepService>();
    }

    public static void MapRecordEndpoints(this IEndpointRouteBuilder group)
    {
        group.MapRecordingExemptionEndpoints();
        var g = group.MapGroup("").WithTags("音像记录与电子数据");

        g.MapGet("/cases/{caseId:int}/records", async (int caseId, RecordService records) =>
            await records.FindVisibleCaseAsync(caseId) is { } c ? Results.Ok(await records.ListAsync(c.Id)) : Problems.NotFound("案件"))
            .WithSummary("列出案件的音像记录和电子数据");

        g.MapPost("/cases/{caseId:int}/uploads", async (int caseId, UploadStart input, RecordService records) =>
        {
            var c = await records.FindVisibleCaseAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!await records.MayHandleAsync(c.Id, c.AgencyId)) return Problems.Forbidden("只有本案承办人、负责人或管理员可以登记记录");
            var s = await records.StartUploadAsync(c, input);
            return Results.Created($"/api/v1/uploads/{s.Id}", new UploadDto(s.Id, 0, s.Size, s.FileName));
        }).WithSummary("开始一次可续传的上传（文件名、大小、类型），返回上传编号和偏移量 0");

        g.MapMethods("/uploads/{uploadId}", ["HEAD"], async (string uploadId, RecordService records, HttpResponse response) =>
        {
            var s = await records.FindVisibleUploadAsync(uploadId);
            if (s is null) return Results.NotFound();
            response.Headers[OffsetHeader] = RecordService.ReceivedOf(s).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["Upload-Length"] = s.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers.CacheControl = "no-store";
            return Results.Ok();
        }).WithSummary("查询上传已收到的字节数（断点续传）");

        g.MapGet("/uploads/{uploadId}", async (string uploadId, RecordService records) =>
            await records.FindVisibleUploadAsync(uploadId) is { } s
                ? Results.Ok(new UploadDto(s.Id, RecordService.ReceivedOf(s), s.Size, s.FileName))
                : Problems.NotFound("上传"))
            .WithSummary("查看上传进度");

        g.MapPatch("/uploads/{uploadId}", async (string uploadId, HttpContext ctx, RecordService records) =>
        {
            var s = await records.FindVisibleUploadAsync(uploadId);
            if (s is null) return Problems.NotFound("上传");
            if (!await records.MayHandleAsync(s.CaseId, s.AgencyId)) return Problems.Forbidden();
            if (!string.Equals(ctx.Request.ContentType, ChunkContentType, StringComparison.OrdinalIgnoreCase))
                return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "类型不符", $"分片请以 {ChunkContentType} 发送");
            if (!long.TryParse(ctx.Request.Headers[OffsetHeader], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset))
                return Problems.Validation(OffsetHeader, "required", "请在 Upload-Offset 头中给出本分片的起始偏移量");
            // Chunks are streamed to disk, never buffered, so this endpoint alone lifts the server's body size limit.
            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
            var result = await records.AppendAsync(s, offset, ctx.Request.Body, ctx.RequestAborted);
            ctx.Response.Headers[OffsetHeader] = result.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return result.Outcome switch
            {
                AppendOutcome.Appended => Results.NoContent(),
                AppendOutcome.WrongOffset => OffsetConflict("wrong_offset", $"偏移量不符：服务器已收到 {result.Offset} 字节，请从该位置续传", result.Offset),
                AppendOutcome.Busy => OffsetConflict("upload_busy", "该上传正在接收另一分片，请稍后查询偏移量再续传", result.Offset),
                _ => Problems.Validation("body", "too_long", $"分片超出了开始上传时声明的文件大小（{s.Size} 字节）"),
            };
        // No Accepts<> metadata: routing would answer 415 to another agency's upload before the handler's 404.
        }).WithSummary("追加一个分片（请求头 Upload-Offset，请求体为原始字节，类型 application/offset+octet-stream）");

        g.MapPost("/uploads/{uploadId}/complete", async (string uploadId, RecordInput input, RecordService records) =>
        {
            var s = await records.FindVisibleUploadAsync(uploadId);
            if (s is null) return Problems.NotFound("上传");
            if (!await records.MayHandleAsync(s.CaseId, s.AgencyId)) return Problems.Forbidden();
            var r = await records.CompleteAsync(s, input);
            return Results.Created($"/api/v1/records/{r.Id}", (await records.ToDtosAsync([r]))[0]);
        }).WithSummary("上传完毕后提交记录信息：计算 SHA-256、入库原始文件并登记记录");

        g.MapGet("/records/late", async (RecordService records) => Results.Ok(await records.AttentionAsync()))
            .WithSummary("列出逾期登记（超过 2 个工作日且未经事先批准）或中断未说明的记录");

        g.MapGet("/records/{recordId:int}", async (int recordId, RecordService records) =>
            await records.FindVisibleRecordAsync(recordId) is { } r ? Results.Ok((await records.ToDtosAsync([r]))[0]) : Problems.NotFound("记录"))
            .WithSummary("查看一条记录的信息");

        g.MapPut("/records/{recordId:int}", async (int recordId, RecordInput input, RecordService records) =>
        {
            var r = await records.FindVisibleRecordAsync(recordId);
            if (r is null) return Problems.NotFound("记录");
            if (!await records.MayHandleAsync(r.CaseId, r.AgencyId)) return Problems.Forbidden();
            await records.UpdateAsync(r, input);
            return Results.Ok((await records.ToDtosAsync([r]))[0]);
        }).WithSummary("更正记录信息；原始文件不可更改、删除或替换，更正记入审计日志");

        g.MapGet("/records/{recordId:int}/extractions", async (int recordId, RecordService records, RecordExtractionService extractions) =>
            await records.FindVisibleRecordAsync(recordId) is { } r ? Results.Ok(await extractions.ListAsync(r.Id)) : Problems.NotFound("记录"))
            .WithSummary("作为证据提取的登记");

        g.MapPost("/records/{recordId:int}/extractions", async (int recordId, ExtractionInput input, RecordService records, RecordExtractionService extractions, HttpContext http) =>
        {
            var r = await records.FindVisibleRecordAsync(recordId);
            if (r is null) return Problems.NotFound("记录");
            if (await records.MayViewAsync(r) is { Allowed: false } refused) return Problems.Problem(StatusCodes.Status403Forbidden, refused.Code, "无权提取", refused.Reason);
            var zip = await extractions.ExtractAsync(r, input, http.RequestAborted);
            return Results.File(zip, "application/zip", $"证据提取-{Path.GetFileNameWithoutExtension(r.FileName)}.zip");
        }).WithSummary("把记录作为证据提取：登记制作人、提取人、时间和用途，得到原始文件副本和证据提取说明");

        g.MapGet("/records/{recordId:int}/content", async (int recordId, RecordService records) =>
        {
            var r = await records.FindVisibleRecordAsync(recordId);
            if (r is null) return Problems.NotFound("记录");
            if (await records.MayViewAsync(r) is { Allowed: false } refused) return Problems.Problem(StatusCodes.Status403Forbidden, refused.Code, "无权查看", refused.Reason);
            var stream = await records.OpenForDownloadAsync(r);
            if (stream is null) return Problems.Problem(StatusCodes.Status500InternalServerError, "file_missing", "原始文件缺失", "原始文件缺失，请联系管理员运行 verify 校验");
            return Results.File(stream, r.ContentType, r.FileName, enableRangeProcessing: true);
        }).WithSummary("下载或播放原始文件（支持 Range）；须为本案承办人、负责人、监督人员或持有经批准的调阅申请，每次访问和被拒都记入审计日志");
    }

    private static IResult OffsetConflict(string code, string detail, long offset)
        => Results.Problem(new ProblemDetails
        {
            Type = Problems.TypeBase + code,
            Title = "操作冲突",
            Status = StatusCodes.Status409Conflict,
            Detail = detail,
            Extensions = { ["code"] = code, ["offset"] = offset },
        });
}
