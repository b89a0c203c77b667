using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;

namespace Zhifa.Web.Features.CaseFiles;

public static class CaseFileEndpoints
{
    public static void MapCaseFileEndpoints(this IEndpointRouteBuilder group)
    {
        var g = group.MapGroup("/cases/{caseId:int}").WithTags("案卷");

        g.MapGet("/catalogue", async (int caseId, CaseFileService svc) =>
        {
            var c = await svc.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            return Results.Ok((await svc.CatalogueAsync(c)).Select(x => x.Item));
        }).WithSummary("卷内目录：本案全部文书、音像记录和流转记录");

        g.MapGet("/case-file", async (int caseId, CaseFileService svc, BlobStore blobs, HttpContext http) =>
        {
            var c = await svc.FindVisibleAsync(caseId);
            if (c is null) return Problems.NotFound("案件");
            return Results.File(await BuildAsync(svc, blobs, c, http.RequestAborted), "application/zip", CaseFileService.PackageFileName(c));
        }).WithSummary("导出案卷包（zip，含清单 manifest.json：每个文件的大小和 SHA-256 及本案审计记录），可用 verify-package 离线校验");
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
