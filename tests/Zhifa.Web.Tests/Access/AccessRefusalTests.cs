using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Access;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Access;

/// <summary>The access-request table's refusals through the pipeline: 403 for an actor who may not decide, 409 while a condition is unmet, on the API and the page.</summary>
public sealed class AccessRefusalTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private sealed record RequestView(int Id);

    private async Task<int> PendingRequestAsync(string by)
    {
        int health = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "永兴县卫生健康局").Select(a => a.Id).SingleAsync());
        var caseId = await AccessRequestTests.CaseInDbAsync(app, health);
        var created = await (await app.ApiClientAsync(by)).PostAsJsonAsync($"/api/v1/cases/{caseId}/access-requests",
            new { purpose = "InternalSupervision", reason = "内部监督抽查", days = 5 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<RequestView>())!.Id;
    }

    private Task<AccessRequestStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Set<AccessRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task The_head_may_not_approve_his_own_request_on_the_api_or_the_page()
    {
        int id = await PendingRequestAsync("head");
        var api = await app.ApiClientAsync("head");
        var refused = await api.PostAsJsonAsync($"/api/v1/access-requests/{id}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("access.actor.own_request", (await refused.ReadProblemAsync()).Body, StringComparison.Ordinal);

        var page = await ZhifaFactory.PostFormAsync(await app.SignInAsync("head"), "/access-requests", new() { ["Note"] = "" },
            $"/access-requests?handler=Decide&requestId={id}&approve=true");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("不能审批本人提出的调阅申请", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AccessRequestStatus.Pending, await StatusAsync(id));
    }

    [Fact]
    public async Task Refusing_without_a_reason_is_a_conflict_naming_the_note_on_the_api_and_the_page()
    {
        int id = await PendingRequestAsync("handler");
        var api = await app.ApiClientAsync("head");
        var refused = await api.PostAsJsonAsync($"/api/v1/access-requests/{id}/decision", new { approve = false });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (code, fields, _) = await refused.ReadProblemAsync();
        Assert.Equal("conditions_unmet", code);
        Assert.Equal(["note"], fields);

        var page = await ZhifaFactory.PostFormAsync(await app.SignInAsync("head"), "/access-requests", new() { ["Note"] = " " },
            $"/access-requests?handler=Decide&requestId={id}&approve=false");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("不予批准时须写明理由", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AccessRequestStatus.Pending, await StatusAsync(id));
    }
}
