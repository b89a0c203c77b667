using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Retention;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Retention;

public sealed class IndexModel(RetentionService svc, CurrentUser me, TimeProvider time) : PageModel
{
    public Case Case { get; private set; } = null!;
    public List<LegalHold> Holds { get; private set; } = [];
    public List<RecordRetentionView> Records { get; private set; } = [];
    public bool CanHold => RetentionService.MayHold(me);
    [BindProperty] public HoldReason? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }

    private async Task<bool> LoadAsync(int caseId)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return false;
        Case = c;
        Holds = await svc.HoldsAsync(c.Id);
        Records = await svc.RecordsAsync(c, RetentionEndpoints.Today(time));
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHoldAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!CanHold) return Forbid();
        try
        {
            await svc.PlaceAsync(Case, new HoldInput(Reason, Note), RetentionEndpoints.Today(time));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            return Page();
        }
        TempData["StatusMessage"] = "已设置长期保存";
        return Redirect($"/cases/{caseId}/retention");
    }

    public async Task<IActionResult> OnPostReleaseAsync(int caseId, int holdId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var hold = await svc.FindHoldAsync(holdId);
        if (hold is null || hold.CaseId != caseId) return NotFound();
        if (!CanHold) return Forbid();
        try
        {
            await svc.ReleaseAsync(hold, RetentionEndpoints.Today(time));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            return Page();
        }
        TempData["StatusMessage"] = "已解除长期保存";
        return Redirect($"/cases/{caseId}/retention");
    }
}
