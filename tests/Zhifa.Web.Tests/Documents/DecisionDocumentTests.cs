using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Documents;

/// <summary>
/// A decision made on the spot (简易程序, 行政处罚法第五十二条) is a document of its own: it takes its provisions from the
/// proposal, each in its place, and names the 复议机关 and court — and is not made while the agency names none (LAW-9).
/// </summary>
public sealed class DecisionDocumentTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Violated = "《公共场所卫生管理条例实施细则》第十九条";
    private const string Basis = "《公共场所卫生管理条例实施细则》第三十六条第一项";

    private async Task<(HttpClient Api, int CaseId)> DecidedOnTheSpotAsync()
    {
        var api = await app.ApiClientAsync("handler");
        var body = await app.PenaltyBodyAsync(matterCode: CaseTestData.OtherPenaltyMatter);
        body["procedure"] = "Simple";
        int caseId = (await api.OpenAsync(body)).GetProperty("id").GetInt32();
        (await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", new Dictionary<string, object?>
        {
            ["outcome"] = "Penalty", ["penaltyKinds"] = new[] { "Warning" }, ["content"] = "给予警告。", ["tier"] = "Lighter",
            ["circumstances"] = new[] { "首次被发现未按规定进行卫生检测，检测项目部分缺项的" }, ["violatedProvisions"] = Violated, ["penaltyBasis"] = Basis,
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Decided })).EnsureSuccessStatusCode();
        return (api, caseId);
    }

    private static Task<HttpResponseMessage> DecisionAsync(HttpClient api, int caseId)
        => api.PostAsJsonAsync($"/api/v1/cases/{caseId}/documents", new { typeCode = "penalty-decision", fields = new Dictionary<string, string> { ["决定内容"] = "警告。" } });

    [Fact]
    public async Task A_decision_made_on_the_spot_cites_the_proposal_s_provisions_in_their_places_and_names_the_reconsideration_organ_and_court()
    {
        var (api, caseId) = await DecidedOnTheSpotAsync();
        var made = await DecisionAsync(api, caseId);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var text = DocumentTestData.TextOf(await api.GetByteArrayAsync($"/api/v1/documents/{(await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()}/file"));
        Assert.Contains($"以上事实违反了{Violated}的规定。", text);
        Assert.Contains($"依据{Basis}的规定，本机关决定：警告。", text);
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", text);
        Assert.Contains("六个月内依法向永兴县人民法院提起行政诉讼", text);
    }

    [Fact]
    public async Task No_decision_document_is_made_while_the_agency_names_no_reconsideration_organ()
    {
        var (api, caseId) = await DecidedOnTheSpotAsync();
        int agencyId = await app.AgencyIdAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Agencies.SingleAsync(a => a.Id == agencyId)).ReconsiderationOrgan = " ";
            await db.SaveChangesAsync();
        });
        try
        {
            var refused = await DecisionAsync(api, caseId);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var (_, fields, body) = await refused.ReadProblemAsync();
            Assert.Equal(["reconsiderationOrgan"], fields);
            Assert.Contains("agency.reconsideration_organ_missing", body);
            Assert.False(await app.WithDbAsync(db => db.Set<Domain.Documents.CaseDocument>().AnyAsync(d => d.CaseId == caseId && d.TypeCode == "penalty-decision")));
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                (await db.Agencies.SingleAsync(a => a.Id == agencyId)).ReconsiderationOrgan = "永兴县人民政府";
                await db.SaveChangesAsync();
            });
        }
    }
}
