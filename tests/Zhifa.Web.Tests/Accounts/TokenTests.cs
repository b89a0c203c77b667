using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Accounts;

public sealed class TokenTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private HttpClient WithToken(string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task The_token_create_verb_prints_the_token_alone_on_its_last_line_and_it_calls_the_API()
    {
        var output = await CliRunner.RunAsync(app, "token", "create", "--user", "handler");
        Assert.Equal(0, output.ExitCode);
        var token = output.LastLine;
        Assert.StartsWith("zf_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(' ', token);

        var response = await WithToken(token).GetAsync("/api/v1/agencies");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Only the hash is kept.
        Assert.False(await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Hash == token || t.Prefix == token)));
    }

    [Fact]
    public async Task The_token_create_verb_names_an_unknown_user()
    {
        var output = await CliRunner.RunAsync(app, "token", "create", "--user", "nobody");
        Assert.NotEqual(0, output.ExitCode);
        Assert.Contains("nobody", output.StdErr);
    }

    [Fact]
    public async Task An_administrator_issues_a_scoped_token_lists_it_and_revokes_it()
    {
        var admin = await app.ApiClientAsync("yj.admin");
        var users = await admin.GetFromJsonAsync<List<UserRef>>("/api/v1/users");
        var self = users!.Single(u => u.UserName == "yj.admin");

        var created = await admin.PostAsJsonAsync("/api/v1/tokens", new { userId = self.Id, name = "移动执法终端", scopes = new[] { "handler" }, expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode); // yj.admin is not a handler
        var (code, fields, _) = await created.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Contains("scopes", fields);

        created = await admin.PostAsJsonAsync("/api/v1/tokens", new { userId = self.Id, name = "只读脚本", scopes = new[] { "administrator" }, expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = await created.Content.ReadFromJsonAsync<Issued>();
        var scoped = WithToken(issued!.Value);
        Assert.Equal(HttpStatusCode.OK, (await scoped.GetAsync("/api/v1/users")).StatusCode);

        var list = await admin.GetFromJsonAsync<List<TokenRef>>("/api/v1/tokens");
        Assert.Contains(list!, t => t.Id == issued.Token.Id && t.Name == "只读脚本");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tokens/{issued.Token.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scoped.GetAsync("/api/v1/agencies")).StatusCode);
    }

    [Fact]
    public async Task A_token_never_grants_a_role_outside_its_scopes()
    {
        var token = await app.CreateTokenAsync("admin", ["administrator"]);
        var full = WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await full.GetAsync("/api/v1/users")).StatusCode);

        var handlerOnly = WithToken(await app.CreateTokenAsync("unithead", ["handler"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await handlerOnly.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken("zf_not-a-real-token").GetAsync("/api/v1/agencies")).StatusCode);
    }

    [Fact]
    public async Task The_tokens_page_shows_a_new_token_once()
    {
        var admin = await app.SignInAsync("admin");
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "handler").Select(u => u.Id).SingleAsync());
        var response = await ZhifaFactory.PostFormAsync(admin, "/admin/tokens", new() { ["UserId"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Name"] = "省平台对接", ["ExpiresInDays"] = "90" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("只显示这一次", html);
        Assert.Matches("data-testid=\"issued-token\"[^>]*>zf_", html);
        var again = await (await admin.GetAsync("/admin/tokens")).Content.ReadAsStringAsync();
        Assert.Contains("省平台对接", again);
        Assert.DoesNotContain("data-testid=\"issued-token\"", again);
    }

    private sealed record UserRef(int Id, string UserName);
    private sealed record TokenRef(int Id, string Name);
    private sealed record Issued(TokenRef Token, string Value);
}
