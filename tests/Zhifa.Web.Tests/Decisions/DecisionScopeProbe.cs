using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>A case of agency B with a served notice, a statement and a recusal request, for the scope test of the decision routes.</summary>
public sealed class DecisionScopeProbe : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await DecisionTestData.ProposeAsync(app, caseId);
        int noticeId = await DecisionTestData.NotifyAsync(api, caseId);
        await DecisionTestData.ServeAsync(api, caseId, noticeId);
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/statements", new { form = "Written", madeAt = DecisionTestData.ChinaNow(), content = "当事人书面陈述" })).EnsureSuccessStatusCode();
        var recusal = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/recusals", new { targetName = "某记录员", reason = "系当事人亲属", requestedAt = DecisionTestData.ChinaNow() });
        var o = await recusal.Content.ReadFromJsonAsync<JsonElement>();
        string S(int id) => id.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["caseId"] = S(caseId),
            ["noticeId"] = S(noticeId),
            ["statementId"] = S(o.GetProperty("statements")[0].GetProperty("id").GetInt32()),
            ["recusalId"] = S(o.GetProperty("recusals")[0].GetProperty("id").GetInt32()),
        };
    }
}
