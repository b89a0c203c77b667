using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Documents;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Documents;

/// <summary>The upload form of a template or a scan (multipart, field name file).</summary>
public sealed record DocumentFileForm(IFormFile File, string? Note);

public static class DocumentEndpoints
{
    public static void AddDocumentFeature(this IServiceCollection services)
    {
        services.AddScoped<DocumentService>();
        services.AddScoped<Cases.ICaseRecordState>(s => s.GetRequiredService<DocumentService>());
    }

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags("执法文书");

        g.MapGet("/document-types", () => Results.Ok(DocumentTypes.All.Select(DocumentService.ToDto).ToList()))
            .WithMetadata(new DeploymentWideAttribute())
            .WithSummary("列出标准文书类型：编码、名称、是否编号及文号类别、占位符和需填写的字段");

        g.MapGet("/agencies/{agencyId:int}/document-templates", async (int agencyId, DocumentService docs) =>
            await docs.FindVisibleAgencyAsync(agencyId) is { } a ? Results.Ok(await docs.ListTemplatesAsync(a.Id)) : Problems.NotFound("执法主体"))
            .WithSummary("列出执法主体各类文书的模板及全部版本");

        // The form is read by hand so that a missing file is a named field error like any other.
        g.MapPost("/agencies/{agencyId:int}/document-templates/{typeCode}", async (int agencyId, string typeCode, HttpRequest request, DocumentService docs, CurrentUser me) =>
        {
            var agency = await docs.FindVisibleAgencyAsync(agencyId);
            if (agency is null) return Problems.NotFound("执法主体");
            if (!await me.CanAdminister(agency.Id)) return Problems.Forbidden("只有管理员可以上传文书模板");
            var type = DocumentTypes.Find(typeCode);
            if (type is null) return Problems.NotFound("文书类型");
            if (!request.HasFormContentType) return Problems.Validation("file", "required", "请以 multipart/form-data 上传模板（字段名 file）");
            var form = await request.ReadFormAsync();
            var t = await docs.UploadTemplateAsync(agency.Id, type, form.Files.GetFile("file") ?? form.Files.FirstOrDefault(), form["note"]);
            return Results.Created($"/api/v1/document-templates/{t.Id}", DocumentService.ToDto(t));
        }).WithSummary("上传文书模板的新版本（.docx，只能使用已知占位符；旧版本保留）")
          .Accepts<DocumentFileForm>("multipart/form-data");

        g.MapGet("/document-templates/{templateId:int}", async (int templateId, DocumentService docs) =>
            await docs.FindVisibleTemplateAsync(templateId) is { } t ? Results.Ok(DocumentService.ToDto(t)) : Problems.NotFound("文书模板"))
            .WithSummary("查看一个模板版本");

        g.MapGet("/document-templates/{templateId:int}/file", async (int templateId, DocumentService docs) =>
        {
            var t = await docs.FindVisibleTemplateAsync(templateId);
            if (t is null) return Problems.NotFound("文书模板");
            var stream = await docs.OpenTemplateAsync(t);
            return stream is null ? FileMissing() : Results.File(stream, DocumentWord.ContentType, $"{DocumentService.TypeName(t.TypeCode)}-模板第{t.Version}版.docx");
        }).WithSummary("下载一个模板版本（.docx）");

        g.MapGet("/cases/{caseId:int}/documents", async (int caseId, DocumentService docs) =>
            await docs.FindVisibleCaseAsync(caseId) is { } c ? Results.Ok(await docs.ListAsync(c.Id)) : Problems.NotFound("案件"))
            .WithSummary("列出案件的执法文书");

        g.MapPost("/cases/{caseId:int}/documents", async (int caseId, GenerateInput input, DocumentService docs) =>
        {
            var c = await docs.FindVisibleCaseAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            if (!docs.MayHandle(c.AgencyId)) return Problems.Forbidden("只有本机关人员可以制作文书");
            var d = await docs.GenerateAsync(c, input);
            return Results.Created($"/api/v1/documents/{d.Id}", DocumentService.ToDto(d));
        }).WithSummary("按本机关当前模板生成文书（typeCode 与 fields），需编号的文书自动取号");

        g.MapGet("/documents/{documentId:int}", async (int documentId, DocumentService docs) =>
            await docs.FindVisibleDocumentAsync(documentId) is { } d ? Results.Ok(DocumentService.ToDto(d)) : Problems.NotFound("文书"))
            .WithSummary("查看一份文书及其签名情况");

        g.MapPost("/documents/{documentId:int}/signature", async (int documentId, SignatureInput input, DocumentService docs) =>
        {
            var d = await docs.FindVisibleDocumentAsync(documentId);
            if (d is null) return Problems.NotFound("文书");
            if (!docs.MayHandle(d.AgencyId)) return Problems.Forbidden();
            if (!await docs.RecordSignatureAsync(d, input)) return Problems.Conflict("signature_recorded", "该文书的签名情况已经记录，不能更改");
            return Results.Ok(DocumentService.ToDto(d));
        }).WithSummary("记录当事人签名（signedBy、signedAt）或拒绝签名（refused、reason、witness）");

        g.MapPost("/documents/{documentId:int}/scan", async (int documentId, HttpRequest request, DocumentService docs) =>
        {
            var d = await docs.FindVisibleDocumentAsync(documentId);
            if (d is null) return Problems.NotFound("文书");
            if (!docs.MayHandle(d.AgencyId)) return Problems.Forbidden();
            if (!request.HasFormContentType) return Problems.Validation("file", "required", "请以 multipart/form-data 上传扫描件（字段名 file）");
            var form = await request.ReadFormAsync();
            await docs.UploadScanAsync(d, form.Files.GetFile("file") ?? form.Files.FirstOrDefault());
            return Results.Ok(DocumentService.ToDto(d));
        }).WithSummary("上传签名后的扫描件（PDF、JPEG 或 PNG，不超过 20 MB）；生成的原文件保持不变")
          .Accepts<DocumentFileForm>("multipart/form-data");

        g.MapGet("/documents/{documentId:int}/file", async (int documentId, DocumentService docs) =>
        {
            var d = await docs.FindVisibleDocumentAsync(documentId);
            if (d is null) return Problems.NotFound("文书");
            var stream = await docs.OpenAsync(d, scan: false);
            return stream is null ? FileMissing() : Results.File(stream, DocumentWord.ContentType, d.FileName);
        }).WithSummary("下载生成的文书（.docx），记入审计日志");

        g.MapGet("/documents/{documentId:int}/scan", async (int documentId, DocumentService docs) =>
        {
            var d = await docs.FindVisibleDocumentAsync(documentId);
            if (d is null) return Problems.NotFound("文书");
            if (d.ScanSha256 is null) return Problems.NotFound("扫描件");
            var stream = await docs.OpenAsync(d, scan: true);
            return stream is null ? FileMissing() : Results.File(stream, d.ScanContentType, d.ScanFileName);
        }).WithSummary("下载签名后的扫描件，记入审计日志");
    }

    private static IResult FileMissing()
        => Problems.Problem(StatusCodes.Status500InternalServerError, "file_missing", "文件缺失", "文件缺失，请联系管理员运行 verify 校验");
}
