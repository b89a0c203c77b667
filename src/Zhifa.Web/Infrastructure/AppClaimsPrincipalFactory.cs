using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zhifa.Data.Accounts;

namespace Zhifa.Web.Infrastructure;

/// <summary>Puts the account's agency and display name into the sign-in cookie beside its roles.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<int>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.AgencyId is { } agency) identity.AddClaim(new Claim(CurrentUser.AgencyClaim, agency.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
