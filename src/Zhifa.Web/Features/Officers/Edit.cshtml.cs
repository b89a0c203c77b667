using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>Creates an officer, optionally with the first certificate (/officers/new), or edits one (/officers/{officerId}/edit).</summary>
public sealed class EditModel(OfficerService officers, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["AgencyId"] = UiText.T("officers.agency"), ["UnitId"] = UiText.T("officers.own_unit"), ["ValidFrom"] = UiText.T("officers.valid_from"), ["ValidUntil"] = UiText.T("officers.valid_until"),
        ["HasLegalQualification"] = UiText.T("officers.legal_qualification"), ["IsLegalReviewer"] = UiText.T("officers.legal_reviewer"), ["Active"] = UiText.T("officers.active"),
    };

    [BindProperty] public OfficerInput Input { get; set; } = new();
    public int? OfficerId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public List<SelectListItem> AgencyItems { get; private set; } = [];
    public List<SelectListItem> UnitItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? officerId, int? agencyId)
    {
        if (officerId is { } id)
        {
            var o = await officers.FindVisibleAsync(id);
            if (o is null) return NotFound();
            if (!await me.CanAdminister(o.AgencyId)) return Forbid();
            OfficerId = id;
            Input = new OfficerInput
            {
                AgencyId = o.AgencyId, UnitId = o.UnitId, Name = o.Name, Position = o.Position,
                HasLegalQualification = o.HasLegalQualification, IsLegalReviewer = o.IsLegalReviewer, Active = o.Active,
            };
        }
        else
        {
            if (!me.IsAdministrator) return Forbid();
            // A preselected agency the user does not administer is ignored, never shown.
            Input.AgencyId = agencyId is { } a && await me.CanAdminister(a) ? a : me.AgencyId;
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? officerId)
    {
        var unreadable = ModelState.RelabelBindingErrors(Labels);
        try
        {
            if (officerId is { } id)
            {
                var o = await officers.FindVisibleAsync(id);
                if (o is null) return NotFound();
                if (!await me.CanAdminister(o.AgencyId)) return Forbid();
                OfficerId = id;
                Input.AgencyId = o.AgencyId;
                if (unreadable.Count > 0) return await RedisplayAsync();
                await officers.UpdateAsync(o, Input);
                StatusMessage = UiText.T("officers.saved");
                return RedirectToPage("/Officers/Detail", new { officerId = id });
            }

            Input.AgencyId ??= me.AgencyId;
            if (Input.AgencyId is { } agencyId && !await me.CanSee(agencyId)) return NotFound();
            if (!me.IsAdministrator || (Input.AgencyId is { } aid && !await me.CanAdminister(aid))) return Forbid();
            if (unreadable.Count > 0)
            {
                await officers.ValidateNewAsync(Input);
                return await RedisplayAsync();
            }
            var created = await officers.CreateAsync(Input);
            StatusMessage = created.Certificates.Count > 0 ? UiText.T("officers.created_with_certificate") : UiText.T("officers.created");
            return RedirectToPage("/Officers/Detail", new { officerId = created.Id });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input", unreadable);
            return await RedisplayAsync();
        }
    }

    private async Task<IActionResult> RedisplayAsync()
    {
        await LoadChoicesAsync();
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        var agencies = await officers.AdministeredAgenciesAsync();
        if (OfficerId is not null)
        {
            // An officer stays in his agency: only its units are offered.
            agencies = agencies.Where(a => a.Id == Input.AgencyId).ToList();
            AgencyName = agencies.FirstOrDefault()?.Name ?? "";
        }
        AgencyItems = OfficerPages.AgencyItems(agencies, Input.AgencyId);
        UnitItems = OfficerPages.UnitItems(agencies, Input.UnitId);
    }
}
