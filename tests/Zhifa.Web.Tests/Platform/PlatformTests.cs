using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Platform;

[Collection("app")]
public sealed class PlatformTests(ZhifaFactory app)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var response = await app.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/agencies", paths);
        Assert.Contains("/api/v1/calendar/working-days/add", paths);
        Assert.Contains("/api/v1/tokens/{tokenId}", paths);
    }

    [Fact]
    public async Task The_OpenAPI_document_says_how_a_caller_authenticates_and_that_the_portal_needs_nothing()
    {
        using var doc = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.Equal(2, root.GetProperty("security").GetArrayLength());
        // A public portal operation answers anyone: its requirement is empty.
        var portal = root.GetProperty("paths").GetProperty("/gs/api/v1/certificates/{number}").GetProperty("get");
        Assert.Empty(portal.GetProperty("security").EnumerateArray().Single().EnumerateObject());
        Assert.All(root.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/')));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_API_route_of_the_application()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();
        var routes = app.Services.GetRequiredService<IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/')}"))
            .ToList();
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !documented.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "not in the OpenAPI document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_migrations_match_the_model_on_this_provider()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes without a migration: run scripts/regen-migrations.sh or add a migration");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_demo_has_agencies_officers_with_every_certificate_status_and_one_account_per_role()
    {
        var counts = await app.WithDbAsync(async db => new
        {
            Agencies = await db.Agencies.CountAsync(),
            Officers = await db.Officers.CountAsync(),
            Matters = await db.Matters.GroupBy(m => m.AgencyId).CountAsync(),
            Roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).Distinct().CountAsync(),
        });
        Assert.Equal(3, counts.Agencies);
        Assert.True(counts.Officers >= 12);
        Assert.Equal(3, counts.Matters); // every agency keeps its matters list
        Assert.Equal(Domain.Accounts.Roles.All.Count, counts.Roles);
    }
}

[Collection("app")]
public sealed class DemoCaseTests(ZhifaFactory app)
{
    [Fact]
    public async Task The_demo_shows_a_case_at_every_step_of_every_category_with_documents_and_records_read_from_their_files()
    {
        var cases = await app.WithDbAsync(db => db.Cases.Select(c => new { c.Category, c.Procedure, c.Step }).ToListAsync());
        foreach (var category in Enum.GetValues<Domain.Cases.CaseCategory>())
        {
            var procedures = category == Domain.Cases.CaseCategory.Penalty
                ? new[] { Domain.Cases.CaseProcedure.General, Domain.Cases.CaseProcedure.Simple }
                : [Domain.Cases.CaseProcedure.Standard];
            foreach (var procedure in procedures)
                foreach (var step in Domain.Cases.CaseStateMachine.Path(category, procedure))
                    Assert.True(cases.Exists(c => c.Category == category && c.Procedure == procedure && c.Step == step), $"no demo case of {category}/{procedure} at {step}");
        }
        var records = await app.WithDbAsync(db => db.Set<Domain.Records.Record>().ToListAsync());
        Assert.All(records, r => Assert.NotNull(r.CaptureTime));
        Assert.Contains(records, r => r.Kind == Domain.Records.RecordKind.Video && r.FileName.EndsWith(".mp4", StringComparison.Ordinal));
        var documents = await app.WithDbAsync(db => db.Set<Domain.Documents.CaseDocument>().Select(d => d.TypeCode).Distinct().ToListAsync());
        Assert.Superset(new HashSet<string> { "site-record", "inquiry-record", "penalty-notice", "penalty-decision", "service-receipt", "closing-report" }, documents.ToHashSet());
    }
}

public sealed class EmptyStartTests(EmptyZhifaFactory app) : IClassFixture<EmptyZhifaFactory>
{
    [Fact]
    public async Task Without_the_demo_only_the_administrator_exists()
    {
        var users = await app.WithDbAsync(db => db.Users.Select(u => u.UserName).ToListAsync());
        Assert.Equal(["admin"], users);
        Assert.Equal(0, await app.WithDbAsync(db => db.Agencies.CountAsync()));
    }
}
