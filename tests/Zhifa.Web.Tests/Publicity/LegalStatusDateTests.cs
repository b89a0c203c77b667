using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-7: the day a published decision was changed, revoked or found illegal cannot precede its publication nor lie in the future.</summary>
public sealed class LegalStatusDateTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    /// <summary>A penalty decided, its publication released today through the chain; returns the publication's id.</summary>
    private async Task<int> PublishedAsync()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await Decisions.DecisionTestData.DecideAsync(app, api, caseId, "Warning,Fine", 2000m);
        int id = await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
        var publicity = await app.ApiClientAsync("publicity");
        (await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" })).EnsureSuccessStatusCode();
        foreach (var who in new[] { "deputy", "head" })
            (await (await app.ApiClientAsync(who)).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意" })).EnsureSuccessStatusCode();
        Assert.Equal(PublicationStatus.Published, await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        return id;
    }

    private Task<(LegalStatus Status, DateOnly? ChangedOn)> StoredAsync(int id)
        => app.WithDbAsync(async db => await db.Set<Publication>().Where(p => p.Id == id).Select(p => new ValueTuple<LegalStatus, DateOnly?>(p.LegalStatus, p.LegalStatusChangedOn)).SingleAsync());

    [Fact]
    public async Task A_change_of_legal_status_dated_before_the_decision_was_published_or_tomorrow_is_refused_and_nothing_changes()
    {
        int id = await PublishedAsync();
        var publicity = await app.ApiClientAsync("publicity");
        var today = CaseTestData.Today;

        var early = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/legal-status",
            new { status = "Revoked", note = "复议决定撤销", changedOn = CaseTestData.Iso(today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var (_, fields, body) = await early.ReadProblemAsync();
        Assert.Equal(["changedOn"], fields);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        Assert.Equal("date.before_predecessor", error.GetProperty("code").GetString());
        Assert.Equal($"收到结果的日期不能早于决定公开之日：最早为 {CaseTestData.Iso(today)}", error.GetProperty("message").GetString());

        var future = await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/legal-status",
            new { status = "Revoked", note = "复议决定撤销", changedOn = CaseTestData.Iso(today.AddDays(1)) });
        Assert.Contains("date.in_future", (await future.ReadProblemAsync()).Body);
        Assert.Equal((LegalStatus.InForce, (DateOnly?)null), await StoredAsync(id));

        var page = await app.SignInAsync("publicity");
        var url = $"/publicity/decisions/{id}";
        var refused = await ZhifaFactory.PostFormAsync(page, url, new()
        {
            ["LegalStatus"] = "Revoked", ["Note"] = "复议决定撤销", ["ChangedOn"] = CaseTestData.Iso(today.AddDays(-1)),
        }, url + "?handler=LegalStatus");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Matches(new Regex($"data-testid=\"changed-on-error\">收到结果的日期不能早于决定公开之日：最早为 {CaseTestData.Iso(today)}<"), await refused.Content.ReadAsStringAsync());
        Assert.Equal((LegalStatus.InForce, (DateOnly?)null), await StoredAsync(id));

        var done = await ZhifaFactory.PostFormAsync(page, url, new()
        {
            ["LegalStatus"] = "Revoked", ["Note"] = "复议决定撤销", ["ChangedOn"] = CaseTestData.Iso(today),
        }, url + "?handler=LegalStatus");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal((LegalStatus.Revoked, (DateOnly?)today), await StoredAsync(id));
    }

    [Fact]
    public async Task A_change_received_after_the_first_publication_is_accepted_on_a_later_version_released_since()
    {
        int v1 = await PublishedAsync();
        var firstPublished = CaseTestData.Today.AddDays(-20);
        await app.WithDbAsync(async db =>
        {
            var p = await db.Set<Publication>().SingleAsync(x => x.Id == v1);
            p.PublishedAt = firstPublished.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            await db.SaveChangesAsync();
        });
        var publicity = await app.ApiClientAsync("publicity");
        var next = await publicity.PostAsync($"/api/v1/publications/{v1}/versions", null);
        Assert.True(next.IsSuccessStatusCode, await next.Content.ReadAsStringAsync());
        int v2 = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("row").GetProperty("id").GetInt32();
        (await publicity.PostAsJsonAsync($"/api/v1/publications/{v2}/submit", new { note = "更正" })).EnsureSuccessStatusCode();
        foreach (var who in new[] { "deputy", "head" })
            (await (await app.ApiClientAsync(who)).PostAsJsonAsync($"/api/v1/publications/{v2}/approve", new { note = "同意" })).EnsureSuccessStatusCode();

        // The version released today carries the decision public since 20 days ago: a change received 17 days ago is accepted.
        var changedOn = firstPublished.AddDays(3);
        var ok = await publicity.PostAsJsonAsync($"/api/v1/publications/{v2}/legal-status",
            new { status = "Changed", note = "复议决定变更罚款数额", changedOn = CaseTestData.Iso(changedOn) });
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        Assert.Equal((LegalStatus.Changed, (DateOnly?)changedOn), await StoredAsync(v2));
        var early = await publicity.PostAsJsonAsync($"/api/v1/publications/{v2}/legal-status",
            new { status = "Changed", note = "复议决定变更罚款数额", changedOn = CaseTestData.Iso(firstPublished.AddDays(-1)) });
        Assert.Contains($"最早为 {CaseTestData.Iso(firstPublished)}", (await early.ReadProblemAsync()).Body);
    }
}
