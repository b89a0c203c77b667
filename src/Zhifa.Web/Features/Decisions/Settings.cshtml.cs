using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

public sealed class SettingsForm
{
    public decimal? LargeFineCitizenYuan { get; set; }
    public decimal? LargeFineOrganisationYuan { get; set; }
    public decimal? LargeConfiscationCitizenYuan { get; set; }
    public decimal? LargeConfiscationOrganisationYuan { get; set; }
    public bool DeputyHeadMaySign { get; set; }
    public int? DiscussionQuorum { get; set; }
    public bool LeaderOpinionRequired { get; set; } = true;
}

/// <summary>
/// /agencies/{agencyId}/decision-settings: the art. 63 amounts, whether the deputy head signs, the 负责人 quorum of a
/// collective discussion and whether the 分管领导 signs the 法制审核表; administrators change them.
/// </summary>
public sealed class DecisionSettingsModel(CurrentUser me, DecisionFactsService facts, DecisionService decisions,
    Zhifa.Web.Features.Agencies.AgencyService agencies) : PageModel
{
    public string AgencyName { get; private set; } = "";
    public bool CanChange { get; private set; }
    [BindProperty] public SettingsForm Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int agencyId, bool fill)
    {
        if (!await me.CanSee(agencyId)) return false;
        var name = await agencies.NameAsync(agencyId);
        if (name is null) return false;
        AgencyName = name;
        CanChange = await me.CanAdminister(agencyId);
        if (fill)
        {
            var s = await facts.SettingsAsync(agencyId);
            Input = new SettingsForm
            {
                LargeFineCitizenYuan = s.LargeFineCitizenYuan, LargeFineOrganisationYuan = s.LargeFineOrganisationYuan,
                LargeConfiscationCitizenYuan = s.LargeConfiscationCitizenYuan, LargeConfiscationOrganisationYuan = s.LargeConfiscationOrganisationYuan,
                DeputyHeadMaySign = s.DeputyHeadMaySign, DiscussionQuorum = s.DiscussionQuorum, LeaderOpinionRequired = s.LeaderOpinionRequired,
            };
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int agencyId) => await LoadAsync(agencyId, fill: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int agencyId)
    {
        if (!await LoadAsync(agencyId, fill: false)) return NotFound();
        if (!CanChange) return Forbid();
        try
        {
            await decisions.SaveSettingsAsync(agencyId, new SettingsInput(Input.LargeFineCitizenYuan, Input.LargeFineOrganisationYuan,
                Input.LargeConfiscationCitizenYuan, Input.LargeConfiscationOrganisationYuan, Input.DeputyHeadMaySign,
                Input.DiscussionQuorum, Input.LeaderOpinionRequired));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input");
            return Page();
        }
        StatusMessage = T("decisions.done.settings_saved");
        return RedirectToPage("/Decisions/Settings", new { agencyId });
    }
}
