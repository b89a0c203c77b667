using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Discretion;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>
/// DIS-2, REC-4 and LAW-5 through the API and the page: the proposal records the circumstances, is checked against the
/// recommendation of the matter's benchmark (demo 330217001000: 警告 + 500–1000 / 1000–3000 / 3000–5000), locks once
/// decided, and a simple-procedure case is decided only from an eligible proposal.
/// </summary>
public sealed class ProposalTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Ordinary = "未取得\u201c卫生许可证\u201d擅自营业的";
    private const string Heavier = "擅自营业期间发生危害健康事故的";
    private static readonly string First = StatutoryCircumstance.FirstViolation.Text;

    private async Task<(HttpClient Api, int CaseId)> OpenAsync(string procedure = "General", string matter = CaseTestData.PenaltyMatter)
    {
        var api = await app.ApiClientAsync("handler");
        var body = await app.PenaltyBodyAsync(matterCode: matter);
        body["procedure"] = procedure;
        var c = await api.OpenAsync(body);
        return (api, c.GetProperty("id").GetInt32());
    }

    private static Dictionary<string, object?> Proposal(decimal? fine, string tier = "Ordinary", string? reason = null, params string[] circumstances)
        => new()
        {
            ["outcome"] = "Penalty", ["penaltyKinds"] = fine is null ? new[] { "Warning" } : new[] { "Warning", "Fine" }, ["fineYuan"] = fine,
            ["content"] = "给予警告，并处罚款。", ["legalBasis"] = "《公共场所卫生管理条例实施细则》第三十五条", ["tier"] = tier,
            ["circumstances"] = circumstances, ["outsideRangeReason"] = reason,
            ["evidenceReason"] = "现场笔录与询问笔录相互印证。", ["basisReason"] = "该行为违反细则第二十二条。", ["discretionReason"] = "按裁量基准一般阶次。",
        };

    private static Task<HttpResponseMessage> PutAsync(HttpClient api, int caseId, Dictionary<string, object?> body)
        => api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", body);

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient api, int caseId, string to)
        => await (to == CaseSteps.Notice ? await ZhifaFactory.CaseReviewerOfAsync(api) : api)
            .PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = to, place = "", note = "" });

    [Fact]
    public async Task The_recommendation_follows_the_circumstances_given()
    {
        var (api, caseId) = await OpenAsync();
        var url = $"/api/v1/cases/{caseId}/proposal/recommendation";
        var none = await api.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(("Ordinary", 1000m, 3000m), (none.GetProperty("tier").GetString(), none.GetProperty("fineMinYuan").GetDecimal(), none.GetProperty("fineMaxYuan").GetDecimal()));

        var heavier = await api.GetFromJsonAsync<JsonElement>(url + "?circumstance=" + Uri.EscapeDataString(Heavier));
        Assert.Equal(("Heavier", 3000m, 5000m), (heavier.GetProperty("tier").GetString(), heavier.GetProperty("fineMinYuan").GetDecimal(), heavier.GetProperty("fineMaxYuan").GetDecimal()));

        var first = await api.GetFromJsonAsync<JsonElement>(url + "?circumstance=" + Uri.EscapeDataString(Heavier) + "&circumstance=" + Uri.EscapeDataString(First));
        Assert.Equal(("NoPenalty", "FirstViolationNoPenalty"), (first.GetProperty("tier").GetString(), first.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_fine_outside_the_range_needs_a_reason_which_the_proposal_then_shows()
    {
        var (api, caseId) = await OpenAsync();
        var refused = await PutAsync(api, caseId, Proposal(6000, circumstances: Ordinary));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["outsideRangeReason"], fields);
        Assert.Contains("高于推荐幅度 1000–3000 元", body);
        Assert.Equal(JsonValueKind.Null, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal")).GetProperty("proposal").ValueKind);

        var saved = await PutAsync(api, caseId, Proposal(6000, reason: "拒不配合调查，且营业面积大", circumstances: Ordinary));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal");
        Assert.Equal("拒不配合调查，且营业面积大", view.GetProperty("proposal").GetProperty("outsideRangeReason").GetString());
        Assert.Equal([Ordinary], view.GetProperty("proposal").GetProperty("circumstances").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("高于推荐幅度", view.GetProperty("deviations")[0].GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action.StartsWith("DecisionProposal.") && e.AgencyId != null)));
    }

    [Fact]
    public async Task A_fine_within_the_range_and_a_supported_tier_need_no_reason()
    {
        var (api, caseId) = await OpenAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, caseId, Proposal(2000, circumstances: Ordinary))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, caseId, Proposal(4000, "Heavier", null, Ordinary, Heavier))).StatusCode);
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal");
        Assert.Equal(0, view.GetProperty("deviations").GetArrayLength());
    }

    [Theory]
    [InlineData("Heavier", 2000, "tier", "不是所记录情节支持的阶次")]
    [InlineData("Ordinary", null, "outsideRangeReason", "未拟罚款")]
    public async Task A_tier_or_penalty_the_circumstances_do_not_support_needs_a_reason(string tier, int? fine, string _, string message)
    {
        var (api, caseId) = await OpenAsync();
        var refused = await PutAsync(api, caseId, Proposal(fine, tier, null, Ordinary));
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["outsideRangeReason"], fields);
        Assert.Contains(message, body);
    }

    [Fact]
    public async Task First_violation_no_penalty_needs_its_circumstance_and_unknown_circumstances_are_refused()
    {
        var (api, caseId) = await OpenAsync();
        var noCircumstance = new Dictionary<string, object?> { ["outcome"] = "FirstViolationNoPenalty", ["content"] = "不予行政处罚。" };
        Assert.Contains("首违不罚须记录情节", await (await PutAsync(api, caseId, noCircumstance)).Content.ReadAsStringAsync());

        var unknown = Proposal(2000, circumstances: "当事人态度很好");
        var (_, fields, body) = await (await PutAsync(api, caseId, unknown)).ReadProblemAsync();
        Assert.Equal(["circumstances"], fields);
        Assert.Contains("不在本事项的裁量基准中", body);

        noCircumstance["circumstances"] = new[] { First };
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, caseId, noCircumstance)).StatusCode);
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal");
        Assert.Equal("NoPenalty", view.GetProperty("proposal").GetProperty("tier").GetString());
        Assert.Equal("首违不罚", view.GetProperty("proposal").GetProperty("outcomeLabel").GetString());
    }

    [Fact]
    public async Task The_proposal_cannot_change_once_the_case_is_decided()
    {
        var (api, caseId) = await OpenAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, caseId, Proposal(2000, circumstances: Ordinary))).StatusCode);
        foreach (var step in new[] { CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice })
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(api, caseId, step)).StatusCode);
        int noticeId = await DecisionTestData.NotifyAsync(api, caseId);
        await DecisionTestData.ServeAsync(api, caseId, noticeId);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(api, caseId, CaseSteps.Statement)).StatusCode);
        await DecisionTestData.WaiveAsync(api, caseId, noticeId);
        Assert.Equal(HttpStatusCode.OK, (await DecisionTestData.IssueDecisionAsync(app, caseId)).StatusCode);
        var before = await app.WithDbAsync(db => db.Set<Domain.Decisions.DecisionProposal>().AsNoTracking().SingleAsync(p => p.CaseId == caseId));

        var refused = await PutAsync(api, caseId, Proposal(2500, circumstances: Ordinary));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (code, _, body) = await refused.ReadProblemAsync();
        Assert.Contains("proposal.locked", body + code);
        Assert.Contains("案件已作出决定，拟作出的决定不能再修改", body);
        var after = await app.WithDbAsync(db => db.Set<Domain.Decisions.DecisionProposal>().AsNoTracking().SingleAsync(p => p.CaseId == caseId));
        Assert.Equal(before.Fingerprint(), after.Fingerprint());
        Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal")).GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task A_simple_case_is_decided_only_from_a_proposal_the_simple_procedure_allows()
    {
        var (api, caseId) = await OpenAsync("Simple", CaseTestData.OtherPenaltyMatter);
        var none = await MoveAsync(api, caseId, CaseSteps.Decided);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Contains("尚未填写拟作出的决定", await none.Content.ReadAsStringAsync());
        var steps = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/steps");
        Assert.False(steps![0].GetProperty("allowed").GetBoolean());

        // 全年未检测: the ordinary grade, 500–1000 yuan — more than 200 yuan for the citizen party.
        var fine = new Dictionary<string, object?>
        {
            ["outcome"] = "Penalty", ["penaltyKinds"] = new[] { "Warning", "Fine" }, ["fineYuan"] = 500, ["content"] = "给予警告，并处罚款500元。",
            ["tier"] = "Ordinary", ["circumstances"] = new[] { "全年未进行卫生检测的" },
        };
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, caseId, fine)).StatusCode);
        var tooMuch = await MoveAsync(api, caseId, CaseSteps.Decided);
        var text = await tooMuch.Content.ReadAsStringAsync();
        Assert.Contains("simple.not_eligible", text);
        Assert.Contains("对公民当场罚款不得超过 200 元", text);

        var warning = new Dictionary<string, object?>
        {
            ["outcome"] = "Penalty", ["penaltyKinds"] = new[] { "警告" }, ["content"] = "给予警告。", ["tier"] = "从轻",
            ["circumstances"] = new[] { "首次被发现未按规定进行卫生检测，检测项目部分缺项的" },
        };
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, caseId, warning)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(api, caseId, CaseSteps.Decided)).StatusCode);
    }

    [Fact]
    public async Task The_demo_simple_case_was_decided_from_its_warning()
    {
        var proposal = await app.WithDbAsync(db => db.Set<Domain.Decisions.DecisionProposal>().AsNoTracking()
            .Where(p => db.Cases.Any(c => c.Id == p.CaseId && c.Procedure == CaseProcedure.Simple && c.Step == CaseSteps.Archived)).SingleAsync());
        Assert.Equal("Warning", proposal.PenaltyKinds);
    }

    [Fact]
    public async Task The_page_recommends_from_the_ticked_circumstances_prefills_the_basis_and_refuses_in_Chinese()
    {
        var (_, caseId) = await OpenAsync();
        var client = await app.SignInAsync("handler");
        var page = $"/cases/{caseId}/proposal";
        Assert.Contains(page, await (await client.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync());
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("《公共场所卫生管理条例实施细则》第三十五条", html);
        Assert.Contains("1000–3000 元", html);
        Assert.Contains(First, html);

        var recommended = await ZhifaFactory.PostFormAsync(client, page, new() { ["Input.Circumstances"] = Heavier, ["Input.Outcome"] = "Penalty" }, page + "?handler=Recommend");
        var shown = await recommended.Content.ReadAsStringAsync();
        Assert.Contains("3000–5000 元", shown);
        Assert.Contains("从重处罚", shown);

        var refused = await ZhifaFactory.PostFormAsync(client, page, new()
        {
            ["Input.Circumstances"] = Ordinary, ["Input.Outcome"] = "Penalty", ["Input.PenaltyKinds"] = "Fine", ["Input.FineYuan"] = "9000",
            ["Input.Tier"] = "Ordinary", ["Input.Content"] = "处罚款9000元。",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("须填写超出裁量基准的理由", await refused.Content.ReadAsStringAsync());

        var saved = await ZhifaFactory.PostFormAsync(client, page, new()
        {
            ["Input.Circumstances"] = Ordinary, ["Input.Outcome"] = "Penalty", ["Input.PenaltyKinds"] = "Fine", ["Input.FineYuan"] = "9000",
            ["Input.Tier"] = "Ordinary", ["Input.Content"] = "处罚款9000元。", ["Input.OutsideRangeReason"] = "违法经营时间长达两年",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"outside-range-reason\"", after);
        Assert.Contains("违法经营时间长达两年", after);
        Assert.Contains("data-testid=\"deviations\"", after);
    }

    [Fact]
    public async Task Someone_who_may_only_read_cannot_change_the_proposal()
    {
        var (_, caseId) = await OpenAsync();
        var supervisor = await app.ApiClientAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/cases/{caseId}/proposal")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(supervisor, caseId, Proposal(2000, circumstances: Ordinary))).StatusCode);
    }
}
