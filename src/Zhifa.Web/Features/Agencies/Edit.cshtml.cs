using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Agencies;

/// <summary>Creates an agency (/agencies/new) or edits one (/agencies/{agencyId}/edit).</summary>
public sealed class EditModel(AgencyService agencies, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [BindProperty] public AgencyInput Input { get; set; } = new();
    public int? AgencyId { get; private set; }
    public List<SelectListItem> Parents { get; } = [];

    public async Task<IActionResult> OnGetAsync(int? agencyId)
    {
        if (agencyId is { } id)
        {
            var a = await agencies.FindVisibleAsync(id);
            if (a is null) return NotFound();
            if (!await me.CanAdminister(a.Id)) return Forbid();
            AgencyId = id;
            Input = new AgencyInput
            {
                ParentId = a.ParentId, Name = a.Name, ShortName = a.ShortName, Type = a.Type, Level = a.Level,
                CreditCode = a.CreditCode, Address = a.Address, Contact = a.Contact, CaseNumberFormat = a.CaseNumberFormat,
            };
        }
        else if (!me.IsAdministrator) return Forbid();
        await LoadParentsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? agencyId)
    {
        try
        {
            if (agencyId is { } id)
            {
                var a = await agencies.FindVisibleAsync(id);
                if (a is null) return NotFound();
                if (!await me.CanAdminister(a.Id)) return Forbid();
                await agencies.UpdateAsync(a, Input);
                StatusMessage = UiText.T("agencies.saved");
                return RedirectToPage("/Agencies/Detail", new { agencyId = id });
            }
            if (!me.IsAdministrator) return Forbid();
            var created = await agencies.CreateAsync(Input);
            StatusMessage = UiText.T("agencies.created");
            return RedirectToPage("/Agencies/Detail", new { agencyId = created.Id });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input");
            AgencyId = agencyId;
            await LoadParentsAsync();
            return Page();
        }
    }

    private async Task LoadParentsAsync()
    {
        foreach (var a in await (await agencies.VisibleAsync()).OrderBy(a => a.Id).ToListAsync())
        {
            if (await me.CanAdminister(a.Id))
                Parents.Add(new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
