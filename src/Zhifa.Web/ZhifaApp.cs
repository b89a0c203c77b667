using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Accounts;
using Zhifa.Domain.Accounts;
using Zhifa.Web.Features;
using Zhifa.Web.Features.Demo;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web;

/// <summary>Builds the one process that serves the workbench, the portal and the API.</summary>
public static class ZhifaApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Read when first needed, so that settings added by a host (tests, a service manager) are seen.
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Zhifa").Get<ZhifaOptions>() ?? new ZhifaOptions());

        builder.Services.AddZhifaData();
        builder.Services.AddZhifaAuth();
        // Chinese text is written as itself rather than as numeric character references.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Chinese stays readable in the API's JSON instead of \uXXXX escapes.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.Services.AddOpenApi(OpenApiDocumentSetup.Configure);
        builder.Services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, UiTextLocalizer>();
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(UiText)));
        builder.Services.AddFeatures();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", async (AppDbContext db) => await db.Database.CanConnectAsync()
            ? Results.Text("ok") : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        app.MapFeatures();
        return app;
    }

    /// <summary>Creates or migrates the database and, when empty, loads the demo or the first administrator.</summary>
    public static async Task InitializeAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<ZhifaOptions>();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync();
            await Zhifa.Data.Publicity.PortalSearchIndex.EnsureSchemaAsync(db);
        }
        if (!options.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        foreach (var role in Roles.All)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<int>>>();
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<int>(role));
        }

        if (await db.Users.AnyAsync()) return;
        if (options.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            Console.WriteLine(UiText.T("cli.demo.loaded", DemoSeeder.Password));
            foreach (var (user, label) in DemoSeeder.Accounts) Console.WriteLine($"  {user,-16} {label}");
        }
        else
        {
            var password = await CreateAdministratorAsync(scope.ServiceProvider);
            Console.WriteLine(UiText.T("cli.admin.created", password));
        }
    }

    public static async Task<string> CreateAdministratorAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var password = "Zf" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var admin = new AppUser { UserName = "admin", DisplayName = UiText.T("cli.admin.display_name"), CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Administrator);
        return password;
    }

    public static void PrintWelcome(WebApplication app)
    {
        foreach (var url in app.Urls) Console.WriteLine(UiText.T("cli.started", url));
    }
}
