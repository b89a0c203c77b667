using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Domain.Documents;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Documents;

/// <summary>The upload form of a template or a scan (multipart, field name file).</summary>
public sealed record DocumentFileForm(IFormFile File, string? Note);

public static class DocumentEndpoints
{
    public static void AddDocumentFeature(this IServiceCollection services)
    {
        services.AddScoped<DocumentService>();
        services.AddScoped<DocumentIndex>();
        services.AddScoped<Cases.ICaseRecordState>(s => s.GetRequiredService<DocumentService>());
    }

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("").WithTags(T("documents.api.tag"));

        g.MapGet("/document-types", ListDocumentTypes).WithMetadata(new DeploymentWideAttribute()).WithName("ListDocumentTypes")
            .WithSummary(T("documents.api.types"));
        g.MapGet("/agencies/{agencyId:int}/document-templates", ListDocumentTemplates).WithName("ListDocumentTemplates")
            .WithSummary(T("documents.api.list_templates"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The form is read by hand so that a missing file is a named field error like any other.
        g.MapPost("/agencies/{agencyId:int}/document-templates/{typeCode}", UploadDocumentTemplate).WithName("UploadDocumentTemplate")
            .WithSummary(T("documents.api.upload_template"))
            .Accepts<DocumentFileForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/document-templates/{templateId:int}", GetDocumentTemplate).WithName("GetDocumentTemplate").WithSummary(T("documents.api.get_template"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/document-templates/{templateId:int}/file", GetDocumentTemplateFile).WithName("GetDocumentTemplateFile")
            .WithSummary(T("documents.api.template_file"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: DocumentWord.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status500InternalServerError);
        g.MapGet("/cases/{caseId:int}/documents", ListCaseDocuments).WithName("ListCaseDocuments").WithSummary(T("documents.api.list"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/cases/{caseId:int}/documents", GenerateDocument).WithName("GenerateDocument").WithSummary(T("documents.api.generate"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/documents/{documentId:int}", GetDocument).WithName("GetDocument").WithSummary(T("documents.api.get"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/documents/{documentId:int}/signature", RecordDocumentSignature).WithName("RecordDocumentSignature")
            .WithSummary(T("documents.api.signature"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/documents/{documentId:int}/scan", UploadDocumentScan).WithName("UploadDocumentScan").WithSummary(T("documents.api.upload_scan"))
            .Accepts<DocumentFileForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/documents/{documentId:int}/file", GetDocumentFile).WithName("GetDocumentFile").WithSummary(T("documents.api.file"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: DocumentWord.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status500InternalServerError);
        g.MapGet("/documents/{documentId:int}/scan", GetDocumentScan).WithName("GetDocumentScan").WithSummary(T("documents.api.scan"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: "application/pdf", additionalContentTypes: ["image/jpeg", "image/png"])
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    public static Ok<List<DocumentTypeDto>> ListDocumentTypes() => TypedResults.Ok(DocumentTypes.All.Select(DocumentService.ToDto).ToList());

    public static async Task<Results<Ok<List<TemplateDto>>, ProblemHttpResult>> ListDocumentTemplates(int agencyId, DocumentService docs)
        => await docs.FindVisibleAgencyAsync(agencyId) is { } a ? TypedResults.Ok(await docs.ListTemplatesAsync(a.Id)) : Problems.NotFound(T("documents.error.agency"));

    public static async Task<Results<Created<TemplateDto>, ProblemHttpResult>> UploadDocumentTemplate(int agencyId, string typeCode, HttpRequest request,
        DocumentService docs, CurrentUser me)
    {
        var agency = await docs.FindVisibleAgencyAsync(agencyId);
        if (agency is null) return Problems.NotFound(T("documents.error.agency"));
        if (!await me.CanAdminister(agency.Id)) return Problems.Forbidden(T("documents.error.template_forbidden"));
        var type = DocumentTypes.Find(typeCode);
        if (type is null) return Problems.NotFound(T("documents.error.type"));
        if (!request.HasFormContentType) return Problems.Validation("file", "required", T("documents.error.template_multipart_required"));
        var form = await request.ReadFormAsync();
        var t = await docs.UploadTemplateAsync(agency.Id, type, form.Files.GetFile("file") ?? form.Files.FirstOrDefault(), form["note"]);
        return TypedResults.Created($"/api/v1/document-templates/{t.Id}", DocumentService.ToDto(t));
    }

    public static async Task<Results<Ok<TemplateDto>, ProblemHttpResult>> GetDocumentTemplate(int templateId, DocumentService docs)
        => await docs.FindVisibleTemplateAsync(templateId) is { } t ? TypedResults.Ok(DocumentService.ToDto(t)) : Problems.NotFound(T("documents.error.template"));

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetDocumentTemplateFile(int templateId, DocumentService docs)
    {
        var t = await docs.FindVisibleTemplateAsync(templateId);
        if (t is null) return Problems.NotFound(T("documents.error.template"));
        var stream = await docs.OpenTemplateAsync(t);
        return stream is null ? FileMissing()
            : TypedResults.File(stream, DocumentWord.ContentType, T("documents.api.template_file_name", DocumentService.TypeName(t.TypeCode), t.Version));
    }

    public static async Task<Results<Ok<List<DocumentDto>>, ProblemHttpResult>> ListCaseDocuments(int caseId, DocumentService docs)
        => await docs.FindVisibleCaseAsync(caseId) is { } c ? TypedResults.Ok(await docs.ListAsync(c.Id)) : Problems.NotFound(T("documents.error.case"));

    public static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> GenerateDocument(int caseId, GenerateInput input, DocumentService docs)
    {
        var c = await docs.FindVisibleCaseAsync(caseId);
        if (c is null) return Problems.NotFound(T("documents.error.case"));
        if (!docs.MayHandle(c.AgencyId)) return Problems.Forbidden(T("documents.error.generate_forbidden"));
        var d = await docs.GenerateAsync(c, input);
        return TypedResults.Created($"/api/v1/documents/{d.Id}", DocumentService.ToDto(d));
    }

    public static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> GetDocument(int documentId, DocumentService docs)
        => await docs.FindVisibleDocumentAsync(documentId) is { } d ? TypedResults.Ok(DocumentService.ToDto(d)) : Problems.NotFound(T("documents.error.document"));

    public static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> RecordDocumentSignature(int documentId, SignatureInput input, DocumentService docs)
    {
        var d = await docs.FindVisibleDocumentAsync(documentId);
        if (d is null) return Problems.NotFound(T("documents.error.document"));
        if (!docs.MayHandle(d.AgencyId)) return Problems.Forbidden();
        if (!await docs.RecordSignatureAsync(d, input)) return Problems.Conflict("signature_recorded", T("documents.error.signature_recorded"));
        return TypedResults.Ok(DocumentService.ToDto(d));
    }

    public static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> UploadDocumentScan(int documentId, HttpRequest request, DocumentService docs)
    {
        var d = await docs.FindVisibleDocumentAsync(documentId);
        if (d is null) return Problems.NotFound(T("documents.error.document"));
        if (!docs.MayHandle(d.AgencyId)) return Problems.Forbidden();
        if (!request.HasFormContentType) return Problems.Validation("file", "required", T("documents.error.scan_multipart_required"));
        var form = await request.ReadFormAsync();
        await docs.UploadScanAsync(d, form.Files.GetFile("file") ?? form.Files.FirstOrDefault());
        return TypedResults.Ok(DocumentService.ToDto(d));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetDocumentFile(int documentId, DocumentService docs)
    {
        var d = await docs.FindVisibleDocumentAsync(documentId);
        if (d is null) return Problems.NotFound(T("documents.error.document"));
        var stream = await docs.OpenAsync(d, scan: false);
        return stream is null ? FileMissing() : TypedResults.File(stream, DocumentWord.ContentType, d.FileName);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetDocumentScan(int documentId, DocumentService docs)
    {
        var d = await docs.FindVisibleDocumentAsync(documentId);
        if (d is null) return Problems.NotFound(T("documents.error.document"));
        if (d.ScanSha256 is null) return Problems.NotFound(T("documents.error.scan"));
        var stream = await docs.OpenAsync(d, scan: true);
        return stream is null ? FileMissing() : TypedResults.File(stream, d.ScanContentType, d.ScanFileName);
    }

    private static ProblemHttpResult FileMissing()
        => Problems.Problem(StatusCodes.Status500InternalServerError, "file_missing", T("documents.error.file_missing_title"), T("documents.error.file_missing"));
}
