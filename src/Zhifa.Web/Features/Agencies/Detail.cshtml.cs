using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Agencies;

/// <summary>An agency with its units; administrators add, rename and remove units and choose the legal-review unit.</summary>
public sealed class DetailModel(AgencyService agencies, CurrentUser me, TimeProvider time) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    /// <summary>The year the example case number shows.</summary>
    public int Year => time.GetLocalNow().Year;
    public Agency Agency { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    [BindProperty] public string? UnitName { get; set; }
    [BindProperty] public bool IsLegalReviewUnit { get; set; }

    private async Task<IActionResult?> LoadAsync(int agencyId, bool forChange)
    {
        var a = await agencies.FindVisibleAsync(agencyId);
        if (a is null) return NotFound();
        Agency = a;
        CanEdit = await me.CanAdminister(a.Id);
        if (forChange && !CanEdit) return Forbid();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int agencyId) => await LoadAsync(agencyId, false) ?? Page();

    public Task<IActionResult> OnPostAddUnitAsync(int agencyId)
        => ChangeAsync(agencyId, () => agencies.AddUnitAsync(Agency, UnitName, IsLegalReviewUnit), UiText.T("agencies.unit.added"));

    public Task<IActionResult> OnPostRenameUnitAsync(int agencyId, int unitId)
        => ChangeUnitAsync(agencyId, unitId, u => agencies.RenameUnitAsync(Agency, u, UnitName), UiText.T("agencies.unit.renamed"));

    public Task<IActionResult> OnPostLegalReviewUnitAsync(int agencyId, int unitId)
        => ChangeUnitAsync(agencyId, unitId, u => agencies.SetLegalReviewUnitAsync(Agency, u), UiText.T("agencies.unit.legal_review_set"));

    public Task<IActionResult> OnPostDeleteUnitAsync(int agencyId, int unitId)
        => ChangeUnitAsync(agencyId, unitId, u => agencies.DeleteUnitAsync(Agency, u), UiText.T("agencies.unit.deleted"));

    private Task<IActionResult> ChangeUnitAsync(int agencyId, int unitId, Func<Unit, Task> change, string done)
        => ChangeAsync(agencyId, async () =>
        {
            var unit = Agency.Units.FirstOrDefault(u => u.Id == unitId)
                ?? throw new DomainValidationException("unitId", "not_found", UiText.T("agencies.unit.not_found"));
            await change(unit);
        }, done);

    private async Task<IActionResult> ChangeAsync(int agencyId, Func<Task> change, string done)
    {
        if (await LoadAsync(agencyId, true) is { } refused) return refused;
        try
        {
            await change();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            return Page();
        }
        StatusMessage = done;
        return RedirectToPage("/Agencies/Detail", new { agencyId });
    }
}
