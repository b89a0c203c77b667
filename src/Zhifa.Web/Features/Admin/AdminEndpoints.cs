using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Domain.Accounts;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Admin;

public static class AdminEndpoints
{
    public sealed record PasswordInput(string? Password);
    public sealed record TokenInput(int? UserId, string? Name, List<string>? Scopes, int? ExpiresInDays);
    public sealed record TokenView(int Id, int UserId, string UserName, string Name, string Prefix, IReadOnlyList<string> Scopes,
        DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);
    public sealed record IssuedToken(TokenView Token, string Value);
    public sealed record RoleView(string Code, string Label);

    public static void MapAdminEndpoints(this IEndpointRouteBuilder group)
    {
        group.MapGet("/roles", () => Roles.All.Select(r => new RoleView(r, Roles.Label(r))))
            .WithMetadata(new DeploymentWideAttribute()).WithTags("账号").WithSummary("角色列表");

        var users = group.MapGroup("/users").WithTags("账号");
        users.MapGet("/", async (UserService svc, CurrentUser me) => me.IsAdministrator ? Results.Ok(await svc.ListAsync()) : Problems.Forbidden())
            .WithSummary("列出可管理的账号");
        users.MapGet("/{userId:int}", async (int userId, UserService svc, CurrentUser me) =>
            await svc.FindManageableAsync(userId) is not { } u ? Problems.NotFound("账号")
            : !me.IsAdministrator ? Problems.Forbidden() : Results.Ok(await svc.ViewAsync(u)))
            .WithSummary("查看账号");
        users.MapPost("/", async (UserInput input, UserService svc, CurrentUser me) =>
        {
            if (!me.IsAdministrator) return Problems.Forbidden();
            var u = await svc.CreateAsync(input);
            return Results.Created($"/api/v1/users/{u.Id}", await svc.ViewAsync(u));
        }).WithSummary("新增账号");
        users.MapPut("/{userId:int}", async (int userId, UserInput input, UserService svc, CurrentUser me) =>
        {
            if (await svc.FindManageableAsync(userId) is not { } u) return Problems.NotFound("账号");
            if (!me.IsAdministrator) return Problems.Forbidden();
            await svc.UpdateAsync(u, input);
            return Results.Ok(await svc.ViewAsync(u));
        }).WithSummary("修改账号的姓名、角色和关联执法人员");
        users.MapPost("/{userId:int}/password", async (int userId, PasswordInput input, UserService svc, CurrentUser me) =>
        {
            if (await svc.FindManageableAsync(userId) is not { } u) return Problems.NotFound("账号");
            if (!me.IsAdministrator) return Problems.Forbidden();
            await svc.ResetPasswordAsync(u, input.Password);
            return Results.NoContent();
        }).WithSummary("重置密码");
        users.MapPost("/{userId:int}/unlock", async (int userId, UserService svc, CurrentUser me) =>
        {
            if (await svc.FindManageableAsync(userId) is not { } u) return Problems.NotFound("账号");
            if (!me.IsAdministrator) return Problems.Forbidden();
            await svc.UnlockAsync(u);
            return Results.NoContent();
        }).WithSummary("解除锁定");

        var tokens = group.MapGroup("/tokens").WithTags("接口令牌");
        tokens.MapGet("/", async (TokenService svc, CurrentUser me, AppDbContext db) =>
            await ViewsAsync(await svc.VisibleAsync(me), db)).WithSummary("列出令牌（管理员：本辖区全部；其他人：自己的）");
        tokens.MapPost("/", async (TokenInput input, TokenService svc, UserService userSvc, CurrentUser me, AppDbContext db) =>
        {
            if (!me.IsAdministrator) return Problems.Forbidden();
            if (input.UserId is null) return Problems.Validation("userId", "required", "请选择令牌所属账号");
            if (await userSvc.FindManageableAsync(input.UserId.Value) is not { } u) return Problems.Validation("userId", "not_found", "账号不存在或无权管理");
            var issued = await svc.CreateAsync(u, input.Name, input.Scopes, input.ExpiresInDays, me.UserName);
            var view = (await ViewsAsync(db.ApiTokens.Where(t => t.Id == issued.Token.Id), db)).Single();
            return Results.Created($"/api/v1/tokens/{issued.Token.Id}", new IssuedToken(view, issued.PlainText));
        }).WithSummary("签发令牌；令牌只在此响应中出现一次");
        tokens.MapDelete("/{tokenId:int}", async (int tokenId, TokenService svc, CurrentUser me) =>
        {
            var token = await (await svc.VisibleAsync(me)).FirstOrDefaultAsync(t => t.Id == tokenId);
            if (token is null) return Problems.NotFound("令牌");
            await svc.RevokeAsync(token);
            return Results.NoContent();
        }).WithSummary("撤销令牌");
    }

    public static async Task<List<TokenView>> ViewsAsync(IQueryable<ApiToken> query, AppDbContext db)
        => (await (from t in query.AsNoTracking()
                   join u in db.Users on t.UserId equals u.Id
                   orderby t.Id descending
                   select new { t, u.UserName }).ToListAsync())
            .Select(x => new TokenView(x.t.Id, x.t.UserId, x.UserName ?? "", x.t.Name, x.t.Prefix, x.t.ScopeList, x.t.CreatedAt,
                x.t.ExpiresAt, x.t.RevokedAt, x.t.LastUsedAt)).ToList();
}
