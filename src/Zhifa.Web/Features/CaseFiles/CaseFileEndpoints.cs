using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.CaseFiles;

public static class CaseFileEndpoints
{
    public static void MapCaseFileEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/cases/{caseId:int}").WithTags(T("casefiles.api.tag"));

        g.MapGet("/catalogue", GetCaseFileCatalogue).WithName("GetCaseFileCatalogue").WithSummary(T("casefiles.api.catalogue"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/case-file", ExportCaseFile).WithName("ExportCaseFile").WithSummary(T("casefiles.api.export"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<List<CatalogueItem>>, ProblemHttpResult>> GetCaseFileCatalogue(int caseId, CaseFileService svc)
    {
        var c = await svc.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("casefiles.error.case"));
        return TypedResults.Ok((await svc.CatalogueAsync(c)).Select(x => x.Item).ToList());
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportCaseFile(int caseId, CaseFileService svc, BlobStore blobs, HttpContext http)
    {
        var c = await svc.FindVisibleAsync(caseId);
        if (c is null) return Problems.NotFound(T("casefiles.error.case"));
        return TypedResults.File(await BuildAsync(svc, blobs, c, http.RequestAborted), "application/zip", CaseFileService.PackageFileName(c));
    }

    /// <summary>The package is written to a temporary file first: a zip's directory comes last, and the files may be large.</summary>
    public static async Task<Stream> BuildAsync(CaseFileService svc, BlobStore blobs, Domain.Cases.Case c, CancellationToken ct)
    {
        var path = blobs.NewTempPath();
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await svc.WritePackageAsync(c, file, ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
