using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Execution;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Records;

namespace Zhifa.Web.Tests.Cases;

/// <summary>REC-2 through the API and the page: moves follow the state machine, refusals name each condition and change nothing.</summary>
public sealed class CaseStepTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<(HttpClient Api, int CaseId)> OpenAsync()
    {
        var api = await app.ApiClientAsync("handler");
        var c = await api.OpenAsync(await app.PenaltyBodyAsync());
        return (api, c.GetProperty("id").GetInt32());
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient api, int caseId, string to)
        => await (to == CaseSteps.Notice ? await ZhifaFactory.CaseReviewerOfAsync(api) : api)
            .PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = to, place = "永兴县便江镇", note = "" });

    private static async Task<string> StepAsync(HttpClient api, int caseId)
        => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("step").GetString()!;

    [Fact]
    public async Task A_skip_is_refused_naming_the_next_step_and_the_case_stays_where_it_was()
    {
        var (api, caseId) = await OpenAsync();
        var refused = await MoveAsync(api, caseId, CaseSteps.Decided);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["toStep"], fields);
        Assert.Contains("transition.not_allowed", body);
        Assert.Contains("调查取证", body);
        Assert.Equal(CaseSteps.Filed, await StepAsync(api, caseId));
    }

    [Fact]
    public async Task A_penalty_case_moves_to_decision_ready_and_closes_only_with_its_mandatory_record()
    {
        var (api, caseId) = await OpenAsync();
        await Decisions.DecisionTestData.DecideAsync(app, api, caseId, "Warning", fine: null);
        await api.ServeDecisionAsync(caseId);
        foreach (var step in new[] { CaseSteps.Served, CaseSteps.Executed })
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(api, caseId, step)).StatusCode);
        await api.ClosingReportAsync(caseId);

        var next = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/steps");
        var close = Assert.Single(next!);
        Assert.False(close.GetProperty("allowed").GetBoolean());
        var refused = await MoveAsync(api, caseId, CaseSteps.Closed);
        Assert.Contains("records.mandatory_missing", await refused.Content.ReadAsStringAsync());

        await RecordTestData.UploadAsync(api, caseId, RecordTestData.RandomBytes(2048), "调查取证.mp4",
            new { kind = "录像", step = CaseSteps.Investigation, startedAt = "2026-03-02T10:00:00", endedAt = "2026-03-02T11:00:00", place = "现场", proves = "现场情况" });
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(api, caseId, CaseSteps.Closed)).StatusCode);
        Assert.Equal(CaseSteps.Closed, await StepAsync(api, caseId));
    }

    [Fact]
    public async Task The_case_page_moves_the_case_and_shows_unmet_conditions_in_Chinese()
    {
        var (_, caseId) = await OpenAsync();
        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains("转入“调查取证”", html);

        var moved = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}", new() { ["Move.ToStep"] = CaseSteps.Investigation, ["Move.Place"] = "现场" },
            $"/cases/{caseId}?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var skipped = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}", new() { ["Move.ToStep"] = CaseSteps.Archived }, $"/cases/{caseId}?handler=Move");
        Assert.Contains("不能转到“归档”", await skipped.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_who_may_only_read_cannot_move_a_case()
    {
        var (_, caseId) = await OpenAsync();
        var supervisor = await app.ApiClientAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(supervisor, caseId, CaseSteps.Investigation)).StatusCode);
    }
}
