using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Complaints;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Complaints;

/// <summary>The complaint table's refusals through the pipeline: 403 for an actor who may not act, 409 while a condition is unmet, on the API and the page.</summary>
public sealed class ComplaintRefusalTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<int> NewComplaintAsync()
    {
        int health = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "永兴县卫生健康局").Select(a => a.Id).SingleAsync());
        var response = await app.Anonymous().PostAsJsonAsync("/gs/api/v1/complaints",
            new { agencyId = health, kind = "Report", content = $"某药店无证经营处方药，请依法查处（{Guid.NewGuid():N}）" });
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();
        return await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).SingleAsync());
    }

    private Task<ComplaintStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    [Fact]
    public async Task A_supervising_agency_sees_a_complaint_but_may_not_handle_it_on_the_api_or_the_page()
    {
        int id = await NewComplaintAsync();
        var api = await app.ApiClientAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
        var refused = await api.PostAsJsonAsync($"/api/v1/complaints/{id}/accept", new { });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (code, _, body) = await refused.ReadProblemAsync();
        Assert.Equal("forbidden", code);
        Assert.Contains("complaints.actor.not_agency_staff", body, StringComparison.Ordinal);

        var pages = await app.SignInAsync("supervisor");
        var page = await ZhifaFactory.PostFormAsync(pages, $"/complaints/{id}", [], $"/complaints/{id}?handler=Accept");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("只有本机关人员可以办理该投诉举报", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Pending, await StatusAsync(id));
    }

    [Fact]
    public async Task Refusing_a_complaint_without_a_reason_is_a_conflict_naming_the_reason_on_the_api_and_the_page()
    {
        int id = await NewComplaintAsync();
        var api = await app.ApiClientAsync("handler");
        var refused = await api.PostAsJsonAsync($"/api/v1/complaints/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (code, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal("conditions_unmet", code);
        Assert.Equal(["reason"], fields);
        Assert.Contains("complaints.reason_missing", body, StringComparison.Ordinal);

        var pages = await app.SignInAsync("handler");
        var page = await ZhifaFactory.PostFormAsync(pages, $"/complaints/{id}", new() { ["Reason"] = "" }, $"/complaints/{id}?handler=Reject");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("不予受理须写明理由", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Pending, await StatusAsync(id));
    }
}
