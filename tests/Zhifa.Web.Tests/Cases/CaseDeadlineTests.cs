using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Cases;

/// <summary>SUP-1 / LAW-5 art. 60 / LAW-8 art. 25: the limits that run for a case show on it, computed from its history.</summary>
public sealed class CaseDeadlineTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task A_general_penalty_shows_its_ninety_day_decision_limit_until_decided()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        var deadlines = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines");
        var d = Assert.Single(deadlines!);
        Assert.Equal("作出处罚决定", d.GetProperty("label").GetString());
        Assert.Equal(CaseTestData.Iso(CaseTestData.Today.AddDays(90)), d.GetProperty("due").GetString());
        var page = await app.SignInAsync("handler");
        Assert.Contains(CaseTestData.Today.AddDays(90).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
            await (await page.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_seizure_shows_its_thirty_day_limit_once_carried_out()
    {
        var api = await app.ApiClientAsync("yj.handler");
        var body = await app.PenaltyBodyAsync(matterCode: "331217001000", category: "Coercion", officers: ["吴刚", "郑凯"]);
        body["parties"] = new[] { new Dictionary<string, object?> { ["kind"] = "LegalPerson", ["name"] = "永兴县某化工有限公司", ["creditCode"] = Zhifa.Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4R1P2T3"), ["legalRepresentative"] = "王某" } };
        body["actEndedOn"] = null;
        int caseId = (await api.OpenAsync(body)).GetProperty("id").GetInt32();
        Assert.Empty((await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!);
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.CoercionImplemented })).EnsureSuccessStatusCode();
        var deadlines = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!;
        var d = Assert.Single(deadlines, x => x.GetProperty("label").GetString() == "查封、扣押期限届满");
        Assert.Equal(CaseTestData.Iso(CaseTestData.Today.AddDays(30)), d.GetProperty("due").GetString());
        // The seizure decision is also to be published within 20 working days (PUB-4).
        Assert.Single(deadlines, x => x.GetProperty("label").GetString()!.StartsWith("公开执法决定", StringComparison.Ordinal));
    }
}
