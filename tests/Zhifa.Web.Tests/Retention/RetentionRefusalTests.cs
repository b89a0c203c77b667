using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Retention;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Retention;

/// <summary>The hold table's refusals through the pipeline: 403 for an actor who may not hold, 409 while a condition is unmet, on the API and the page.</summary>
public sealed class RetentionRefusalTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<int> CaseAsync()
    {
        int health = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "永兴县卫生健康局").Select(a => a.Id).SingleAsync());
        return await Access.AccessRequestTests.CaseInDbAsync(app, health);
    }

    private Task<int> HoldsAsync(int caseId) => app.WithDbAsync(db => db.Set<LegalHold>().CountAsync(h => h.CaseId == caseId));

    [Fact]
    public async Task A_handler_may_not_place_a_hold_on_the_api_or_the_page()
    {
        int caseId = await CaseAsync();
        var refused = await (await app.ApiClientAsync("handler")).PostAsJsonAsync($"/api/v1/cases/{caseId}/holds", new { reason = "ObjectionOrComplaint" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("retention.actor.not_keeper", (await refused.ReadProblemAsync()).Body, StringComparison.Ordinal);

        var page = await ZhifaFactory.PostFormAsync(await app.SignInAsync("handler"), $"/cases/{caseId}/retention",
            new() { ["Reason"] = "ObjectionOrComplaint", ["Note"] = "" }, $"/cases/{caseId}/retention?handler=Hold");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("只有本机关主要负责人、分管负责人、档案管理员或系统管理员可以设置或解除长期保存", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await HoldsAsync(caseId));
    }

    [Fact]
    public async Task A_hold_for_another_reason_without_a_note_is_a_conflict_on_the_api_and_the_page()
    {
        int caseId = await CaseAsync();
        var refused = await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/cases/{caseId}/holds", new { reason = "Other", note = "" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (code, fields, _) = await refused.ReadProblemAsync();
        Assert.Equal("conditions_unmet", code);
        Assert.Equal(["note"], fields);

        var page = await ZhifaFactory.PostFormAsync(await app.SignInAsync("head"), $"/cases/{caseId}/retention",
            new() { ["Reason"] = "Other", ["Note"] = "" }, $"/cases/{caseId}/retention?handler=Hold");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("说明不能为空", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await HoldsAsync(caseId));
    }
}
