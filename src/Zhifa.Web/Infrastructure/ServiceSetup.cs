using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Data.Audit;

namespace Zhifa.Web.Infrastructure;

public static class ServiceSetup
{
    public const string ApiOrCookie = "ApiOrCookie";

    public static void AddZhifaData(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is null
            ? new SystemActor()
            : sp.GetRequiredService<CurrentUser>());
        services.AddDbContext<AppDbContext>((sp, o) => Configure(o, sp.GetRequiredService<ZhifaOptions>()));
    }

    public static void Configure(DbContextOptionsBuilder builder, ZhifaOptions options)
    {
        var cs = options.ResolveConnectionString();
        if (options.IsPostgres)
            builder.UseNpgsql(cs, x => x.MigrationsAssembly("Zhifa.Migrations.Postgres"));
        else
            builder.UseSqlite(cs, x => x.MigrationsAssembly("Zhifa.Migrations.Sqlite"));
    }

    public static void AddZhifaAuth(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole<int>>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "zhifa";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(ApiOrCookie, "Token or cookie", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        // The policy scheme must be the default so that API calls with a token and page requests with a cookie both work.
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = ApiOrCookie;
            o.DefaultAuthenticateScheme = ApiOrCookie;
            o.DefaultChallengeScheme = ApiOrCookie;
            o.DefaultForbidScheme = ApiOrCookie;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        // Keys live beside the data so that cookies survive a restart; at scale they go to shared storage.
        services.AddDataProtection().SetApplicationName("Zhifa");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(sp.GetRequiredService<ZhifaOptions>().DataDirectory), "keys")),
                sp.GetRequiredService<ILoggerFactory>())));
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Identity's messages in Chinese, naming the field.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = "password_too_short", Description = UiText.T("identity.password_too_short", length) };
    public override IdentityError PasswordRequiresDigit() => new() { Code = "password_requires_digit", Description = UiText.T("identity.password_requires_digit") };
    public override IdentityError PasswordRequiresLower() => new() { Code = "password_requires_lower", Description = UiText.T("identity.password_requires_lower") };
    public override IdentityError PasswordRequiresUpper() => new() { Code = "password_requires_upper", Description = UiText.T("identity.password_requires_upper") };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = "password_requires_symbol", Description = UiText.T("identity.password_requires_symbol") };
    public override IdentityError PasswordMismatch() => new() { Code = "password_mismatch", Description = UiText.T("identity.password_mismatch") };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = "duplicate_user_name", Description = UiText.T("identity.duplicate_user_name", userName) };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = "invalid_user_name", Description = UiText.T("identity.invalid_user_name", userName) };
    public override IdentityError DefaultError() => new() { Code = "error", Description = UiText.T("identity.error") };
}
