using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Domain.Accounts;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

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
        group.MapGet("/roles", ListRoles).WithMetadata(new DeploymentWideAttribute()).WithTags(T("admin.api.tag.accounts")).WithName("ListRoles")
            .WithSummary(T("admin.api.roles"));

        var users = group.MapGroup("/users").WithTags(T("admin.api.tag.accounts"));
        users.MapGet("/", ListUsers).WithName("ListUsers").WithSummary(T("admin.api.list_users"))
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("/{userId:int}", GetUser).WithName("GetUser").WithSummary(T("admin.api.get_user"))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/", CreateUser).WithName("CreateUser").WithSummary(T("admin.api.create_user"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapPut("/{userId:int}", UpdateUser).WithName("UpdateUser").WithSummary(T("admin.api.update_user"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userId:int}/password", ResetUserPassword).WithName("ResetUserPassword").WithSummary(T("admin.api.reset_password"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userId:int}/unlock", UnlockUser).WithName("UnlockUser").WithSummary(T("admin.api.unlock"))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var tokens = group.MapGroup("/tokens").WithTags(T("admin.api.tag.tokens"));
        tokens.MapGet("/", ListTokens).WithName("ListTokens").WithSummary(T("admin.api.list_tokens"));
        tokens.MapPost("/", IssueToken).WithName("IssueToken").WithSummary(T("admin.api.issue_token"))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapDelete("/{tokenId:int}", RevokeToken).WithName("RevokeToken").WithSummary(T("admin.api.revoke_token"))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Ok<List<RoleView>> ListRoles() => TypedResults.Ok(Roles.All.Select(r => new RoleView(r, Roles.Label(r))).ToList());

    public static async Task<Results<Ok<List<UserView>>, ProblemHttpResult>> ListUsers(UserService svc, CurrentUser me)
        => me.IsAdministrator ? TypedResults.Ok(await svc.ListAsync()) : Problems.Forbidden();

    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetUser(int userId, UserService svc, CurrentUser me)
        => await svc.FindManageableAsync(userId) is not { } u ? Problems.NotFound(T("admin.error.user"))
            : !me.IsAdministrator ? Problems.Forbidden() : TypedResults.Ok(await svc.ViewAsync(u));

    public static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateUser(UserInput input, UserService svc, CurrentUser me)
    {
        if (!me.IsAdministrator) return Problems.Forbidden();
        var u = await svc.CreateAsync(input);
        return TypedResults.Created($"/api/v1/users/{u.Id}", await svc.ViewAsync(u));
    }

    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> UpdateUser(int userId, UserInput input, UserService svc, CurrentUser me)
    {
        if (await svc.FindManageableAsync(userId) is not { } u) return Problems.NotFound(T("admin.error.user"));
        if (!me.IsAdministrator) return Problems.Forbidden();
        await svc.UpdateAsync(u, input);
        return TypedResults.Ok(await svc.ViewAsync(u));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetUserPassword(int userId, PasswordInput input, UserService svc, CurrentUser me)
    {
        if (await svc.FindManageableAsync(userId) is not { } u) return Problems.NotFound(T("admin.error.user"));
        if (!me.IsAdministrator) return Problems.Forbidden();
        await svc.ResetPasswordAsync(u, input.Password);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnlockUser(int userId, UserService svc, CurrentUser me)
    {
        if (await svc.FindManageableAsync(userId) is not { } u) return Problems.NotFound(T("admin.error.user"));
        if (!me.IsAdministrator) return Problems.Forbidden();
        await svc.UnlockAsync(u);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<TokenView>>> ListTokens(TokenService svc, CurrentUser me, AppDbContext db)
        => TypedResults.Ok(await ViewsAsync(await svc.VisibleAsync(me), db));

    public static async Task<Results<Created<IssuedToken>, ProblemHttpResult>> IssueToken(TokenInput input, TokenService svc, UserService userSvc, CurrentUser me,
        AppDbContext db)
    {
        if (!me.IsAdministrator) return Problems.Forbidden();
        if (input.UserId is null) return Problems.Validation("userId", "required", T("admin.error.token_user_required"));
        if (await userSvc.FindManageableAsync(input.UserId.Value) is not { } u) return Problems.Validation("userId", "not_found", T("admin.error.token_user_not_found"));
        var issued = await svc.CreateAsync(u, input.Name, input.Scopes, input.ExpiresInDays, me.UserName);
        var view = (await ViewsAsync(db.ApiTokens.Where(t => t.Id == issued.Token.Id), db)).Single();
        return TypedResults.Created($"/api/v1/tokens/{issued.Token.Id}", new IssuedToken(view, issued.PlainText));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(int tokenId, TokenService svc, CurrentUser me)
    {
        var token = await (await svc.VisibleAsync(me)).FirstOrDefaultAsync(t => t.Id == tokenId);
        if (token is null) return Problems.NotFound(T("admin.error.token"));
        await svc.RevokeAsync(token);
        return TypedResults.NoContent();
    }

    public static async Task<List<TokenView>> ViewsAsync(IQueryable<ApiToken> query, AppDbContext db)
        => (await (from t in query.AsNoTracking()
                   join u in db.Users on t.UserId equals u.Id
                   orderby t.Id descending
                   select new { t, u.UserName }).ToListAsync())
            .Select(x => new TokenView(x.t.Id, x.t.UserId, x.UserName ?? "", x.t.Name, x.t.Prefix, x.t.ScopeList, x.t.CreatedAt,
                x.t.ExpiresAt, x.t.RevokedAt, x.t.LastUsedAt)).ToList();
}
