using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Records;

namespace Zhifa.Web.Tests.Supervision;

/// <summary>REC-12: supervisors and heads see what went wrong in the recording, per unit and officer.</summary>
public sealed class SupervisionTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task A_case_in_investigation_without_its_mandatory_record_is_listed_until_one_is_registered()
    {
        var api = await app.ApiClientAsync("handler");
        var opened = await api.OpenAsync(await app.PenaltyBodyAsync());
        int caseId = opened.GetProperty("id").GetInt32();
        var number = opened.GetProperty("number").GetString()!;
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Investigation })).EnsureSuccessStatusCode();

        var supervisor = await app.ApiClientAsync("supervisor");
        var before = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervision/violations");
        Assert.Contains(before.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "missing" && i.GetProperty("caseNumber").GetString() == number);

        await RecordTestData.UploadAsync(api, caseId, RecordTestData.RandomBytes(1024), "调查.mp4",
            new { kind = "录像", step = CaseSteps.Investigation, startedAt = "2026-03-02T10:00:00", endedAt = "2026-03-02T11:00:00", place = "现场", proves = "现场情况" });
        var after = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervision/violations");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "missing" && i.GetProperty("caseNumber").GetString() == number);
    }

    [Fact]
    public async Task Handlers_may_not_open_the_supervision_page_but_heads_may()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("handler")).GetAsync("/api/v1/supervision/violations")).StatusCode);
        var head = await app.SignInAsync("head");
        var html = await (await head.GetAsync("/supervision")).Content.ReadAsStringAsync();
        Assert.Contains("全过程记录监督", html);
    }
}
