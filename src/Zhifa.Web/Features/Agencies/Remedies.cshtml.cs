using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Agencies;

public sealed class RemediesForm
{
    public string? ReconsiderationOrgan { get; set; }
    public string? CompetentCourt { get; set; }
}

/// <summary>
/// /agencies/{agencyId}/remedies: the 复议机关 and court the agency's decisions name (LAW-9), with what the rule suggests;
/// the agency's administrators and its head change them.
/// </summary>
public sealed class RemediesModel(AgencyService agencies) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public Agency Agency { get; private set; } = null!;
    public RemediesView View { get; private set; } = null!;
    [BindProperty] public RemediesForm Input { get; set; } = new();

    private async Task<bool> LoadAsync(int agencyId)
    {
        if (await agencies.FindVisibleAsync(agencyId) is not { } a) return false;
        Agency = a;
        View = await agencies.RemediesAsync(a);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int agencyId)
    {
        if (!await LoadAsync(agencyId)) return NotFound();
        // Until the agency has set them, the form starts from what the rule suggests.
        Input = new RemediesForm
        {
            ReconsiderationOrgan = View.ReconsiderationOrgan.Length > 0 ? View.ReconsiderationOrgan : View.SuggestedReconsiderationOrgan,
            CompetentCourt = View.CompetentCourt.Length > 0 ? View.CompetentCourt : View.SuggestedCompetentCourt,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int agencyId)
    {
        if (!await LoadAsync(agencyId)) return NotFound();
        if (!View.CanChange) return Forbid();
        try
        {
            await agencies.SaveRemediesAsync(Agency, new RemediesInput(Input.ReconsiderationOrgan, Input.CompetentCourt));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input");
            return Page();
        }
        StatusMessage = Messages.Get("remedies.page.saved");
        return RedirectToPage();
    }
}
