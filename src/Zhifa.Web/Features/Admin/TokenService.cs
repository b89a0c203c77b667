using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Admin;

/// <summary>Issues, lists and revokes API tokens; the plain token is returned once and only its hash is stored.</summary>
public sealed class TokenService(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public sealed record Issued(ApiToken Token, string PlainText);

    /// <summary>Issues a token for <paramref name="user"/>; <paramref name="scopes"/> null means all of the user's roles.</summary>
    public async Task<Issued> CreateAsync(AppUser user, string? name, IReadOnlyCollection<string>? scopes, int? expiresInDays, string createdBy)
    {
        var errors = new ValidationErrors().Required("name", name, UiText.T("admin.tokens.field.name")).MaxLength("name", name, 100, UiText.T("admin.tokens.field.name"));
        var userRoles = await users.GetRolesAsync(user);
        var chosen = scopes is null || scopes.Count == 0 ? userRoles.ToList() : scopes.Distinct().ToList();
        foreach (var s in chosen.Where(s => !userRoles.Contains(s)))
            errors.Add("scopes", "scope_not_held", Roles.IsKnown(s) ? UiText.T("admin.tokens.error.scope_not_held", Roles.Label(s)) : UiText.T("admin.error.unknown_role", s));
        if (expiresInDays is < 1 or > 3650) errors.Add("expiresInDays", "out_of_range", UiText.T("admin.tokens.error.days"));
        errors.ThrowIfAny();

        var plain = ApiTokens.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = user.Id, AgencyId = user.AgencyId, Name = name!.Trim(), Prefix = plain[..10], Hash = ApiTokens.HashOf(plain),
            Scopes = string.Join(",", chosen), CreatedAt = now, CreatedBy = createdBy,
            ExpiresAt = expiresInDays is { } d ? now.AddDays(d) : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return new Issued(token, plain);
    }

    /// <summary>The command line's first-time automation: `token create --user NAME`.</summary>
    public async Task<string> CreateForCliAsync(string userName, string? name, IReadOnlyCollection<string>? scopes, int? expiresInDays = null)
    {
        var user = await users.FindByNameAsync(userName)
            ?? throw new DomainValidationException("user", "not_found", UiText.T("admin.tokens.error.user_missing", userName));
        return (await CreateAsync(user, string.IsNullOrWhiteSpace(name) ? UiText.T("admin.tokens.cli_name") : name, scopes, expiresInDays, "cli")).PlainText;
    }

    public async Task<bool> RevokeAsync(ApiToken token)
    {
        if (token.RevokedAt is not null) return false;
        token.RevokedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Tokens the current user may manage: all in scope for an administrator, otherwise their own.</summary>
    public async Task<IQueryable<ApiToken>> VisibleAsync(CurrentUser me)
    {
        if (me.IsAdministrator)
        {
            var visible = await me.VisibleAgencyIdsAsync();
            return visible is null ? db.ApiTokens : db.ApiTokens.Where(t => t.AgencyId != null && visible.Contains(t.AgencyId.Value));
        }
        return db.ApiTokens.Where(t => t.UserId == me.UserId);
    }
}
