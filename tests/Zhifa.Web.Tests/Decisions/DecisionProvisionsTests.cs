using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Discretion;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Documents;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Decisions.DecisionTestData;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>
/// 行政处罚法第五十九条、第二十九条、第三十三条 and LAW-9 through the API: the proposal names the provisions violated and the
/// penalty basis (or the ground of 不予处罚), and the notice and decision generated from it cite each in its place, apply
/// the norm with the higher fine and name the 复议机关 and the court.
/// </summary>
public sealed class DecisionProvisionsTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Violated = "《公共场所卫生管理条例》第八条、《公共场所卫生管理条例实施细则》第二十二条第二款";
    private const string Rules = "《公共场所卫生管理条例实施细则》第三十五条第一款";
    private const string Regulation = "《公共场所卫生管理条例》第十四条第一款第四项";

    private static Dictionary<string, object?> Penalty(object[]? norms = null, string? basis = Rules, string? violated = Violated) => new()
    {
        ["outcome"] = "Penalty", ["penaltyKinds"] = new[] { "Warning", "Fine" }, ["fineYuan"] = 3000m, ["tier"] = "Ordinary",
        ["content"] = "警告，并处罚款人民币叁仟元整。", ["violatedProvisions"] = violated, ["penaltyBasis"] = basis, ["penaltyNorms"] = norms ?? Array.Empty<object>(),
        ["evidenceReason"] = "现场笔录与询问笔录相互印证。", ["basisReason"] = "未取得卫生许可证擅自营业。", ["discretionReason"] = "按裁量基准一般阶次。",
    };

    private static Dictionary<string, object?> FirstViolation() => new()
    {
        ["outcome"] = "FirstViolationNoPenalty", ["content"] = "对当事人进行教育，责令其立即申请办理卫生许可证。", ["violatedProvisions"] = Violated,
        ["circumstances"] = new[] { StatutoryCircumstance.FirstViolation.Text },
        ["evidenceReason"] = "现场笔录与询问笔录相互印证。", ["basisReason"] = "初次违法，营业三日即主动停业申请许可。", ["discretionReason"] = "危害后果轻微并及时改正。",
    };

    private async Task<(HttpClient Api, int CaseId)> AtNoticeAsync()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        return (api, caseId);
    }

    private static async Task<JsonElement> ProposeAsync(HttpClient api, int caseId, Dictionary<string, object?> body)
    {
        var r = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", body);
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"proposal: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposal");
    }

    /// <summary>The notice made and served, the party's written waiver, and the head's signature; returns the notice's and the decision's text.</summary>
    private async Task<(string Notice, string Decision, JsonElement Issued)> NotifyAndDecideAsync(HttpClient api, int caseId)
    {
        int noticeId = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, noticeId);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        await WaiveAsync(api, caseId, noticeId);
        var issued = await IssueDecisionAsync(app, caseId);
        if (!issued.IsSuccessStatusCode) throw new InvalidOperationException($"decision: {await issued.Content.ReadAsStringAsync()}");
        var overview = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var noticeDoc = overview.GetProperty("notices")[0].GetProperty("documentId").GetInt32();
        var decision = overview.GetProperty("decision");
        return (await TextAsync(api, noticeDoc), await TextAsync(api, decision.GetProperty("documentId").GetInt32()), decision);
    }

    private static async Task<string> TextAsync(HttpClient api, int documentId)
        => DocumentTestData.TextOf(await api.GetByteArrayAsync($"/api/v1/documents/{documentId}/file"));

    [Fact]
    public async Task A_penalty_proposal_without_the_provisions_violated_or_the_penalty_basis_is_refused_naming_each_and_nothing_is_saved()
    {
        var (api, caseId) = await AtNoticeAsync();
        var refused = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", Penalty(basis: null, violated: null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["violatedProvisions", "penaltyBasis"], fields);
        Assert.Contains("违法条款", body);
        Assert.Contains("处罚依据", body);
        Assert.Equal(JsonValueKind.Null, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal")).GetProperty("proposal").ValueKind);

        var penaltyAsViolation = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", Penalty(violated: Rules));
        Assert.Contains("penalty_norm_as_violation", (await penaltyAsViolation.ReadProblemAsync()).Body);
    }

    [Fact]
    public async Task A_generated_decision_cites_the_provision_violated_and_the_penalty_basis_each_in_its_place_and_names_the_reconsideration_organ_and_court()
    {
        var (api, caseId) = await AtNoticeAsync();
        var proposal = await ProposeAsync(api, caseId, Penalty());
        Assert.Equal((Violated, Rules), (proposal.GetProperty("violatedProvisions").GetString(), proposal.GetProperty("penaltyBasis").GetString()));
        Assert.Equal($"违法条款：{Violated}；处罚依据：{Rules}", proposal.GetProperty("legalBasis").GetString());

        var (notice, decision, _) = await NotifyAndDecideAsync(api, caseId);
        Assert.Contains($"以上事实违反了{Violated}的规定。", notice);
        Assert.Contains($"依据{Rules}的规定，本机关拟对你（单位）作出如下行政处罚", notice);

        Assert.Contains($"以上事实违反了{Violated}的规定。", decision);
        Assert.Contains($"依据{Rules}的规定，本机关决定：警告、罚款，罚款 3,000 元。", decision);
        Assert.DoesNotContain("违反了《公共场所卫生管理条例实施细则》第三十五条", decision);
        Assert.Contains("如不服本决定，可以在收到本决定书之日起六十日内向永兴县人民政府申请行政复议", decision);
        Assert.Contains("或者在六个月内依法向永兴县人民法院提起行政诉讼", decision);
    }

    [Fact]
    public async Task A_first_violation_decision_cites_article_33_and_the_circumstance_recorded_for_it()
    {
        var (api, caseId) = await AtNoticeAsync();
        var noGround = FirstViolation();
        noGround["outcome"] = "NoPenalty";
        var refused = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", noGround);
        Assert.Equal(["noPenaltyGround"], (await refused.ReadProblemAsync()).Fields);

        var proposal = await ProposeAsync(api, caseId, FirstViolation());
        Assert.Equal(("FirstViolation", "《中华人民共和国行政处罚法》第三十三条第一款"),
            (proposal.GetProperty("noPenaltyGround").GetString(), proposal.GetProperty("noPenaltyBasis").GetString()));

        var (_, decision, issued) = await NotifyAndDecideAsync(api, caseId);
        Assert.Equal("不予行政处罚决定书", issued.GetProperty("typeName").GetString());
        Assert.Contains($"以上事实违反了{Violated}的规定。", decision);
        Assert.Contains($"当事人的违法行为属于以下情形：{StatutoryCircumstance.FirstViolation.Text}。", decision);
        Assert.Contains("依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本机关决定：不予行政处罚。对当事人进行教育", decision);
        Assert.Contains("六十日内向永兴县人民政府申请行政复议", decision);
    }

    [Fact]
    public async Task Of_several_norms_fining_the_act_the_higher_fine_is_applied_a_lower_one_is_refused_and_the_decision_says_why()
    {
        var (api, caseId) = await AtNoticeAsync();
        object[] norms = [new { citation = Regulation, maxFineYuan = 5000m }, new { citation = Rules, maxFineYuan = 30000m }];
        var lower = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", Penalty(norms, basis: Regulation));
        var (_, fields, body) = await lower.ReadProblemAsync();
        Assert.Equal(["penaltyBasis"], fields);
        Assert.Contains("lower_fine", body);
        Assert.Contains($"应适用{Rules}（最高罚款 30,000 元）", body);

        var missing = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", Penalty([new { citation = Regulation }, new { citation = Rules, maxFineYuan = 30000m }], basis: null));
        Assert.Equal(["penaltyNorms[0].maxFineYuan"], (await missing.ReadProblemAsync()).Fields);

        var proposal = await ProposeAsync(api, caseId, Penalty(norms, basis: null));
        Assert.Equal(Rules, proposal.GetProperty("penaltyBasis").GetString());
        Assert.Equal([false, true], proposal.GetProperty("penaltyNorms").EnumerateArray().Select(n => n.GetProperty("applied").GetBoolean()));

        var (notice, decision, _) = await NotifyAndDecideAsync(api, caseId);
        const string why = "依据《中华人民共和国行政处罚法》第二十九条，同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚";
        Assert.Contains(why, notice);
        Assert.Contains($"当事人的同一违法行为同时违反{Regulation}（最高罚款 5,000 元）、{Rules}（最高罚款 30,000 元），{why}，本案适用{Rules}。", decision);
        Assert.Contains($"依据{Rules}的规定，本机关决定", decision);
    }

    [Fact]
    public async Task A_decision_is_not_issued_while_the_agency_names_no_reconsideration_organ_and_is_once_the_head_sets_it()
    {
        var (api, caseId) = await AtNoticeAsync();
        await ProposeAsync(api, caseId, Penalty());
        int noticeId = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, noticeId);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        await WaiveAsync(api, caseId, noticeId);
        int agencyId = await app.AgencyIdAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Agencies.SingleAsync(a => a.Id == agencyId)).ReconsiderationOrgan = "";
            await db.SaveChangesAsync();
        });
        try
        {
            var refused = await IssueDecisionAsync(app, caseId);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var (_, fields, body) = await refused.ReadProblemAsync();
            Assert.Equal(["reconsiderationOrgan"], fields);
            Assert.Contains("agency.reconsideration_organ_missing", body);
            Assert.Contains("尚未设置行政复议机关", body);
            Assert.Equal(CaseSteps.Statement, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Step).SingleAsync()));
            Assert.Contains("agency.reconsideration_organ_missing", (await OverviewAsync(api, caseId)).GetProperty("issueProblems").GetRawText());
        }
        finally
        {
            var head = await app.ApiClientAsync("head");
            (await head.PutAsJsonAsync($"/api/v1/agencies/{agencyId}/remedies", new { reconsiderationOrgan = "永兴县人民政府", competentCourt = "永兴县人民法院" })).EnsureSuccessStatusCode();
        }
        Assert.Equal(HttpStatusCode.OK, (await IssueDecisionAsync(app, caseId)).StatusCode);
    }

    [Fact]
    public async Task The_legal_review_form_lists_the_provisions_violated_and_the_penalty_basis_apart()
    {
        var (api, caseId) = await AtNoticeAsync();
        var suspend = Penalty();
        suspend["penaltyKinds"] = new[] { "SuspendBusiness", "Fine" }; // a major decision: legal review (LR-2)
        await ProposeAsync(api, caseId, suspend);
        int noticeId = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, noticeId);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        int evidence = (await DocumentTestData.GenerateSignedAsync(api, caseId, DocumentTestData.SiteRecordInput)).GetProperty("id").GetInt32();
        await LegalReview.LegalReviewTestData.ExpectAsync(
            await LegalReview.LegalReviewTestData.PostAsync(api, caseId, "submissions", LegalReview.LegalReviewTestData.Submission(evidence)), HttpStatusCode.Created);
        await LegalReview.LegalReviewTestData.ExpectAsync(
            await LegalReview.LegalReviewTestData.PostAsync(await app.ApiClientAsync("reviewer"), caseId, "opinions", LegalReview.LegalReviewTestData.Agree), HttpStatusCode.Created);
        // The agreed round's 法制审核表 is filed once the 分管领导 signed it (LR-8).
        await LegalReview.LegalReviewTestData.LeaderAgreesAsync(app, caseId);

        var documents = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/documents");
        var form = documents!.Last(d => d.GetProperty("typeCode").GetString() == "legal-review-form");
        Assert.Contains($"所涉法律法规规章条款：违法条款：{Violated}；处罚依据：{Rules}", await TextAsync(api, form.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task A_new_proposal_is_offered_the_matter_s_penalty_clauses_and_the_articles_they_say_were_broken()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync(matterCode: "330217003000"))).GetProperty("id").GetInt32();
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal");
        Assert.Equal("《医疗机构管理条例》第二十七条", view.GetProperty("suggestedViolatedProvisions").GetString());
        Assert.Equal(["《医疗机构管理条例》第四十七条", "《中华人民共和国医师法》第五十九条"],
            view.GetProperty("suggestedPenaltyNorms").EnumerateArray().Select(n => n.GetProperty("citation").GetString()));
        Assert.Contains(view.GetProperty("noPenaltyGrounds").EnumerateArray(), g => g.GetProperty("citation").GetString() == "《中华人民共和国行政处罚法》第三十六条");
    }
}
