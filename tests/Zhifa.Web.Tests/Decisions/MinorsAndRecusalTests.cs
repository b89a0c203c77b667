using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Decisions.DecisionTestData;

namespace Zhifa.Web.Tests.Decisions;

/// <summary>
/// 行政处罚法第三十条 (a party's age on the day of the act) and 第四十二条/第四十三条 (a granted recusal takes the officer
/// off the case) through the API and the pages.
/// </summary>
public sealed class MinorsAndRecusalTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static readonly DateOnly ActDay = CaseTestData.Today.AddDays(-10);
    private static int _serial = 700;

    /// <summary>A fresh ID number of someone born on <paramref name="birth"/>.</summary>
    private static string IdBornOn(DateOnly birth)
        => IdentityCodes.CompleteIdCardNumber("431023" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Interlocked.Increment(ref _serial).ToString("D3", CultureInfo.InvariantCulture));

    /// <summary>A general-procedure penalty case at 陈述申辩 with a served notice the party waived: only the decision is left.</summary>
    private async Task<(HttpClient Api, int CaseId)> ReadyToDecideAsync(string idNumber)
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync(idNumber, actEndedOn: ActDay))).GetProperty("id").GetInt32();
        await MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await ProposeAsync(app, caseId);
        int noticeId = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, noticeId);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        await WaiveAsync(api, caseId, noticeId);
        return (api, caseId);
    }

    private static async Task<string[]> CodesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var (_, _, body) = await response.ReadProblemAsync();
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();
    }

    private Task<string> StepAsync(int caseId) => app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Step).SingleAsync());

    [Fact]
    public async Task A_party_who_was_thirteen_on_the_day_of_the_act_is_not_penalised_and_the_proposal_offers_no_penalty()
    {
        // The act fell on the fourteenth birthday: 已满十四周岁 only from the next day, so the party was still 13.
        var (api, caseId) = await ReadyToDecideAsync(IdBornOn(ActDay.AddYears(-14)));

        Assert.Equal(["party.under_fourteen"], await CodesAsync(await IssueDecisionAsync(app, caseId)));
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));
        Assert.False(await app.WithDbAsync(db => db.Set<Decision>().AnyAsync(d => d.CaseId == caseId)));

        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal");
        var rec = view.GetProperty("recommendation");
        Assert.Equal(("NoPenalty", "NoPenalty"), (rec.GetProperty("tier").GetString(), rec.GetProperty("outcome").GetString()));
        Assert.Contains(rec.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("第三十条", StringComparison.Ordinal));
        var minor = Assert.Single(view.GetProperty("minorParties").EnumerateArray()).GetString()!;
        Assert.Contains("13 周岁", minor);
        Assert.Contains("不予行政处罚，责令监护人加以管教", minor);

        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync($"/cases/{caseId}/proposal")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"minor-parties\"", html);
        Assert.Contains("data-testid=\"recommended-tier\">不予处罚<", html);

        // Through the decision page the head sees why the signature is refused.
        var head = await app.SignInAsync("head");
        var refused = await ZhifaFactory.PostFormAsync(head, $"/cases/{caseId}/decision", new() { ["Input.Place"] = "局机关" }, $"/cases/{caseId}/decision?handler=Issue");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不满十四周岁，不予行政处罚", await refused.Content.ReadAsStringAsync());

        // 不予行政处罚 is what the law wants: that decision is issued.
        await ProposeAsync(app, caseId, outcome: DecisionOutcome.NoPenalty);
        Assert.Equal(HttpStatusCode.OK, (await IssueDecisionAsync(app, caseId)).StatusCode);
        Assert.Equal("no-penalty-decision", await app.WithDbAsync(db => db.Set<Decision>().Where(d => d.CaseId == caseId).Select(d => d.TypeCode).SingleAsync()));
    }

    [Fact]
    public async Task A_sixteen_year_old_is_penalised_only_with_a_lighter_or_mitigated_tier_or_a_written_reason()
    {
        var (api, caseId) = await ReadyToDecideAsync(IdBornOn(ActDay.AddYears(-16).AddDays(-30)));

        // The proposal names no tier: neither 从轻 nor 减轻.
        var codes = await CodesAsync(await IssueDecisionAsync(app, caseId));
        Assert.Equal(["party.minor_not_lightened"], codes);

        var proposal = new Dictionary<string, object?>
        {
            ["outcome"] = "Penalty", ["penaltyKinds"] = new[] { "Warning", "Fine" }, ["fineYuan"] = 2000m, ["tier"] = "Ordinary",
            ["content"] = "给予警告，并处罚款。", ["violatedProvisions"] = "《公共场所卫生管理条例实施细则》第二十二条第二款", ["penaltyBasis"] = "《公共场所卫生管理条例实施细则》第三十五条",
            ["evidenceReason"] = "现场笔录与询问笔录相互印证。", ["basisReason"] = "该行为违反细则第二十二条。", ["discretionReason"] = "按裁量基准。",
        };
        var ordinary = await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", proposal);
        Assert.Equal(HttpStatusCode.BadRequest, ordinary.StatusCode);
        var (_, fields, body) = await ordinary.ReadProblemAsync();
        Assert.Equal(["outsideRangeReason"], fields);
        Assert.Contains("从轻处罚", body);
        Assert.Equal(["party.minor_not_lightened"], await CodesAsync(await IssueDecisionAsync(app, caseId)));

        proposal["tier"] = "Lighter";
        proposal["fineYuan"] = 800m;
        (await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", proposal)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await IssueDecisionAsync(app, caseId)).StatusCode);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task A_sixteen_year_old_may_be_penalised_in_the_ordinary_tier_with_a_reason_the_reviewer_reads()
    {
        var (api, caseId) = await ReadyToDecideAsync(IdBornOn(ActDay.AddYears(-17)));
        var proposal = new Dictionary<string, object?>
        {
            ["outcome"] = "Penalty", ["penaltyKinds"] = new[] { "Warning", "Fine" }, ["fineYuan"] = 2000m, ["tier"] = "Ordinary",
            ["outsideRangeReason"] = "当事人以自己的劳动收入为主要生活来源，独立经营多年",
            ["content"] = "给予警告，并处罚款。", ["violatedProvisions"] = "《公共场所卫生管理条例实施细则》第二十二条第二款", ["penaltyBasis"] = "《公共场所卫生管理条例实施细则》第三十五条",
            ["evidenceReason"] = "现场笔录与询问笔录相互印证。", ["basisReason"] = "该行为违反细则第二十二条。", ["discretionReason"] = "按裁量基准。",
        };
        (await api.PutAsJsonAsync($"/api/v1/cases/{caseId}/proposal", proposal)).EnsureSuccessStatusCode();
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/proposal");
        Assert.Contains(view.GetProperty("deviations").EnumerateArray(), d => d.GetString()!.Contains("从轻处罚", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await IssueDecisionAsync(app, caseId)).StatusCode);
    }

    private async Task GrantRecusalAsync(HttpClient api, int caseId, int officerId)
    {
        var requested = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/recusals", new { targetOfficerId = officerId, reason = "系当事人的近亲属", requestedAt = ChinaNow() });
        requested.EnsureSuccessStatusCode();
        int recusalId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recusals").EnumerateArray().Last().GetProperty("id").GetInt32();
        var head = await app.ApiClientAsync("head");
        (await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/recusals/{recusalId}/decision", new { granted = true, reason = "经核实属实" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task After_a_granted_recusal_the_decision_waits_for_another_qualified_officer_and_the_recused_one_cannot_come_back()
    {
        var (api, caseId) = await ReadyToDecideAsync(CaseTestData.NewIdNumber());
        int lina = await app.OfficerIdAsync("李娜");
        await GrantRecusalAsync(api, caseId, lina);

        var c = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        var recused = c.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("officerId").GetInt32() == lina);
        Assert.True(recused.GetProperty("recused").GetBoolean());
        Assert.Equal(2, c.GetProperty("officers").GetArrayLength()); // the history keeps her

        Assert.Equal(["officers.too_few"], await CodesAsync(await IssueDecisionAsync(app, caseId)));
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));

        var back = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/officers", new { officerId = lina });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        var (_, _, backBody) = await back.ReadProblemAsync();
        Assert.Contains("\"recused\"", backBody);
        Assert.Contains("第四十三条", backBody);

        var expired = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/officers", new { officerId = await app.OfficerIdAsync("陈静") });
        Assert.Contains("not_qualified", (await expired.ReadProblemAsync()).Body);
        Assert.Equal(["officers.too_few"], await CodesAsync(await IssueDecisionAsync(app, caseId)));

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/officers", new { officerId = await app.OfficerIdAsync("杨帆") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await IssueDecisionAsync(app, caseId)).StatusCode);
        Assert.Equal(CaseSteps.Decided, await StepAsync(caseId));
    }

    [Fact]
    public async Task The_case_page_shows_the_recused_officer_and_assigns_another_before_the_case_moves_on()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await ProposeAsync(app, caseId);
        int noticeId = await NotifyAsync(api, caseId);
        await ServeAsync(api, caseId, noticeId);
        await GrantRecusalAsync(api, caseId, await app.OfficerIdAsync("李娜"));

        var moved = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Statement });
        Assert.Equal(["officers.too_few"], await CodesAsync(moved));

        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"officer-recused\"", html);
        Assert.Contains("已回避", html);

        var refused = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}", new() { ["OfficerId"] = (await app.OfficerIdAsync("陈静")).ToString(CultureInfo.InvariantCulture) },
            $"/cases/{caseId}?handler=Officer");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("陈静的执法证已过期，不能承办案件", await refused.Content.ReadAsStringAsync());

        var added = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}", new() { ["OfficerId"] = (await app.OfficerIdAsync("杨帆")).ToString(CultureInfo.InvariantCulture) },
            $"/cases/{caseId}?handler=Officer");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await MoveAsync(api, caseId, CaseSteps.Statement);
        Assert.Equal(CaseSteps.Statement, await StepAsync(caseId));
    }
}
