using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Matters;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>Uploads a matters list for one agency the user administers; a file with any wrong row imports nothing and lists every wrong cell.</summary>
public sealed class ImportModel(MatterService matters, MatterImport import, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [BindProperty] public int? AgencyId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public string? FileError { get; private set; }
    public IReadOnlyList<MatterSheetError> RowErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsAdministrator) return Forbid();
        AgencyId = me.AgencyId;
        Agencies = await matters.AdministeredAgenciesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var agencyId = AgencyId ?? me.AgencyId;
        if (agencyId is not null && !await me.CanSee(agencyId)) return NotFound();
        if (!me.IsAdministrator) return Forbid();
        Agencies = await matters.AdministeredAgenciesAsync();
        if (agencyId is null || Agencies.All(a => a.Id != agencyId))
        {
            if (agencyId is not null) return NotFound();
            FileError = UiText.T("matters.import.error.agency_required");
            return Page();
        }
        var result = await import.ImportAsync(agencyId.Value, Upload);
        if (!result.Succeeded)
        {
            FileError = result.FileError ?? UiText.T("matters.import.error.rows", result.RowErrors.Select(e => e.RowNumber).Distinct().Count());
            RowErrors = result.RowErrors;
            return Page();
        }
        StatusMessage = result.Summary;
        return RedirectToPage("/Matters/Index", new { agencyId = MatterPages.Id(agencyId.Value) });
    }
}
