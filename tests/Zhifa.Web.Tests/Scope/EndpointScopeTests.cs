using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Scope;

/// <summary>
/// Creates records of agency B (永兴县卫生健康局) for the scope test and returns their ids by route parameter name
/// (e.g. caseId). An area that adds a route parameter adds one of these beside its own tests.
/// </summary>
public interface IScopeProbeRecords
{
    Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId);
}

/// <summary>
/// ORG-4, proven over the application's own endpoint list: an administrator of 永兴县应急管理局 (agency A) asks every
/// page and endpoint for the records of 永兴县卫生健康局 (agency B) and must get 404 each time. A new endpoint whose
/// route names something this test cannot fill fails here until it is covered.
/// </summary>
public sealed class EndpointScopeTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string AgencyA = "永兴县应急管理局";
    private const string AgencyB = "永兴县卫生健康局";

    private sealed record Probe(string Method, string Pattern, string DisplayName, bool IsApi, bool AcceptsForm);

    private List<Probe> ScopedEndpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var list = new List<Probe>();
        foreach (var e in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue;
            if (e.Metadata.GetMetadata<DeploymentWideAttribute>() is not null) continue;
            if (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                && e.RoutePattern.RawText == "/healthz") continue;
            var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            bool isApi = pattern.StartsWith("/api/", StringComparison.Ordinal);
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            bool acceptsForm = e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(c => c.StartsWith("multipart/", StringComparison.Ordinal)) == true;
            // Pages are probed with GET: their posts first need the anti-forgery token of a page the user can open.
            foreach (var m in isApi ? methods : ["GET"]) list.Add(new Probe(m, pattern, e.DisplayName ?? pattern, isApi, acceptsForm));
        }
        return list.DistinctBy(p => (p.Method, p.Pattern)).ToList();
    }

    /// <summary>Ids of agency B's records, by the route parameter name every endpoint uses for them.</summary>
    private async Task<Dictionary<string, string>> IdsOfAgencyBAsync()
    {
        await app.CreateTokenAsync("handler");
        var ids = await app.WithDbAsync(async db =>
        {
            var b = await db.Agencies.Include(a => a.Units).SingleAsync(a => a.Name == AgencyB);
            var officer = await db.Officers.Include(o => o.Certificates).Include(o => o.Trainings).FirstAsync(o => o.AgencyId == b.Id && o.Trainings.Count > 0);
            var matter = await db.Matters.FirstAsync(m => m.AgencyId == b.Id);
            var user = await db.Users.SingleAsync(u => u.UserName == "handler");
            var tokenRow = await db.ApiTokens.OrderByDescending(t => t.Id).FirstAsync(t => t.UserId == user.Id);
            string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Dictionary<string, string>
            {
                ["agencyId"] = S(b.Id),
                ["unitId"] = S(b.Units[0].Id),
                ["officerId"] = S(officer.Id),
                ["certificateId"] = S(officer.Certificates[0].Id),
                ["trainingId"] = S(officer.Trainings[0].Id),
                ["matterId"] = S(matter.Id),
                ["userId"] = S(user.Id),
                ["tokenId"] = S(tokenRow.Id),
            };
        });
        // Areas whose records the demo does not have create some for agency B and name their route parameters.
        int agencyB = int.Parse(ids["agencyId"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var type in typeof(EndpointScopeTests).Assembly.GetTypes().Where(t => typeof(IScopeProbeRecords).IsAssignableFrom(t) && t.IsClass))
        {
            var provider = (IScopeProbeRecords)Activator.CreateInstance(type)!;
            foreach (var (name, value) in await provider.CreateAsync(app, agencyB)) ids[name] = value;
        }
        return ids;
    }

    private static string Fill(string pattern, Dictionary<string, string> ids, List<string> unknown)
        => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?([A-Za-z]+)(:[^}]*)?\??\}", m =>
        {
            if (ids.TryGetValue(m.Groups[1].Value, out var v)) return v;
            unknown.Add(m.Groups[1].Value);
            return "0";
        });

    [Fact]
    public async Task Every_endpoint_answers_404_when_an_administrator_of_another_agency_asks_for_its_records()
    {
        var ids = await IdsOfAgencyBAsync();
        var pageClient = await app.SignInAsync("yj.admin");
        var apiClient = await app.ApiClientAsync("yj.admin");
        var failures = new List<string>();
        int probed = 0;

        foreach (var probe in ScopedEndpoints().Where(p => p.Pattern.Contains('{')))
        {
            var unknown = new List<string>();
            var url = Fill(probe.Pattern, ids, unknown);
            if (unknown.Count > 0)
            {
                failures.Add($"{probe.Method} {probe.Pattern}: route parameter(s) {string.Join(", ", unknown)} unknown to the scope test — name them as the others are, or add them here");
                continue;
            }
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), url);
            if (probe.Method is "POST" or "PUT" or "PATCH")
            {
                if (probe.AcceptsForm)
                {
                    var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("x")), "file", "x.csv" } };
                    request.Content = form;
                }
                else request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            var response = await (probe.IsApi ? apiClient : pageClient).SendAsync(request);
            probed++;
            if (response.StatusCode != HttpStatusCode.NotFound)
                failures.Add($"{probe.Method} {url} ({probe.Pattern}) answered {(int)response.StatusCode}, expected 404");
        }

        Assert.True(probed > 10, $"only {probed} endpoints were probed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Lists_show_nothing_of_another_agency_even_when_asked_by_its_id()
    {
        var ids = await IdsOfAgencyBAsync();
        var pageClient = await app.SignInAsync("yj.admin");
        var apiClient = await app.ApiClientAsync("yj.admin");
        string[] markers = [AgencyB, "赵敏", "330217001000"];
        var failures = new List<string>();

        foreach (var probe in ScopedEndpoints().Where(p => p.Method == "GET" && !p.Pattern.Contains('{')))
        {
            foreach (var url in new[] { probe.Pattern, $"{probe.Pattern}?agencyId={ids["agencyId"]}" })
            {
                var response = await (probe.IsApi ? apiClient : pageClient).GetAsync(url);
                if (response.StatusCode == HttpStatusCode.NotFound) continue;
                var body = await response.Content.ReadAsStringAsync();
                foreach (var marker in markers.Where(m => body.Contains(m, StringComparison.Ordinal)))
                    failures.Add($"GET {url} shows “{marker}” of {AgencyB} to an administrator of {AgencyA}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_API_endpoint_refuses_a_caller_without_credentials()
    {
        var ids = await IdsOfAgencyBAsync();
        var anonymous = app.Anonymous();
        var failures = new List<string>();
        foreach (var probe in ScopedEndpoints().Where(p => p.IsApi))
        {
            var url = Fill(probe.Pattern, ids, []);
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), url);
            if (probe.Method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var response = await anonymous.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{probe.Method} {url} answered {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_supervisor_sees_the_agencies_under_its_own_but_an_agency_sees_only_itself()
    {
        var supervisor = await app.ApiClientAsync("supervisor");
        var names = (await supervisor.GetFromJsonAsync<List<AgencyName>>("/api/v1/agencies"))!.Select(a => a.Name).ToList();
        Assert.Contains(AgencyA, names);
        Assert.Contains(AgencyB, names);

        var handler = await app.ApiClientAsync("handler");
        var own = (await handler.GetFromJsonAsync<List<AgencyName>>("/api/v1/agencies"))!.Select(a => a.Name).ToList();
        Assert.Equal([AgencyB], own);
    }

    private sealed record AgencyName(int Id, string Name);
}
