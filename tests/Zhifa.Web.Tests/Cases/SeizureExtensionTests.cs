using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;
using static Zhifa.Web.Tests.Cases.CaseTestData;

namespace Zhifa.Web.Tests.Cases;

/// <summary>LAW-8 art. 25: a seizure of 30 days is extended once, by at most 30, on a handler's request the head approves.</summary>
public sealed class SeizureExtensionTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string SafetyHead = "yj.head";

    /// <summary>A seizure of 永兴县应急管理局 carried out today (or <paramref name="startedDaysAgo"/> days ago).</summary>
    private async Task<int> SeizureAsync(HttpClient api, int startedDaysAgo = 0)
    {
        var body = await app.PenaltyBodyAsync(matterCode: "331217001000", category: "Coercion", officers: ["吴刚", "郑凯"]);
        body["parties"] = new[] { new Dictionary<string, object?> { ["kind"] = "LegalPerson", ["name"] = "永兴县某烟花爆竹经营部", ["creditCode"] = Domain.Common.IdentityCodes.CompleteCreditCode("91431023MA4T5K6L7"), ["legalRepresentative"] = "陈某" } };
        body["actEndedOn"] = null;
        int caseId = (await api.OpenAsync(body)).GetProperty("id").GetInt32();
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.CoercionImplemented })).EnsureSuccessStatusCode();
        if (startedDaysAgo > 0)
            await app.WithDbAsync(async db =>
            {
                var step = await db.CaseSteps.SingleAsync(h => h.CaseId == caseId && h.ToStep == CaseSteps.CoercionImplemented);
                step.At = step.At.AddDays(-startedDaysAgo);
                await db.SaveChangesAsync();
            });
        return caseId;
    }

    private Task<HttpClient> HeadApiAsync() => app.ApiClientAsync(SafetyHead);

    private static async Task<JsonElement> SeizureDeadlineAsync(HttpClient api, int caseId)
        => Assert.Single((await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!,
            d => d.GetProperty("label").GetString()!.StartsWith("查封、扣押期限届满", StringComparison.Ordinal));

    [Fact]
    public async Task An_approved_extension_moves_the_end_of_the_seizure_and_the_case_says_so()
    {
        var api = await app.ApiClientAsync("yj.handler");
        int caseId = await SeizureAsync(api);
        var requested = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 20, reason = "涉案烟花爆竹数量大，需委托检验机构鉴定" });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        int id = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // Pending: the 30 days still hold.
        Assert.Equal(Iso(Today.AddDays(30)), (await SeizureDeadlineAsync(api, caseId)).GetProperty("due").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/seizure-extensions/{id}/decision", new { approve = true })).StatusCode);

        var head = await HeadApiAsync();
        var decided = await head.PostAsJsonAsync($"/api/v1/seizure-extensions/{id}/decision", new { approve = true, note = "同意延长" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Approved", (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var deadline = await SeizureDeadlineAsync(api, caseId);
        Assert.Equal(Iso(Today.AddDays(50)), deadline.GetProperty("due").GetString());
        Assert.True(deadline.GetProperty("extended").GetBoolean());
        Assert.Contains("已经批准延长 20 日", deadline.GetProperty("label").GetString());

        var term = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/seizure-extensions");
        Assert.Equal(Iso(Today.AddDays(30)), term.GetProperty("endsOn").GetString());
        Assert.Equal(Iso(Today.AddDays(50)), term.GetProperty("extendedEndsOn").GetString());

        var html = await (await (await app.SignInAsync("yj.handler")).GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        var extendedEnd = Today.AddDays(50).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        Assert.Contains($"查封、扣押期限届满（已经批准延长 20 日，原定 {Today.AddDays(30).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}）：{extendedEnd}", html);
        Assert.Contains("涉案烟花爆竹数量大", html);
    }

    [Fact]
    public async Task A_second_extension_is_refused_and_says_the_seizure_was_already_extended()
    {
        var api = await app.ApiClientAsync("yj.handler");
        int caseId = await SeizureAsync(api);
        int id = (await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 30, reason = "情况复杂" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var head = await HeadApiAsync();
        (await head.PostAsJsonAsync($"/api/v1/seizure-extensions/{id}/decision", new { approve = true })).EnsureSuccessStatusCode();

        var second = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 10, reason = "仍需检验" });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var (_, fields, body) = await second.ReadProblemAsync();
        Assert.Equal(["case"], fields);
        Assert.Contains("查封、扣押期限只能延长一次", body);
        Assert.Single((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/seizure-extensions")).GetProperty("extensions").EnumerateArray());
        // Deciding the approved request again changes nothing either.
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostAsJsonAsync($"/api/v1/seizure-extensions/{id}/decision", new { approve = false, note = "撤回" })).StatusCode);
        Assert.Equal(Iso(Today.AddDays(60)), (await SeizureDeadlineAsync(api, caseId)).GetProperty("due").GetString());
    }

    [Fact]
    public async Task A_request_after_the_thirty_days_ran_out_is_refused()
    {
        var api = await app.ApiClientAsync("yj.handler");
        int caseId = await SeizureAsync(api, startedDaysAgo: 31);
        var deadline = await SeizureDeadlineAsync(api, caseId);
        Assert.True(deadline.GetProperty("overdue").GetBoolean());

        var late = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 10, reason = "情况复杂" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var (_, fields, body) = await late.ReadProblemAsync();
        Assert.Equal(["case"], fields);
        Assert.Contains($"查封、扣押期限已于 {Today.AddDays(-1).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)} 届满，不能再申请延长", body);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/seizure-extensions")).GetProperty("extensions").EnumerateArray());
    }

    [Fact]
    public async Task A_request_pending_when_the_thirty_days_ran_out_can_no_longer_be_approved()
    {
        var api = await app.ApiClientAsync("yj.handler");
        int caseId = await SeizureAsync(api, startedDaysAgo: 30);
        int id = (await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 10, reason = "情况复杂" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var step = await db.CaseSteps.SingleAsync(h => h.CaseId == caseId && h.ToStep == CaseSteps.CoercionImplemented);
            step.At = step.At.AddDays(-1);
            await db.SaveChangesAsync();
        });
        var head = await HeadApiAsync();
        var (code, fields, body) = await (await head.PostAsJsonAsync($"/api/v1/seizure-extensions/{id}/decision", new { approve = true })).ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Equal(["status"], fields);
        Assert.Contains("不能再批准延长", body);
    }

    [Fact]
    public async Task Bad_requests_and_refusals_without_a_reason_name_their_fields_and_change_nothing()
    {
        var api = await app.ApiClientAsync("yj.handler");
        int caseId = await SeizureAsync(api);
        var (_, fields, body) = await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 31, reason = " " })).ReadProblemAsync();
        Assert.Equal(["days", "reason"], fields);
        Assert.Contains("延长天数应为 1 至 30 日", body);

        int id = (await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 15, reason = "情况复杂" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var pendingAgain = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 15, reason = "再次提交" });
        Assert.Contains("待审批的延期申请", (await pendingAgain.ReadProblemAsync()).Body);

        var head = await HeadApiAsync();
        Assert.Equal(["note"], (await (await head.PostAsJsonAsync($"/api/v1/seizure-extensions/{id}/decision", new { approve = false })).ReadProblemAsync()).Fields);
        var refused = await head.PostAsJsonAsync($"/api/v1/seizure-extensions/{id}/decision", new { approve = false, note = "理由不充分" });
        Assert.Equal("Rejected", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var deadline = await SeizureDeadlineAsync(api, caseId);
        Assert.Equal(Iso(Today.AddDays(30)), deadline.GetProperty("due").GetString());
        Assert.False(deadline.GetProperty("extended").GetBoolean());
        // A refusal is no extension: a better-founded request may follow within the 30 days.
        var renewed = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = 15, reason = "补充检验报告" });
        Assert.True(renewed.StatusCode == HttpStatusCode.Created, await renewed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Requests_sent_at_the_same_moment_leave_one_request_and_refuse_the_others_plainly()
    {
        var api = await app.ApiClientAsync("yj.handler");
        int caseId = await SeizureAsync(api);
        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            api.PostAsJsonAsync($"/api/v1/cases/{caseId}/seizure-extensions", new { days = i, reason = "情况复杂" })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Single((await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/seizure-extensions")).GetProperty("extensions").EnumerateArray());
    }

    [Fact]
    public async Task Only_a_seizure_in_force_can_be_extended()
    {
        var api = await app.ApiClientAsync("handler");
        int penalty = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        var (_, fields, body) = await (await api.PostAsJsonAsync($"/api/v1/cases/{penalty}/seizure-extensions", new { days = 10, reason = "情况复杂" })).ReadProblemAsync();
        Assert.Equal(["case"], fields);
        Assert.Contains("只有已实施、尚未解除的查封、扣押可以申请延长期限", body);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("handler")).GetAsync($"/cases/{penalty}/seizure-extensions")).StatusCode);
    }

    [Fact]
    public async Task On_the_case_page_the_handler_asks_and_the_head_approves()
    {
        var api = await app.ApiClientAsync("yj.handler");
        int caseId = await SeizureAsync(api);
        var handler = await app.SignInAsync("yj.handler");
        var casePage = $"/cases/{caseId}";
        var html = await (await handler.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains("申请延长期限", html);

        var refused = await ZhifaFactory.PostFormAsync(handler, casePage, new() { ["Days"] = "", ["Reason"] = "" }, $"/cases/{caseId}/seizure-extensions");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写延长天数", refusedHtml);
        Assert.Contains("延期理由不能为空", refusedHtml);

        var asked = await ZhifaFactory.PostFormAsync(handler, casePage, new() { ["Days"] = "25", ["Reason"] = "需等待危险品检验报告" }, $"/cases/{caseId}/seizure-extensions");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.DoesNotContain("批准延长", await (await handler.GetAsync(casePage)).Content.ReadAsStringAsync());

        await HeadApiAsync();
        var head = await app.SignInAsync(SafetyHead);
        var headHtml = await (await head.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains("需等待危险品检验报告", headHtml);
        int id = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/seizure-extensions")).GetProperty("extensions")[0].GetProperty("id").GetInt32();
        var approved = await ZhifaFactory.PostFormAsync(head, casePage, new() { ["approve"] = "true", ["Note"] = "同意" },
            $"/cases/{caseId}/seizure-extensions?handler=Decide&extensionId={id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var after = await (await handler.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains($"{Today.AddDays(55).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}</strong>（经批准延长 25 日）", after);
        Assert.DoesNotContain("申请延长期限", after);
    }
}

/// <summary>Gives the scope test a seizure extension of agency B.</summary>
public sealed class SeizureExtensionScopeRecords : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var caseId = await Access.AccessRequestTests.CaseInDbAsync(app, agencyBId);
        var id = await app.WithDbAsync(async db =>
        {
            var x = new SeizureExtension { AgencyId = agencyBId, CaseId = caseId, Days = 10, Reason = "scope", RequestedBy = "test", RequestedAt = DateTime.UtcNow };
            db.Add(x);
            await db.SaveChangesAsync();
            return x.Id;
        });
        return new Dictionary<string, string> { ["extensionId"] = id.ToString(CultureInfo.InvariantCulture) };
    }
}
