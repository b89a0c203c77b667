using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Admin;

/// <summary>Creates an account (/admin/users/new) or edits one (/admin/users/{userId}): roles, officer, password, lockout.</summary>
public sealed class UserEditModel(UserService users, CurrentUser me, Zhifa.Web.Features.Agencies.AgencyService agencies,
    Zhifa.Web.Features.Officers.OfficerService officerService) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    [BindProperty] public UserInput Input { get; set; } = new();
    [BindProperty] public string? NewPassword { get; set; }
    public UserView? Existing { get; private set; }
    public List<SelectListItem> Agencies { get; } = [];
    public List<SelectListItem> Officers { get; } = [];

    public async Task<IActionResult> OnGetAsync(int? userId)
    {
        if (userId is { } id)
        {
            var u = await users.FindManageableAsync(id);
            if (u is null) return NotFound();
            if (!me.IsAdministrator) return Forbid();
            Existing = await users.ViewAsync(u);
            Input = new UserInput { UserName = u.UserName, DisplayName = u.DisplayName, AgencyId = u.AgencyId, OfficerId = u.OfficerId, Roles = Existing.Roles.ToList() };
        }
        else if (!me.IsAdministrator) return Forbid();
        await LoadListsAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? userId) => ActAsync(userId, async u =>
    {
        if (u is null)
        {
            var created = await users.CreateAsync(Input);
            return (created.Id, UiText.T("admin.users.created"));
        }
        await users.UpdateAsync(u, Input);
        return (u.Id, UiText.T("admin.users.saved"));
    });

    public Task<IActionResult> OnPostPasswordAsync(int userId) => ActAsync(userId, async u =>
    {
        await users.ResetPasswordAsync(u!, NewPassword);
        return (userId, UiText.T("admin.users.password_reset"));
    });

    public Task<IActionResult> OnPostUnlockAsync(int userId) => ActAsync(userId, async u =>
    {
        await users.UnlockAsync(u!);
        return (userId, UiText.T("admin.users.unlocked"));
    });

    private async Task<IActionResult> ActAsync(int? userId, Func<Data.Accounts.AppUser?, Task<(int UserId, string Message)>> act)
    {
        Data.Accounts.AppUser? user = null;
        if (userId is { } id && (user = await users.FindManageableAsync(id)) is null) return NotFound();
        if (!me.IsAdministrator) return Forbid();
        try
        {
            var (shown, message) = await act(user);
            StatusMessage = message;
            return RedirectToPage("/Admin/UserEdit", new { userId = shown });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Input");
            if (user is not null) Existing = await users.ViewAsync(user);
            await LoadListsAsync();
            return Page();
        }
    }

    private async Task LoadListsAsync()
    {
        var visible = await me.VisibleAgencyIdsAsync();
        foreach (var a in await agencies.AllAsync())
            if (visible is null || visible.Contains(a.Id)) Agencies.Add(new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var agencyId = Existing?.AgencyId ?? Input.AgencyId;
        var officers = await officerService.InAgenciesAsync(visible);
        foreach (var o in officers.Where(o => agencyId is null || o.AgencyId == agencyId))
            Officers.Add(new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
