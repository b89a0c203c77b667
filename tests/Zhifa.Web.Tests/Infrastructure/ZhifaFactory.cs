using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Zhifa.Data;
using Zhifa.Web;

namespace Zhifa.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh database with the demo data: SQLite in a temporary folder by default,
/// or a new database on the PostgreSQL server named by ZHIFA_TEST_PG when ZHIFA_TEST_DB=postgres.
/// </summary>
public class ZhifaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("ZHIFA_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "zhifa-test-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string? _pgDatabase = OnPostgres ? "zhifa_t_" + Guid.NewGuid().ToString("N")[..16] : null;

    protected virtual bool Demo => true;

    public string? ConnectionString => _pgDatabase is null ? null
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _pgDatabase }.ConnectionString;

    private static string PostgresServer => Environment.GetEnvironmentVariable("ZHIFA_TEST_PG")
        ?? "Host=127.0.0.1;Port=55432;Username=zhifa";

    /// <summary>Creating and dropping test databases happens from the maintenance database.</summary>
    private static string MaintenanceConnection => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Zhifa:DataDirectory", DataDirectory);
        builder.UseSetting("Zhifa:Demo", Demo ? "true" : "false");
        if (_pgDatabase is not null)
        {
            builder.UseSetting("Zhifa:DatabaseProvider", "Postgres");
            builder.UseSetting("Zhifa:ConnectionString", ConnectionString);
        }
        builder.UseEnvironment("Development");
    }

    public virtual async Task InitializeAsync()
    {
        if (Demo && !IsTemplate)
        {
            // Seeding the demo takes seconds; it is done once per test run and every demo application starts from a copy.
            var template = await DemoTemplate.GetAsync();
            CopyDirectory(template.DataDirectory, DataDirectory);
            if (_pgDatabase is not null) await MaintenanceAsync($"CREATE DATABASE {_pgDatabase} TEMPLATE {template._pgDatabase}");
        }
        else if (_pgDatabase is not null)
        {
            await MaintenanceAsync($"CREATE DATABASE {_pgDatabase}");
        }
        await ZhifaApp.InitializeAsync(Services);
    }

    /// <summary>The application the demo is seeded into once; its database and folder are kept for the others to copy.</summary>
    private protected virtual bool IsTemplate => false;

    private static async Task MaintenanceAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(MaintenanceConnection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    private sealed class DemoTemplate : ZhifaFactory
    {
        private static readonly SemaphoreSlim Lock = new(1, 1);
        private static DemoTemplate? _ready;

        private protected override bool IsTemplate => true;

        public static async Task<DemoTemplate> GetAsync()
        {
            await Lock.WaitAsync();
            try
            {
                if (_ready is not null) return _ready;
                var template = new DemoTemplate();
                await template.InitializeAsync();
                // Stopping the host and closing its pooled connections leaves a quiet database and folder to copy.
                await template.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (template.ConnectionString is { } cs) NpgsqlConnection.ClearPool(new NpgsqlConnection(cs));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Remove();
                return _ready = template;
            }
            finally
            {
                Lock.Release();
            }
        }

        private void Remove()
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            if (_pgDatabase is null) return;
            try { MaintenanceAsync($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)").GetAwaiter().GetResult(); } catch (NpgsqlException) { }
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private bool _disposed;

    /// <summary>Stops the application and removes its database and folder.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await base.DisposeAsync();
        if (IsTemplate) return;
        GC.SuppressFinalize(this);
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await MaintenanceAsync($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)");
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs <paramref name="work"/> against the database directly, as a test's own eyes on the data.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A client with no cookie that does not follow redirects, so tests see what a browser would be told.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login page and returns a client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Features.Demo.DemoSeeder.Password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>A client that calls the API with a fresh token of <paramref name="userName"/>, as a system would.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var token = await CreateTokenAsync(userName);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Remember(client, userName, ApiClientAsync);
        return client;
    }

    private sealed record Owner(string UserName, Func<string, Task<HttpClient>> ClientOf);

    /// <summary>Remembers whose <paramref name="client"/> is, and how to make another account's client of the same application.</summary>
    public static void Remember(HttpClient client, string userName, Func<string, Task<HttpClient>> clientOf)
        => Owners.AddOrUpdate(client, new Owner(userName, clientOf));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, Owner> Owners = new();

    /// <summary>
    /// The API client of whoever does the 案件审核 of the cases that <paramref name="handlerClient"/>'s account handles: the
    /// unit head of the 卫生健康局, the head of the 应急管理局 (which has no unit head). A handler may not review its own case.
    /// </summary>
    public static Task<HttpClient> CaseReviewerOfAsync(HttpClient handlerClient)
    {
        if (!Owners.TryGetValue(handlerClient, out var owner)) return Task.FromResult(handlerClient);
        return owner.ClientOf(owner.UserName.StartsWith("yj.", StringComparison.Ordinal) ? "yj.head" : "unithead");
    }

    /// <summary>Issues a token as the `token create` verb does.</summary>
    public async Task<string> CreateTokenAsync(string userName, IReadOnlyCollection<string>? scopes = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Features.Admin.TokenService>().CreateForCliAsync(userName, "test", scopes);
    }

    /// <summary>GETs the page, takes its anti-forgery token, and posts the form fields to it (or to <paramref name="action"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts multipart form data (file uploads) with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string page, MultipartFormDataContent content, string? action = null)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(action ?? page, content);
    }
}

/// <summary>Same application, started empty (`--no-demo`).</summary>
public sealed class EmptyZhifaFactory : ZhifaFactory
{
    protected override bool Demo => false;
}

/// <summary>One application for a whole test class; the class's tests share its demo data and must not depend on each other's changes.</summary>
[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<ZhifaFactory>;

public static class HttpAssertions
{
    /// <summary>Reads an RFC 9457 problem and returns its code and the fields it names.</summary>
    public static async Task<(string Code, string[] Fields, string Body)> ReadProblemAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        var code = doc.RootElement.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
        var fields = doc.RootElement.TryGetProperty("errors", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Array
            ? e.EnumerateArray().Select(x => x.GetProperty("field").GetString() ?? "").ToArray()
            : [];
        return (code, fields, body);
    }
}
