using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

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
        var g = group.MapGroup("").WithTags(T("records.api.tag"));

        g.MapGet("/cases/{caseId:int}/records", ListCaseRecords).WithName("ListCaseRecords").WithSummary(T("records.api.list"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/uploads", StartUpload).WithName("StartUpload").WithSummary(T("records.api.start_upload"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapMethods("/uploads/{uploadId}", ["HEAD"], GetUploadOffset).WithName("GetUploadOffset").WithSummary(T("records.api.upload_offset"));
        g.MapGet("/uploads/{uploadId}", GetUpload).WithName("GetUpload").WithSummary(T("records.api.get_upload"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        // No Accepts<> metadata: routing would answer 415 to another agency's upload before the handler's 404.
        g.MapPatch("/uploads/{uploadId}", AppendUploadChunk).WithName("AppendUploadChunk").WithSummary(T("records.api.append_chunk"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        g.MapPost("/uploads/{uploadId}/complete", CompleteUpload).WithName("CompleteUpload").WithSummary(T("records.api.complete_upload"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/records/late", ListRecordsNeedingAttention).WithName("ListRecordsNeedingAttention").WithSummary(T("records.api.late"));
        g.MapGet("/records/{recordId:int}", GetRecord).WithName("GetRecord").WithSummary(T("records.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPut("/records/{recordId:int}", UpdateRecord).WithName("UpdateRecord").WithSummary(T("records.api.update"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/records/{recordId:int}/extractions", ListRecordExtractions).WithName("ListRecordExtractions").WithSummary(T("records.api.list_extractions"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/records/{recordId:int}/extractions", ExtractRecord).WithName("ExtractRecord").WithSummary(T("records.api.extract"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/records/{recordId:int}/content", GetRecordContent).WithName("GetRecordContent").WithSummary(T("records.api.content"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    public static async Task<Results<Ok<List<RecordDto>>, ProblemHttpResult>> ListCaseRecords(int caseId, RecordService records)
        => await records.FindVisibleCaseAsync(caseId) is { } c ? TypedResults.Ok(await records.ListAsync(c.Id)) : Problems.NotFound(T("records.error.case"));

    public static async Task<Results<Created<UploadDto>, ProblemHttpResult>> StartUpload(int caseId, UploadStart input, RecordService records)
    {
        var c = await records.FindVisibleCaseAsync(caseId);
        if (c is null) return Problems.NotFound(T("records.error.case"));
        if (!await records.MayHandleAsync(c.Id, c.AgencyId)) return Problems.Forbidden(T("records.error.upload_forbidden"));
        var s = await records.StartUploadAsync(c, input);
        return TypedResults.Created($"/api/v1/uploads/{s.Id}", new UploadDto(s.Id, 0, s.Size, s.FileName));
    }

    public static async Task<Results<Ok, NotFound>> GetUploadOffset(string uploadId, RecordService records, HttpResponse response)
    {
        var s = await records.FindVisibleUploadAsync(uploadId);
        if (s is null) return TypedResults.NotFound();
        response.Headers[OffsetHeader] = RecordService.ReceivedOf(s).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["Upload-Length"] = s.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok();
    }

    public static async Task<Results<Ok<UploadDto>, ProblemHttpResult>> GetUpload(string uploadId, RecordService records)
        => await records.FindVisibleUploadAsync(uploadId) is { } s
            ? TypedResults.Ok(new UploadDto(s.Id, RecordService.ReceivedOf(s), s.Size, s.FileName))
            : Problems.NotFound(T("records.error.upload"));

    public static async Task<Results<NoContent, ProblemHttpResult>> AppendUploadChunk(string uploadId, HttpContext ctx, RecordService records)
    {
        var s = await records.FindVisibleUploadAsync(uploadId);
        if (s is null) return Problems.NotFound(T("records.error.upload"));
        if (!await records.MayHandleAsync(s.CaseId, s.AgencyId)) return Problems.Forbidden();
        if (!string.Equals(ctx.Request.ContentType, ChunkContentType, StringComparison.OrdinalIgnoreCase))
            return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", T("records.error.chunk_type_title"),
                T("records.error.chunk_type", ChunkContentType));
        if (!long.TryParse(ctx.Request.Headers[OffsetHeader], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset))
            return Problems.Validation(OffsetHeader, "required", T("records.error.offset_required"));
        // Chunks are streamed to disk, never buffered, so this endpoint alone lifts the server's body size limit.
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var result = await records.AppendAsync(s, offset, ctx.Request.Body, ctx.RequestAborted);
        ctx.Response.Headers[OffsetHeader] = result.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result.Outcome switch
        {
            AppendOutcome.Appended => TypedResults.NoContent(),
            AppendOutcome.WrongOffset => OffsetConflict("wrong_offset", T("records.error.wrong_offset", result.Offset), result.Offset),
            AppendOutcome.Busy => OffsetConflict("upload_busy", T("records.error.upload_busy"), result.Offset),
            _ => Problems.Validation("body", "too_long", T("records.error.chunk_too_long", s.Size)),
        };
    }

    public static async Task<Results<Created<RecordDto>, ProblemHttpResult>> CompleteUpload(string uploadId, RecordInput input, RecordService records)
    {
        var s = await records.FindVisibleUploadAsync(uploadId);
        if (s is null) return Problems.NotFound(T("records.error.upload"));
        if (!await records.MayHandleAsync(s.CaseId, s.AgencyId)) return Problems.Forbidden();
        var r = await records.CompleteAsync(s, input);
        return TypedResults.Created($"/api/v1/records/{r.Id}", (await records.ToDtosAsync([r]))[0]);
    }

    public static async Task<Ok<List<AttentionDto>>> ListRecordsNeedingAttention(RecordService records) => TypedResults.Ok(await records.AttentionAsync());

    public static async Task<Results<Ok<RecordDto>, ProblemHttpResult>> GetRecord(int recordId, RecordService records)
        => await records.FindVisibleRecordAsync(recordId) is { } r ? TypedResults.Ok((await records.ToDtosAsync([r]))[0]) : Problems.NotFound(T("records.error.record"));

    public static async Task<Results<Ok<RecordDto>, ProblemHttpResult>> UpdateRecord(int recordId, RecordInput input, RecordService records)
    {
        var r = await records.FindVisibleRecordAsync(recordId);
        if (r is null) return Problems.NotFound(T("records.error.record"));
        if (!await records.MayHandleAsync(r.CaseId, r.AgencyId)) return Problems.Forbidden();
        await records.UpdateAsync(r, input);
        return TypedResults.Ok((await records.ToDtosAsync([r]))[0]);
    }

    public static async Task<Results<Ok<List<ExtractionView>>, ProblemHttpResult>> ListRecordExtractions(int recordId, RecordService records,
        RecordExtractionService extractions)
        => await records.FindVisibleRecordAsync(recordId) is { } r ? TypedResults.Ok(await extractions.ListAsync(r.Id)) : Problems.NotFound(T("records.error.record"));

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExtractRecord(int recordId, ExtractionInput input, RecordService records,
        RecordExtractionService extractions, HttpContext http)
    {
        var r = await records.FindVisibleRecordAsync(recordId);
        if (r is null) return Problems.NotFound(T("records.error.record"));
        if (await records.MayViewAsync(r) is { Allowed: false } refused)
            return Problems.Problem(StatusCodes.Status403Forbidden, refused.Code, T("records.error.extract_forbidden_title"), refused.Reason);
        var zip = await extractions.ExtractAsync(r, input, http.RequestAborted);
        return TypedResults.File(zip, "application/zip", T("records.api.extraction_file_name", Path.GetFileNameWithoutExtension(r.FileName)));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetRecordContent(int recordId, RecordService records)
    {
        var r = await records.FindVisibleRecordAsync(recordId);
        if (r is null) return Problems.NotFound(T("records.error.record"));
        if (await records.MayViewAsync(r) is { Allowed: false } refused)
            return Problems.Problem(StatusCodes.Status403Forbidden, refused.Code, T("records.error.view_forbidden_title"), refused.Reason);
        var stream = await records.OpenForDownloadAsync(r);
        if (stream is null)
            return Problems.Problem(StatusCodes.Status500InternalServerError, "file_missing", T("records.error.file_missing_title"), T("records.error.file_missing"));
        return TypedResults.File(stream, r.ContentType, r.FileName, enableRangeProcessing: true);
    }

    private static ProblemHttpResult OffsetConflict(string code, string detail, long offset)
        => TypedResults.Problem(new ProblemDetails
        {
            Type = Problems.TypeBase + code,
            Title = T("problem.conflict"),
            Status = StatusCodes.Status409Conflict,
            Detail = detail,
            Extensions = { ["code"] = code, ["offset"] = offset },
        });
}
