using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Web.Infrastructure.Storage;

namespace Zhifa.Web.Features.CaseFiles;

public sealed class IndexModel(CaseFileService svc, BlobStore blobs) : PageModel
{
    public Case Case { get; private set; } = null!;
    public List<CatalogueItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await svc.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        Case = c;
        Items = (await svc.CatalogueAsync(c)).Select(x => x.Item).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetPackageAsync(int caseId)
    {
        var c = await svc.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        return File(await CaseFileEndpoints.BuildAsync(svc, blobs, c, HttpContext.RequestAborted), "application/zip", CaseFileService.PackageFileName(c));
    }
}
