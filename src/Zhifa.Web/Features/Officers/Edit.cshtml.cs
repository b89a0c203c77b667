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
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["AgencyId"] = "执法主体", ["UnitId"] = "所属股室", ["ValidFrom"] = "有效期起始日期", ["ValidUntil"] = "有效期截止日期",
        ["HasLegalQualification"] = "法律职业资格", ["IsLegalReviewer"] = "法制审核人员", ["Active"] = "在岗",
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
                TempData["StatusMessage"] = "执法人员已保存";
                return Redirect($"/officers/{id}");
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
            TempData["StatusMessage"] = created.Certificates.Count > 0 ? "执法人员及执法证已新增" : "执法人员已新增";
            return Redirect($"/officers/{created.Id}");
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
