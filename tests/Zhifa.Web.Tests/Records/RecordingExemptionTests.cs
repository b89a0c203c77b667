using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Execution;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Records;

/// <summary>REC-5: a mandatory step without a record closes only with a written explanation the head approved.</summary>
public sealed class RecordingExemptionTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task An_approved_explanation_lets_a_case_without_its_mandatory_record_close()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await Decisions.DecisionTestData.DecideAsync(app, api, caseId, "Warning", fine: null);
        await api.ServeDecisionAsync(caseId);
        await api.MoveAsync(caseId, CaseSteps.Served, CaseSteps.Executed);
        await api.ClosingReportAsync(caseId);

        var bad = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/recording-exemptions", new { step = CaseSteps.Notice });
        var (_, fields, _) = await bad.ReadProblemAsync();
        Assert.Equal(["explanation", "step", "reason"], fields);

        var created = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/recording-exemptions",
            new { step = CaseSteps.Investigation, reason = "Secrecy", explanation = "调查涉及举报人身份，依规不予录像" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        int id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // Still pending: the case cannot close.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Closed })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/recording-exemptions/{id}/decision", new { approve = true })).StatusCode);

        var head = await app.ApiClientAsync("head");
        (await head.PostAsJsonAsync($"/api/v1/recording-exemptions/{id}/decision", new { approve = true, note = "同意" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Closed })).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_explanation_and_the_head_decides_there()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        var handler = await app.SignInAsync("handler");
        var posted = await ZhifaFactory.PostFormAsync(handler, $"/cases/{caseId}/recording-exemptions",
            new() { ["Step"] = CaseSteps.Investigation, ["Reason"] = "ForceMajeure", ["Explanation"] = "暴雨导致执法记录仪进水损坏" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var head = await app.SignInAsync("head");
        var html = await (await head.GetAsync($"/cases/{caseId}/recording-exemptions")).Content.ReadAsStringAsync();
        Assert.Contains("暴雨导致执法记录仪进水损坏", html);
        Assert.Contains("不可抗力", html);
        Assert.Contains("批准", html);
    }
}

/// <summary>Gives the scope test an explanation of agency B.</summary>
public sealed class RecordingExemptionScopeRecords : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var caseId = await Access.AccessRequestTests.CaseInDbAsync(app, agencyBId);
        var id = await app.WithDbAsync(async db =>
        {
            var x = new Zhifa.Domain.Records.RecordingExemption
            {
                AgencyId = agencyBId, CaseId = caseId, Step = CaseSteps.Investigation, Explanation = "scope", RequestedBy = "test", RequestedAt = DateTime.UtcNow,
            };
            db.Add(x);
            await db.SaveChangesAsync();
            return x.Id;
        });
        return new Dictionary<string, string> { ["exemptionId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
