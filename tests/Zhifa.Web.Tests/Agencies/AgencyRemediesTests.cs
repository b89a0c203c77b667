using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Agencies;

/// <summary>LAW-9: the 复议机关 and court an agency's decisions name, suggested by the rule and set by its administrator or head.</summary>
public sealed class AgencyRemediesTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Safety = "永兴县应急管理局";

    [Fact]
    public async Task The_demo_health_bureau_names_the_county_government_and_court_which_is_also_what_the_rule_suggests()
    {
        int agencyId = await app.AgencyIdAsync();
        var view = await (await app.ApiClientAsync("handler")).GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{agencyId}/remedies");
        Assert.Equal(("永兴县人民政府", "永兴县人民法院"), (view.GetProperty("reconsiderationOrgan").GetString(), view.GetProperty("competentCourt").GetString()));
        Assert.Equal(("永兴县人民政府", "永兴县人民法院"), (view.GetProperty("suggestedReconsiderationOrgan").GetString(), view.GetProperty("suggestedCompetentCourt").GetString()));
        Assert.Contains("行政复议法第二十四条", view.GetProperty("reconsiderationOrganRule").GetString());
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", view.GetProperty("remediesText").GetString());
        Assert.False(view.GetProperty("canChange").GetBoolean());
        var agency = await (await app.ApiClientAsync("handler")).GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{agencyId}");
        Assert.Equal("永兴县人民政府", agency.GetProperty("reconsiderationOrgan").GetString());
    }

    [Fact]
    public async Task The_head_sets_them_through_the_API_a_handler_may_not_and_bad_names_are_refused_naming_each_field()
    {
        int agencyId = await app.AgencyIdAsync(Safety);
        var url = $"/api/v1/agencies/{agencyId}/remedies";
        var body = new { reconsiderationOrgan = "永兴县人民政府", competentCourt = "郴州市苏仙区人民法院" };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("yj.handler")).PutAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("head")).PutAsJsonAsync(url, body)).StatusCode);

        var head = await app.ApiClientAsync("yj.head");
        var bad = await head.PutAsJsonAsync(url, new { reconsiderationOrgan = "", competentCourt = "永兴县人民政府" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["reconsiderationOrgan", "competentCourt"], (await bad.ReadProblemAsync()).Fields);
        Assert.Equal("永兴县人民法院", await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == agencyId).Select(a => a.CompetentCourt).SingleAsync()));

        var saved = await head.PutAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("郴州市苏仙区人民法院", (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("competentCourt").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Agency.updated" && e.AgencyId == agencyId && e.Actor == "yj.head")));
        // The agency's administrator may as well.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync("yj.admin")).PutAsJsonAsync(url, new { reconsiderationOrgan = "永兴县人民政府", competentCourt = "永兴县人民法院" })).StatusCode);
    }

    [Fact]
    public async Task On_the_settings_page_the_head_sees_the_rule_s_suggestion_is_refused_in_Chinese_and_saves()
    {
        int agencyId = await app.AgencyIdAsync(Safety);
        var page = $"/agencies/{agencyId}/remedies";
        var handler = await app.SignInAsync("yj.handler");
        var readOnly = await (await handler.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("永兴县人民政府", readOnly);
        Assert.DoesNotContain("data-testid=\"remedies-form\"", readOnly);
        // The read-only page has no form; the anti-forgery token comes from another page of the same user.
        var denied = await ZhifaFactory.PostFormAsync(handler, $"/agencies/{agencyId}/decision-settings",
            new() { ["Input.ReconsiderationOrgan"] = "x", ["Input.CompetentCourt"] = "x法院" }, page);
        Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString);
        Assert.Equal("永兴县人民政府", await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == agencyId).Select(a => a.ReconsiderationOrgan).SingleAsync()));

        var head = await app.SignInAsync("yj.head");
        var html = await (await head.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"remedies-form\"", html);
        Assert.Contains("按规则推荐的行政复议机关：<strong>永兴县人民政府</strong>", html);
        Assert.Contains("行政复议法第二十四条", html);
        Assert.Contains("行政诉讼法第十八条", html);

        var refused = await ZhifaFactory.PostFormAsync(head, page, new() { ["Input.ReconsiderationOrgan"] = "永兴县人民政府", ["Input.CompetentCourt"] = "永兴县司法局" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("管辖法院应填写人民法院的名称", await refused.Content.ReadAsStringAsync());

        var saved = await ZhifaFactory.PostFormAsync(head, page, new() { ["Input.ReconsiderationOrgan"] = "永兴县人民政府", ["Input.CompetentCourt"] = "永兴县人民法院" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = await (await head.GetAsync($"/agencies/{agencyId}")).Content.ReadAsStringAsync();
        Assert.Contains("永兴县人民法院", detail);
        Assert.Contains($"href=\"/agencies/{agencyId}/remedies\"", detail);
    }
}
