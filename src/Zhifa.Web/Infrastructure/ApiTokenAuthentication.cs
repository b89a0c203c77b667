using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Data;
using Zhifa.Domain.Audit;

namespace Zhifa.Web.Infrastructure;

/// <summary>Systems call the API with `Authorization: Bearer zf_…`; the token acts as its user within its scopes.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        string token = header["Bearer ".Length..].Trim();
        string hash = ApiTokens.HashOf(token);
        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash);
        if (found is null || !found.IsUsable(now)) return AuthenticateResult.Fail(UiText.T("token.unusable"));
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == found.UserId);
        if (user is null || (user.LockoutEnd is { } end && end > time.GetUtcNow())) return AuthenticateResult.Fail(UiText.T("token.user_unusable"));

        var userRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName ?? ""),
            new(CurrentUser.DisplayNameClaim, user.DisplayName),
            new("zhifa:token", found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (user.AgencyId is { } agency) claims.Add(new(CurrentUser.AgencyClaim, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // A token never grants more than its user has now.
        claims.AddRange(found.ScopeList.Intersect(userRoles).Select(r => new Claim(ClaimTypes.Role, r)));

        // Last use is kept to the minute so that a busy client does not write on every call.
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}

public static class ApiTokens
{
    public const string Prefix = "zf_";

    /// <summary>256 random bits, URL-safe; shown once, stored only as its hash.</summary>
    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => AuditChain.Sha256Hex(token);

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
