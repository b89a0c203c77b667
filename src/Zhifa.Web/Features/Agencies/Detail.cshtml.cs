using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Agencies;

/// <summary>An agency with its units; administrators add, rename and remove units and choose the legal-review unit.</summary>
public sealed class DetailModel(AgencyService agencies, CurrentUser me) : PageModel
{
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
        => ChangeAsync(agencyId, () => agencies.AddUnitAsync(Agency, UnitName, IsLegalReviewUnit), "股室已新增");

    public Task<IActionResult> OnPostRenameUnitAsync(int agencyId, int unitId)
        => ChangeUnitAsync(agencyId, unitId, u => agencies.RenameUnitAsync(Agency, u, UnitName), "股室已改名");

    public Task<IActionResult> OnPostLegalReviewUnitAsync(int agencyId, int unitId)
        => ChangeUnitAsync(agencyId, unitId, u => agencies.SetLegalReviewUnitAsync(Agency, u), "已设为法制审核机构");

    public Task<IActionResult> OnPostDeleteUnitAsync(int agencyId, int unitId)
        => ChangeUnitAsync(agencyId, unitId, u => agencies.DeleteUnitAsync(Agency, u), "股室已删除");

    private Task<IActionResult> ChangeUnitAsync(int agencyId, int unitId, Func<Unit, Task> change, string done)
        => ChangeAsync(agencyId, async () =>
        {
            var unit = Agency.Units.FirstOrDefault(u => u.Id == unitId)
                ?? throw new DomainValidationException("unitId", "not_found", "股室不存在");
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
        TempData["StatusMessage"] = done;
        return Redirect($"/agencies/{agencyId}");
    }
}
