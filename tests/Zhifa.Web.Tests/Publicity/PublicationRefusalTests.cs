using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>
/// The publication table's refusals through the pipeline, API and page alike: 403 when the user may not make the move,
/// 409 while it is not yet a move, each with the table's code and message. (Its own app: it turns on the unit head's step.)
/// </summary>
public sealed class PublicationRefusalTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<int> DecidedAsync()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await Decisions.DecisionTestData.DecideAsync(app, api, caseId);
        return await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync());
    }

    private Task<PublicationStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Set<Publication>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    private static async Task<string[]> CodesAsync(HttpResponseMessage r)
    {
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return [.. doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
    }

    [Fact]
    public async Task The_unit_head_who_submitted_an_item_cannot_approve_it_himself_through_the_api_or_the_page()
    {
        int health = await app.AgencyIdAsync();
        var head = await app.ApiClientAsync("head");
        Assert.True((await head.PutAsJsonAsync($"/api/v1/agencies/{health}/publication-policy", new { unitHeadCheck = true })).IsSuccessStatusCode);
        int id = await DecidedAsync();
        var unitHead = await app.ApiClientAsync("unithead");
        var submitted = await unitHead.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "" });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());

        var api = await unitHead.PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(["publication.actor.submitter"], await CodesAsync(api));

        var page = await app.SignInAsync("unithead");
        var url = $"/publicity/decisions/{id}";
        var shown = await page.GetStringAsync(url);
        Assert.Contains("data-testid=\"approve-refused\"", shown, StringComparison.Ordinal);
        Assert.Contains("提交审核的人不能审核自己提交的公示事项", shown, StringComparison.Ordinal);
        var posted = await ZhifaFactory.PostFormAsync(page, url, new() { ["Note"] = "同意" }, url + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("提交审核的人不能审核自己提交的公示事项", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Approving, await StatusAsync(id));

        // The agency's chain as it was, for the other test of this class.
        Assert.True((await head.PutAsJsonAsync($"/api/v1/agencies/{health}/publication-policy", new { unitHeadCheck = false })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_head_cannot_release_an_item_before_the_chain_approved_it_through_the_api_or_the_page()
    {
        int id = await DecidedAsync();
        var api = await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意发布" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal(["publication.move_not_allowed"], await CodesAsync(api));

        var page = await app.SignInAsync("head");
        var url = $"/publicity/decisions/{id}";
        var posted = await ZhifaFactory.PostFormAsync(page, "/account/change-password", new() { ["Note"] = "同意发布" }, url + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("公示事项处于“待拟稿”，不能转为“已公开”", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Draft, await StatusAsync(id));
        Assert.Null(await app.WithDbAsync(db => db.Set<Publication>().Where(p => p.Id == id).Select(p => p.PublishedAt).SingleAsync()));
    }
}
