using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Admin;

/// <summary>Administrators issue API tokens for systems, see them and revoke them.</summary>
public sealed class TokensModel(TokenService tokens, UserService users, CurrentUser me, AppDbContext db) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public List<AdminEndpoints.TokenView> Tokens { get; private set; } = [];
    public List<UserView> Users { get; private set; } = [];
    [BindProperty] public int? UserId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public int? ExpiresInDays { get; set; } = 365;
    /// <summary>The new token, shown on this response only.</summary>
    public string? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.IsAdministrator) return Forbid();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!me.IsAdministrator) return Forbid();
        try
        {
            if (UserId is null) throw new DomainValidationException("userId", "required", UiText.T("admin.tokens.error.user_required"));
            var user = await users.FindManageableAsync(UserId.Value)
                ?? throw new DomainValidationException("userId", "not_found", UiText.T("admin.error.user_not_found"));
            Issued = (await tokens.CreateAsync(user, Name, Scopes, ExpiresInDays, me.UserName)).PlainText;
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId)
    {
        var token = await (await tokens.VisibleAsync(me)).FirstOrDefaultAsync(t => t.Id == tokenId);
        if (token is null) return NotFound();
        await tokens.RevokeAsync(token);
        StatusMessage = UiText.T("admin.tokens.revoked_done");
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Tokens = await AdminEndpoints.ViewsAsync(await tokens.VisibleAsync(me), db);
        Users = await users.ListAsync();
    }
}
