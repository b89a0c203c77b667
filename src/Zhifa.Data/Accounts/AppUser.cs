using Microsoft.AspNetCore.Identity;

namespace Zhifa.Data.Accounts;

/// <summary>A staff account. It acts for one agency (ORG-4); the deployment administrator has none.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public int? AgencyId { get; set; }
    /// <summary>The officer this account belongs to, when its holder enforces.</summary>
    public int? OfficerId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An API token issued by an administrator; only its SHA-256 is kept.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public int? AgencyId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the token, shown in lists so a holder can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>Roles the token may use, comma separated; always a subset of its user's roles.</summary>
    public string Scopes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public IReadOnlyList<string> ScopeList => Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public bool IsUsable(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
