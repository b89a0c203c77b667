using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>The agency's matters list as .xlsx, in the import's own columns so that it re-imports unchanged.</summary>
public sealed class ExportModel(MatterService matters, MatterImport import, CurrentUser me, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? agencyId)
    {
        var id = agencyId ?? me.AgencyId;
        var agency = id is null ? null : (await matters.VisibleAgenciesAsync()).FirstOrDefault(a => a.Id == id);
        if (agency is null) return NotFound();
        var today = Display.ToChina(time.GetUtcNow().UtcDateTime);
        return File(await import.ExportAsync(agency.Id), MatterImport.XlsxContentType, MatterImport.ExportFileName(agency.ShortName, today));
    }
}
