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
        errors.Required("userName", input.UserName, "用户名").Required("password", input.Password, "初始密码");
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
        new ValidationErrors().Required("password", password, "新密码").ThrowIfAny();
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
            .Required("displayName", input.DisplayName, "姓名").MaxLength("displayName", input.DisplayName, 50, "姓名")
            .MaxLength("userName", input.UserName, 50, "用户名");
        int? agencyId = existing is null ? input.AgencyId : existing.AgencyId;
        if (existing is null)
        {
            if (agencyId is null && !me.IsDeploymentAdministrator) errors.Add("agencyId", "required", "请选择所属执法主体");
            else if (agencyId is not null && !await me.CanSee(agencyId)) errors.Add("agencyId", "not_found", "执法主体不存在或无权管理");
        }
        if (input.Roles.Count == 0) errors.Add("roles", "required", "至少选择一个角色");
        foreach (var r in input.Roles.Where(r => !Roles.IsKnown(r))) errors.Add("roles", "unknown", $"未知角色“{r}”");
        if (agencyId is null && input.Roles.Any(r => r != Roles.Administrator))
            errors.Add("roles", "needs_agency", "不属于任何执法主体的账号只能是系统管理员");
        if (input.OfficerId is { } officerId && !await officers.InAgencyAsync(officerId, agencyId))
            errors.Add("officerId", "not_found", "执法人员不存在或不属于该执法主体");
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
