using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Publicity;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Web.Features.Publicity;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-2 through the pipeline: lists generated, legality-reviewed and approved, then public with their versions.</summary>
public sealed class PreDisclosureTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Health = "永兴县卫生健康局";

    private Task<int> AgencyIdAsync(string name = Health) => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement ListOf(JsonElement overview, string key) => overview.EnumerateArray().Single(l => l.GetProperty("listKey").GetString() == key);

    [Fact]
    public async Task A_stale_list_is_generated_again_reviewed_for_legality_approved_and_replaces_the_old_version_which_stays_viewable()
    {
        int health = await AgencyIdAsync();
        var publicity = await app.ApiClientAsync("publicity");
        var anonymous = app.Anonymous();
        var key = PreDisclosureLists.Basis;

        var draft = await JsonAsync(await publicity.PostAsync($"/api/v1/agencies/{health}/pre-disclosure/{key}/versions", null));
        Assert.Equal(2, draft.GetProperty("version").GetInt32());
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(1, draft.GetProperty("comparedWithVersion").GetInt32());
        var changes = draft.GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "Added" && c.GetProperty("rowKey").GetString() == "matter:330217004000");
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "Added" && c.GetProperty("rowKey").GetString()!.StartsWith("grade:", StringComparison.Ordinal));
        int id = draft.GetProperty("id").GetInt32();

        // The draft and the version in the chain are not public; the published one stays.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/agencies/{health}/lists/{key}/v/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/api/v1/agencies/{health}/lists/{key}/v/2")).StatusCode);
        Assert.Equal(1, (await JsonAsync(await anonymous.GetAsync($"/gs/api/v1/agencies/{health}/lists/{key}"))).GetProperty("version").GetInt32());

        await JsonAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "裁量基准修订" }));
        var chain = await JsonAsync(await publicity.GetAsync($"/api/v1/publications/{id}/chain"));
        Assert.Equal("LegalityReview", chain.GetProperty("waitingStep").GetString());
        Assert.Equal(["Prepared", "LegalityReview", "DeputyHead", "Head"], chain.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!));

        // The deputy head may not act before the legality review.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("deputy")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "" })).StatusCode);
        await JsonAsync(await (await app.ApiClientAsync("reviewer")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "合法" }));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/agencies/{health}/lists/{key}/v/2")).StatusCode);
        await JsonAsync(await (await app.ApiClientAsync("deputy")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意" }));
        await JsonAsync(await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意公开" }));

        var current = await JsonAsync(await anonymous.GetAsync($"/gs/api/v1/agencies/{health}/lists/{key}"));
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal(2, current.GetProperty("versions").GetArrayLength());
        var html = await anonymous.GetStringAsync($"/gs/agencies/{health}/lists/{key}");
        Assert.Contains("第 2 版", html, StringComparison.Ordinal);
        Assert.Contains("330217004000", html, StringComparison.Ordinal);

        var old = await anonymous.GetAsync($"/gs/agencies/{health}/lists/{key}/v/1");
        var oldHtml = await old.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("已被新版本替代", oldHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("330217004000", oldHtml, StringComparison.Ordinal);
        var oldJson = await JsonAsync(await anonymous.GetAsync($"/gs/api/v1/agencies/{health}/lists/{key}/v/1"));
        Assert.Equal("Superseded", oldJson.GetProperty("status").GetString());
        Assert.True(oldJson.GetProperty("supersededAt").GetDateTime() >= oldJson.GetProperty("publishedAt").GetDateTime());

        var overview = await JsonAsync(await publicity.GetAsync($"/api/v1/agencies/{health}/pre-disclosure"));
        Assert.False(ListOf(overview, key).GetProperty("stale").GetBoolean());
        Assert.Equal(2, ListOf(overview, key).GetProperty("publishedVersion").GetInt32());
    }

    [Fact]
    public async Task An_officer_added_after_publication_makes_the_list_stale_and_the_pages_carry_it_through_the_chain_to_the_portal()
    {
        int health = await AgencyIdAsync();
        await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.Officers.Add(new Officer
            {
                AgencyId = health, Name = "钱进", Position = "监督员",
                Certificates = [new Certificate { Number = "43102301099", Issuer = "湖南省人民政府", ValidFrom = today.AddDays(-10), ValidUntil = today.AddYears(3), Domains = "卫生健康" }],
            });
            await db.SaveChangesAsync();
        });
        var page = $"/publicity/lists/{health}/{PreDisclosureLists.Officers}";
        var publicity = await app.SignInAsync("publicity");
        Assert.Contains("需动态调整", await publicity.GetStringAsync(page), StringComparison.Ordinal);

        var generated = await ZhifaFactory.PostFormAsync(publicity, page, [], page + "?handler=Generate");
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var draftPage = await publicity.GetStringAsync(page);
        Assert.Contains("新增", draftPage, StringComparison.Ordinal);
        Assert.Contains("43102301099", draftPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ZhifaFactory.PostFormAsync(publicity, page, new() { ["Note"] = "新增执法人员" }, page + "?handler=Submit&version=2")).StatusCode);

        // Whoever's turn it is sees the buttons; the others do not and are refused.
        var head = await app.SignInAsync("head");
        Assert.DoesNotContain("handler=Approve", await head.GetStringAsync(page), StringComparison.Ordinal);
        // The page holds no form for the head yet, so the anti-forgery token comes from another page of the same user.
        var refused = await ZhifaFactory.PostFormAsync(head, "/account/change-password", [], page + "?handler=Approve&version=2");
        // Refused by the table's rule for the step, with its reason on the page.
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("“合法性审核”须由本机关法制审核人员办理", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var user in new[] { "reviewer", "deputy", "head" })
        {
            var client = await app.SignInAsync(user);
            Assert.Contains("handler=Approve", await client.GetStringAsync(page), StringComparison.Ordinal);
            var approved = await ZhifaFactory.PostFormAsync(client, page, new() { ["Note"] = "同意" }, page + "?handler=Approve&version=2");
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var portal = await app.Anonymous().GetAsync($"/gs/agencies/{health}/lists/{PreDisclosureLists.Officers}");
        var html = await portal.Content.ReadAsStringAsync();
        Assert.Contains("第 2 版", html, StringComparison.Ordinal);
        Assert.Contains("钱进", html, StringComparison.Ordinal);
        Assert.Contains("43102301099", html, StringComparison.Ordinal);
        Assert.Contains("public", portal.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_shows_officers_by_name_and_certificate_only_and_never_the_expired_or_revoked()
    {
        int health = await AgencyIdAsync();
        var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync($"/gs/agencies/{health}/lists/{PreDisclosureLists.Officers}/v/1");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("张伟", html, StringComparison.Ordinal);
        Assert.Contains("43102301001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("陈静", html, StringComparison.Ordinal);
        Assert.DoesNotContain("黄磊", html, StringComparison.Ordinal);
        Assert.DoesNotContain("监督员", html, StringComparison.Ordinal);
        Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agency_pages_list_every_agency_its_units_and_its_published_lists_with_links_to_the_checks()
    {
        int health = await AgencyIdAsync();
        var anonymous = app.Anonymous();
        var all = await anonymous.GetAsync("/gs/agencies");
        Assert.Contains("public", all.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var index = await all.Content.ReadAsStringAsync();
        Assert.Contains(Health, index, StringComparison.Ordinal);
        Assert.Contains("永兴县应急管理局", index, StringComparison.Ordinal);

        var page = await anonymous.GetStringAsync($"/gs/agencies/{health}");
        Assert.Contains("公共卫生监督股", page, StringComparison.Ordinal);
        Assert.Contains("0735-5522110", page, StringComparison.Ordinal);
        Assert.Contains("/gs/certificates", page, StringComparison.Ordinal);
        Assert.Contains("/gs/complaints", page, StringComparison.Ordinal);
        foreach (var key in PreDisclosureLists.All) Assert.Contains($"/gs/agencies/{health}/lists/{key}", page, StringComparison.Ordinal);

        var signedIn = await (await app.SignInAsync("publicity")).GetAsync($"/gs/agencies/{health}");
        // A signed-in page is never stored by a shared cache: private, or not stored at all (its forms carry a token).
        var signedInCache = signedIn.Headers.CacheControl;
        Assert.True(signedInCache is { Private: true } or { NoStore: true }, signedInCache?.ToString());
        Assert.False(signedInCache?.Public);

        var json = await JsonAsync(await anonymous.GetAsync($"/gs/api/v1/agencies/{health}"));
        Assert.Equal(PreDisclosureLists.All.Count, json.GetProperty("lists").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/gs/agencies/99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/agencies/{health}/lists/no-such-list")).StatusCode);
    }

    [Fact]
    public async Task The_procedure_list_shows_each_flowchart_as_a_picture_generated_from_the_state_machine()
    {
        int health = await AgencyIdAsync();
        var anonymous = app.Anonymous();
        var html = await anonymous.GetStringAsync($"/gs/agencies/{health}/lists/{PreDisclosureLists.Procedure}");
        var src = $"/gs/agencies/{health}/lists/{PreDisclosureLists.Procedure}/v/1/flowcharts/penalty-general.svg";
        Assert.Contains($"<img src=\"{src}\"", html, StringComparison.Ordinal);
        var svg = await anonymous.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var doc = System.Xml.Linq.XDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.Contains("事先告知", doc.Root!.Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/agencies/{health}/lists/{PreDisclosureLists.Procedure}/v/1/flowcharts/nothing.svg")).StatusCode);
    }

    [Fact]
    public async Task A_version_returned_by_the_legality_review_goes_back_to_draft_with_its_reason_and_the_portal_keeps_the_published_one()
    {
        int health = await AgencyIdAsync();
        var key = PreDisclosureLists.Powers;
        var publicity = await app.ApiClientAsync("publicity");
        int id = (await JsonAsync(await publicity.PostAsync($"/api/v1/agencies/{health}/pre-disclosure/{key}/versions", null))).GetProperty("id").GetInt32();
        await JsonAsync(await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" }));

        var reviewer = await app.ApiClientAsync("reviewer");
        var noReason = await reviewer.PostAsJsonAsync($"/api/v1/publications/{id}/return", new { note = "" });
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Contains("note", (await noReason.ReadProblemAsync()).Fields);
        await JsonAsync(await reviewer.PostAsJsonAsync($"/api/v1/publications/{id}/return", new { note = "职权名称与权责清单不一致" }));

        var version = await JsonAsync(await publicity.GetAsync($"/api/v1/agencies/{health}/pre-disclosure/{key}/versions/2"));
        Assert.Equal("Draft", version.GetProperty("status").GetString());
        Assert.Contains(version.GetProperty("approvals").EnumerateArray(), a => a.GetProperty("note").GetString() == "职权名称与权责清单不一致");
        Assert.Equal(1, (await JsonAsync(await app.Anonymous().GetAsync($"/gs/api/v1/agencies/{health}/lists/{key}"))).GetProperty("version").GetInt32());
        var page = await (await app.SignInAsync("publicity")).GetStringAsync($"/publicity/lists/{health}/{key}");
        Assert.Contains("职权名称与权责清单不一致", page, StringComparison.Ordinal);
        Assert.Contains("handler=Submit", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generating_is_refused_to_other_roles_and_when_nothing_changed_and_another_agency_gets_404()
    {
        int health = await AgencyIdAsync();
        var url = $"/api/v1/agencies/{health}/pre-disclosure/{PreDisclosureLists.Supervision}/versions";
        foreach (var user in new[] { "reviewer", "head", "archivist" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(user)).PostAsync(url, null)).StatusCode);

        var unchanged = await (await app.ApiClientAsync("publicity")).PostAsync(url, null);
        Assert.Equal(HttpStatusCode.Conflict, unchanged.StatusCode);
        var (code, fields, _) = await unchanged.ReadProblemAsync();
        Assert.Contains("listKey", fields);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Publication>().CountAsync(p => p.AgencyId == health && p.ListKey == PreDisclosureLists.Supervision)));

        var other = await app.ApiClientAsync("yj.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/agencies/{health}/pre-disclosure")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/agencies/{health}/pre-disclosure/{PreDisclosureLists.Supervision}/versions/1")).StatusCode);
        Assert.NotEmpty(code);
    }
}

/// <summary>The demo's state alone, on an application of its own: the other tests change the lists.</summary>
public sealed class PreDisclosureDemoTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static JsonElement ListOf(JsonElement overview, string key) => overview.EnumerateArray().Single(l => l.GetProperty("listKey").GetString() == key);

    [Fact]
    public async Task The_demo_publishes_every_list_of_the_health_bureau_and_the_benchmarks_loaded_later_make_the_powers_and_basis_lists_stale()
    {
        int health = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "永兴县卫生健康局").Select(a => a.Id).SingleAsync());
        var overview = JsonDocument.Parse(await (await app.ApiClientAsync("publicity")).GetStringAsync($"/api/v1/agencies/{health}/pre-disclosure")).RootElement;
        Assert.Equal(PreDisclosureLists.All.Count, overview.GetArrayLength());
        foreach (var l in overview.EnumerateArray()) Assert.Equal(1, l.GetProperty("publishedVersion").GetInt32());
        Assert.True(ListOf(overview, PreDisclosureLists.Basis).GetProperty("stale").GetBoolean());
        Assert.True(ListOf(overview, PreDisclosureLists.Powers).GetProperty("stale").GetBoolean());
        Assert.False(ListOf(overview, PreDisclosureLists.Officers).GetProperty("stale").GetBoolean());
        Assert.False(ListOf(overview, PreDisclosureLists.Procedure).GetProperty("stale").GetBoolean());

        var page = await (await app.SignInAsync("publicity")).GetStringAsync("/publicity/lists");
        Assert.Contains("需动态调整", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_publication_kind_tells_the_rest_of_the_platform_which_published_lists_are_stale()
    {
        using var scope = app.Services.CreateScope();
        var kind = scope.ServiceProvider.GetServices<IPublicationKind>().Single(k => k.Kind == PublicationKind.PreDisclosure);
        var published = await app.WithDbAsync(db => db.Set<Publication>()
            .Where(p => p.Kind == PublicationKind.PreDisclosure && p.Status == PublicationStatus.Published).ToListAsync());
        var stale = new List<string>();
        foreach (var p in published) if (await kind.IsStaleAsync(p)) stale.Add(p.ListKey);
        Assert.Equal(new[] { PreDisclosureLists.Basis, PreDisclosureLists.Powers }.Order(), stale.Order());
    }
}
