using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>The agency's catalogue of major decisions (LR-2): everyone of the agency reads it, administrators edit it.</summary>
public sealed class CatalogueModel(LegalReviewService svc, CurrentUser me) : PageModel
{
    public CatalogueDto Catalogue { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public bool CanEdit { get; private set; }
    [BindProperty] public CatalogueInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int agencyId)
    {
        if (!await me.CanSee(agencyId)) return false;
        var agency = await svc.AgencyNameAsync(agencyId);
        if (agency is null) return false;
        AgencyName = agency;
        Catalogue = await svc.CatalogueAsync(agencyId);
        CanEdit = await me.CanAdminister(agencyId);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int agencyId) => await LoadAsync(agencyId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int agencyId)
    {
        if (!await LoadAsync(agencyId)) return NotFound();
        if (!CanEdit) return Forbid();
        try
        {
            await svc.SaveCatalogueAsync(agencyId, Input);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, nameof(Input));
            return Page();
        }
        StatusMessage = T("legal_review.catalogue_page.saved");
        return RedirectToPage("/LegalReview/Catalogue", new { agencyId });
    }
}
