using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Admin;

public sealed class UserInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public int? AgencyId { get; set; }
    public int? OfficerId { get; set; }
    public List<string> Roles { get; set; } = [];
    /// <summary>Only when creating; later changes go through the password reset.</summary>
    public string? Password { get; set; }
}

public sealed record UserView(int Id, string UserName, string DisplayName, int? AgencyId, string? AgencyName, int? OfficerId,
    IReadOnlyList<string> Roles, bool LockedOut, DateTime? LockoutEnd);

/// <summary>Staff accounts, managed by administrators within their scope (ORG-4).</summary>
public sealed class UserService(AppDbContext db, UserManager<AppUser> users, CurrentUser me, TimeProvider time,
    Agencies.AgencyService agencies, Officers.OfficerService officers)
{
    public async Task<List<UserView>> ListAsync()
    {
        var visible = await me.VisibleAgencyIdsAsync();
        var query = db.Users.AsNoTracking();
        query = visible is null ? query : query.Where(u => u.AgencyId != null && visible.Contains(u.AgencyId.Value));
        var list = await query.OrderBy(u => u.AgencyId).ThenBy(u => u.UserName).ToListAsync();
        var agencyNames = await agencies.NamesAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var now = time.GetUtcNow();
        return list.Select(u => new UserView(u.Id, u.UserName ?? "", u.DisplayName, u.AgencyId,
            u.AgencyId is { } a ? agencyNames.GetValueOrDefault(a) : null, u.OfficerId,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Zhifa.Domain.Accounts.Roles.All.ToList().IndexOf(r)).ToList(),
            u.LockoutEnd > now, u.LockoutEnd?.UtcDateTime)).ToList();
    }

    /// <summary>The account if the current administrator may manage it; the deployment administrator's peers only by him.</summary>
    public async Task<AppUser?> FindManageableAsync(int userId)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return null;
        if (user.AgencyId is null) return me.IsDeploymentAdministrator ? user : null;
        return await me.CanSee(user.AgencyId) ? user : null;
    }

    public async Task<UserView> ViewAsync(AppUser user)
        => (await ListAsync()).First(u => u.Id == user.Id);

    public async Task<AppUser> CreateAsync(UserInput input)
    {
        var errors = await ValidateAsync(input, null);
        errors.Required("userName", input.UserName, UiText.T("admin.users.col.user_name")).Required("password", input.Password, UiText.T("admin.users.password"));
        errors.ThrowIfAny();
        var user = new AppUser
        {
            UserName = input.UserName!.Trim(), DisplayName = input.DisplayName!.Trim(), AgencyId = input.AgencyId,
            OfficerId = input.OfficerId, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, input.Password!), "password");
        Check(await users.AddToRolesAsync(user, input.Roles.Distinct()), "roles");
        return user;
    }

    public async Task UpdateAsync(AppUser user, UserInput input)
    {
        var errors = await ValidateAsync(input, user);
        errors.ThrowIfAny();
        user.DisplayName = input.DisplayName!.Trim();
        user.OfficerId = input.OfficerId;
        Check(await users.UpdateAsync(user), "displayName");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(input.Roles)), "roles");
        Check(await users.AddToRolesAsync(user, input.Roles.Distinct().Except(current)), "roles");
    }

    public async Task ResetPasswordAsync(AppUser user, string? password)
    {
        new ValidationErrors().Required("password", password, UiText.T("admin.users.new_password")).ThrowIfAny();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password!), "password");
    }

    public async Task UnlockAsync(AppUser user)
    {
        Check(await users.SetLockoutEndDateAsync(user, null), "lockout");
        Check(await users.ResetAccessFailedCountAsync(user), "lockout");
    }

    private async Task<ValidationErrors> ValidateAsync(UserInput input, AppUser? existing)
    {
        var errors = new ValidationErrors()
            .Required("displayName", input.DisplayName, UiText.T("admin.users.col.display_name")).MaxLength("displayName", input.DisplayName, 50, UiText.T("admin.users.col.display_name"))
            .MaxLength("userName", input.UserName, 50, UiText.T("admin.users.col.user_name"));
        int? agencyId = existing is null ? input.AgencyId : existing.AgencyId;
        if (existing is null)
        {
            if (agencyId is null && !me.IsDeploymentAdministrator) errors.Add("agencyId", "required", UiText.T("admin.users.error.agency_required"));
            else if (agencyId is not null && !await me.CanSee(agencyId)) errors.Add("agencyId", "not_found", UiText.T("admin.users.error.agency_not_found"));
        }
        if (input.Roles.Count == 0) errors.Add("roles", "required", UiText.T("admin.users.error.roles_required"));
        foreach (var r in input.Roles.Where(r => !Roles.IsKnown(r))) errors.Add("roles", "unknown", UiText.T("admin.error.unknown_role", r));
        if (agencyId is null && input.Roles.Any(r => r != Roles.Administrator))
            errors.Add("roles", "needs_agency", UiText.T("admin.users.error.needs_agency"));
        if (input.OfficerId is { } officerId && !await officers.InAgencyAsync(officerId, agencyId))
            errors.Add("officerId", "not_found", UiText.T("admin.users.error.officer_not_found"));
        return errors;
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new DomainValidationException(result.Errors.Select(e => new ValidationError(
                e.Code.StartsWith("password", StringComparison.Ordinal) ? "password" : e.Code.Contains("user_name", StringComparison.Ordinal) ? "userName" : field,
                e.Code, e.Description)).ToList());
    }
}
