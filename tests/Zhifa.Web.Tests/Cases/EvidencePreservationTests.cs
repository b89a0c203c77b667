using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;
using static Zhifa.Web.Tests.Cases.CaseTestData;

namespace Zhifa.Web.Tests.Cases;

/// <summary>LAW-5 art. 56: 先行登记保存 on a penalty case, approved by the head, decided within 7 working days (LAW-1).</summary>
public sealed class EvidencePreservationTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Label = "先行登记保存作出处理决定";

    private async Task<int> PenaltyAsync(HttpClient api) => (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();

    private static async Task<JsonElement> RegisterAsync(HttpClient api, int caseId, string startedOn, string items = "无证经营使用的美容仪器 2 台")
    {
        var r = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/preservations", new { items, place = "永兴县卫生健康局物证保管室", startedOn });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> PreservationDeadlinesAsync(HttpClient api, int caseId)
        => (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!
            .Where(d => d.GetProperty("label").GetString()!.StartsWith(Label, StringComparison.Ordinal)).ToList();

    private static string Chinese(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_preservation_is_due_seven_working_days_after_its_start_and_the_case_shows_it_overdue_in_red()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = await PenaltyAsync(api);
        // National Day 2025 (10-01 … 10-08 off, Saturday 10-11 worked): 9-30, 10-09, 10-10, 10-11, 10-13, 10-14, 10-15.
        var p = await RegisterAsync(api, caseId, "2025-09-29");
        Assert.Equal("2025-10-15", p.GetProperty("decisionDue").GetString());
        Assert.Contains("工作日", p.GetProperty("dueBasis").GetString());

        var d = Assert.Single(await PreservationDeadlinesAsync(api, caseId));
        Assert.Equal("2025-10-15", d.GetProperty("due").GetString());
        Assert.True(d.GetProperty("overdue").GetBoolean());

        var html = await (await (await app.SignInAsync("handler")).GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        var alert = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert ([a-z-]+) py-2\" data-testid=\"case-deadline\">\\s*" + Label + "[^<]*");
        Assert.True(alert.Success, "no deadline of the preservation on the case page");
        Assert.Equal("alert-danger", alert.Groups[1].Value);
        Assert.Contains("2025年10月15日（已超期）", alert.Value);
    }

    [Fact]
    public async Task A_preservation_started_today_is_due_on_the_seventh_working_day_of_the_calendar()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = await PenaltyAsync(api);
        var p = await RegisterAsync(api, caseId, Iso(Today));
        var calendar = await api.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/working-days/add?from={Iso(Today)}&days=7");
        Assert.Equal(calendar.GetProperty("date").GetString(), p.GetProperty("decisionDue").GetString());
        var d = Assert.Single(await PreservationDeadlinesAsync(api, caseId));
        Assert.False(d.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_head_approves_and_the_decision_closes_the_preservation_and_its_deadline()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = await PenaltyAsync(api);
        int id = (await RegisterAsync(api, caseId, Iso(Today))).GetProperty("id").GetInt32();
        Assert.Equal("Pending", (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/preservations"))![0].GetProperty("status").GetString());

        var early = await api.PostAsJsonAsync($"/api/v1/preservations/{id}/outcome", new { outcome = "RecordAndReturn", note = "拍照后退还" });
        Assert.Contains("尚未经负责人批准", (await early.ReadProblemAsync()).Body);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/preservations/{id}/approval", new { approve = true })).StatusCode);

        var head = await app.ApiClientAsync("head");
        var approved = await head.PostAsJsonAsync($"/api/v1/preservations/{id}/approval", new { approve = true, note = "同意先行登记保存" });
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Single(await PreservationDeadlinesAsync(api, caseId));

        var (_, fields, _) = await (await api.PostAsJsonAsync($"/api/v1/preservations/{id}/outcome", new { note = " " })).ReadProblemAsync();
        Assert.Equal(["outcome", "note"], fields);
        var resolved = await api.PostAsJsonAsync($"/api/v1/preservations/{id}/outcome", new { outcome = "Examine", note = "送县疾控中心检测" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var view = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Resolved", "送交检测、检验、检疫或者鉴定", false), (view.GetProperty("status").GetString(), view.GetProperty("outcomeLabel").GetString(), view.GetProperty("resolvedLate").GetBoolean()));
        Assert.Empty(await PreservationDeadlinesAsync(api, caseId));

        var again = await api.PostAsJsonAsync($"/api/v1/preservations/{id}/outcome", new { outcome = "Lift", note = "再次处理" });
        Assert.Contains("不能再作出处理决定", (await again.ReadProblemAsync()).Body);
    }

    [Fact]
    public async Task A_refusal_by_the_head_needs_a_reason_and_ends_the_preservation()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = await PenaltyAsync(api);
        int id = (await RegisterAsync(api, caseId, Iso(Today))).GetProperty("id").GetInt32();
        var head = await app.ApiClientAsync("head");
        Assert.Equal(["note"], (await (await head.PostAsJsonAsync($"/api/v1/preservations/{id}/approval", new { approve = false })).ReadProblemAsync()).Fields);
        var refused = await head.PostAsJsonAsync($"/api/v1/preservations/{id}/approval", new { approve = false, note = "证据不存在灭失风险，应当直接调取" });
        Assert.Equal("Rejected", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty(await PreservationDeadlinesAsync(api, caseId));
    }

    [Fact]
    public async Task Bad_registrations_name_each_field_and_register_nothing()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = await PenaltyAsync(api);
        var (_, fields, _) = await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/preservations", new { items = "", place = " " })).ReadProblemAsync();
        Assert.Equal(["items", "place", "startedOn"], fields);
        var future = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/preservations", new { items = "账册", place = "物证室", startedOn = Iso(Today.AddDays(1)) });
        Assert.Contains("不能晚于今天", (await future.ReadProblemAsync()).Body);
        Assert.Empty((await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/preservations"))!);

        var simple = await app.PenaltyBodyAsync(matterCode: OtherPenaltyMatter);
        simple["procedure"] = "Simple";
        int simpleId = (await api.OpenAsync(simple)).GetProperty("id").GetInt32();
        var (_, simpleFields, body) = await (await api.PostAsJsonAsync($"/api/v1/cases/{simpleId}/preservations", new { items = "账册", place = "物证室", startedOn = Iso(Today) })).ReadProblemAsync();
        Assert.Equal(["case"], simpleFields);
        Assert.Contains("普通程序", body);
    }

    [Fact]
    public async Task On_the_case_page_a_handler_registers_the_head_approves_and_the_handler_decides()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = await PenaltyAsync(api);
        var casePage = $"/cases/{caseId}";
        var handler = await app.SignInAsync("handler");
        var html = await (await handler.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains("登记先行登记保存", html);
        Assert.Contains($"href=\"/cases/{caseId}/documents?type=preservation-notice\"", html);
        Assert.Contains("先行登记保存通知书", await (await handler.GetAsync($"/cases/{caseId}/documents?type=preservation-notice")).Content.ReadAsStringAsync());

        var refused = await ZhifaFactory.PostFormAsync(handler, casePage, new() { ["Items"] = "", ["Place"] = "物证室", ["StartedOn"] = "" }, $"/cases/{caseId}/preservations");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("保存物品不能为空", refusedHtml);
        Assert.Contains("请填写先行登记保存的日期", refusedHtml);
        Assert.Contains("value=\"物证室\"", refusedHtml);

        var registered = await ZhifaFactory.PostFormAsync(handler, casePage,
            new() { ["Items"] = "过期消毒液 12 瓶", ["Place"] = "本局物证保管室", ["StartedOn"] = Iso(Today) }, $"/cases/{caseId}/preservations");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        int id = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/preservations"))![0].GetProperty("id").GetInt32();

        var head = await app.SignInAsync("head");
        Assert.Contains("过期消毒液 12 瓶", await (await head.GetAsync(casePage)).Content.ReadAsStringAsync());
        var approved = await ZhifaFactory.PostFormAsync(head, casePage, new() { ["approve"] = "true", ["Note"] = "同意" },
            $"/cases/{caseId}/preservations?handler=Approve&preservationId={id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var due = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/preservations"))![0].GetProperty("decisionDue").GetString()!;
        var open = await (await handler.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains($"{Label}（过期消毒液 12 瓶，{Chinese(Iso(Today))}起保存）：{Chinese(due)}", open);
        Assert.Contains("作出处理决定</button>", open);

        var resolved = await ZhifaFactory.PostFormAsync(handler, casePage, new() { ["Outcome"] = "Confiscate", ["OutcomeNote"] = "属于应予没收的物品" },
            $"/cases/{caseId}/preservations?handler=Resolve&preservationId={id}");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var closed = await (await handler.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.Contains("处理决定：依法应予没收，依照法定程序处理：属于应予没收的物品", closed);
        Assert.DoesNotContain($"{Label}（", closed);
    }
}

/// <summary>Gives the scope test a 先行登记保存 of agency B.</summary>
public sealed class EvidencePreservationScopeRecords : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var caseId = await Access.AccessRequestTests.CaseInDbAsync(app, agencyBId);
        var id = await app.WithDbAsync(async db =>
        {
            var x = new EvidencePreservation
            {
                AgencyId = agencyBId, CaseId = caseId, Items = "scope", Place = "scope", StartedOn = Today, RegisteredBy = "test", RegisteredAt = DateTime.UtcNow,
            };
            db.Add(x);
            await db.SaveChangesAsync();
            return x.Id;
        });
        return new Dictionary<string, string> { ["preservationId"] = id.ToString(CultureInfo.InvariantCulture) };
    }
}
