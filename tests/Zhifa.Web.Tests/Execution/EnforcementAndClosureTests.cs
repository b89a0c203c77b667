using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Execution;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Records;

namespace Zhifa.Web.Tests.Execution;

/// <summary>LAW-8 (催告, court enforcement window), LAW-5 art. 60 (extensions of the decision limit) and closure with its report.</summary>
public sealed class EnforcementAndClosureTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(HttpClient Api, int CaseId)> ServedAsync(decimal? fine, int servedDaysAgo)
    {
        var (api, caseId) = await app.DecidedPenaltyAsync(fine);
        int decision = await api.DecisionDocumentAsync(caseId);
        await app.BackdateDecisionAsync(caseId, servedDaysAgo + 2);
        Assert.Equal(HttpStatusCode.Created, (await api.ServeAsync(caseId, decision, daysAgo: servedDaysAgo)).StatusCode);
        await api.MoveAsync(caseId, CaseSteps.Served);
        return (api, caseId);
    }

    private static Task<HttpResponseMessage> DemandAsync(HttpClient api, int caseId)
        => api.PostAsJsonAsync($"/api/v1/cases/{caseId}/demand-notices", new { deadline = Iso(CaseTestData.Today.AddDays(10)) });

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient api, int caseId)
        => api.PostAsJsonAsync($"/api/v1/cases/{caseId}/enforcement-applications", new { appliedOn = Iso(CaseTestData.Today), court = "永兴县人民法院", reference = "" });

    [Fact]
    public async Task The_demand_waits_for_the_overdue_payment_and_court_enforcement_waits_for_the_served_demand_and_the_remedy_periods()
    {
        var (api, caseId) = await ServedAsync(1000m, 10);
        var notYet = await DemandAsync(api, caseId);
        Assert.Equal(["deadline"], (await notYet.ReadProblemAsync()).Fields);
        Assert.Contains("payment.not_overdue", await notYet.Content.ReadAsStringAsync());

        (api, caseId) = await ServedAsync(1000m, 30);
        var demand = await DemandAsync(api, caseId);
        Assert.Equal(HttpStatusCode.Created, demand.StatusCode);
        var doc = await demand.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("demand-notice", doc.GetProperty("typeCode").GetString());
        var cal = await app.CalendarAsync();
        var served = CaseTestData.Today.AddDays(-30);
        var due = PaymentRules.DueOn(served, cal).Last; // 15 days ago, or the working day after it
        Assert.Contains(PaymentRules.Yuan(30m * (CaseTestData.Today.DayNumber - due.DayNumber)), doc.GetProperty("fields").GetProperty("催告内容").GetString());

        var refused = await ApplyAsync(api, caseId);
        Assert.Contains("demand.not_served", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await api.ServeAsync(caseId, doc.GetProperty("id").GetInt32())).StatusCode);
        var body = await (await ApplyAsync(api, caseId)).Content.ReadAsStringAsync();
        Assert.Contains("demand.ten_days", body);
        Assert.Contains("remedies.running", body);
        var window = (await api.ExecutionAsync(caseId)).GetProperty("enforcement");
        // Six months after service (moved off a rest day), then three months more (moved again).
        var remediesEnd = LegalPeriods.Litigation.EndFrom(served, cal).Last;
        Assert.Equal(Iso(remediesEnd.AddDays(1)), window.GetProperty("opens").GetString());
        Assert.Equal(Iso(LegalPeriods.CourtEnforcementApplication.EndFrom(remediesEnd, cal).Last), window.GetProperty("closes").GetString());
        Assert.Empty((await api.ExecutionAsync(caseId)).GetProperty("applications").EnumerateArray());
    }

    [Fact]
    public async Task A_case_enforced_through_the_court_closes_with_its_report_and_archives()
    {
        // Served 200 days ago: the six months for litigation are over; the demand was served 30 days ago, more than
        // ten working days even across the Spring Festival break.
        var (api, caseId) = await ServedAsync(1000m, 200);
        await api.MoveAsync(caseId, CaseSteps.Executed);
        var demand = await (await DemandAsync(api, caseId)).Content.ReadFromJsonAsync<JsonElement>();
        int demandId = demand.GetProperty("id").GetInt32();
        await app.BackdateDocumentAsync(demandId, 31);
        Assert.Equal(HttpStatusCode.Created, (await api.ServeAsync(caseId, demandId, daysAgo: 30)).StatusCode);
        var window = (await api.ExecutionAsync(caseId)).GetProperty("enforcement");
        Assert.True(window.GetProperty("openToday").GetBoolean());
        var deadline = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!.Single(d => d.GetProperty("label").GetString()!.StartsWith("申请人民法院强制执行", StringComparison.Ordinal));
        Assert.Equal(window.GetProperty("closes").GetString(), deadline.GetProperty("due").GetString());

        // Not closable: unpaid, not enforced, no report — each named.
        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Closed });
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("execution.incomplete", text);
        Assert.Contains("罚款尚未缴清", text);
        Assert.Contains("尚未制作结案报告", text);
        Assert.Contains("execution.unpaid", await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/closing-report", new { })).Content.ReadAsStringAsync());

        var applied = await ApplyAsync(api, caseId);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        int applicationId = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Contains("application.pending", await (await ApplyAsync(api, caseId)).Content.ReadAsStringAsync());
        Assert.Equal(["note"], (await (await api.PostAsJsonAsync($"/api/v1/enforcement-applications/{applicationId}/outcome",
            new { outcome = "Terminated", outcomeOn = Iso(CaseTestData.Today) })).ReadProblemAsync()).Fields);
        (await api.PostAsJsonAsync($"/api/v1/enforcement-applications/{applicationId}/outcome",
            new { outcome = "Enforced", outcomeOn = Iso(CaseTestData.Today), note = "法院裁定准予执行，已划扣" })).EnsureSuccessStatusCode();

        var report = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/closing-report", new { content = "本案执行完毕。" });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var content = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields").GetProperty("内容").GetString()!;
        Assert.Contains("永兴县人民法院", content);
        Assert.Contains("准予执行并已执行完毕", content);

        await RecordTestData.UploadAsync(api, caseId, RecordTestData.RandomBytes(1024), "调查取证.mp4",
            new { kind = "录像", step = CaseSteps.Investigation, startedAt = "2026-03-02T10:00:00", endedAt = "2026-03-02T11:00:00", place = "现场", proves = "现场情况" });
        await api.MoveAsync(caseId, CaseSteps.Closed, CaseSteps.Archived);
        var catalogue = await (await api.GetAsync($"/api/v1/cases/{caseId}/catalogue")).Content.ReadAsStringAsync();
        Assert.Contains("结案报告", catalogue);
        Assert.Contains("送达回证", catalogue);
    }

    [Fact]
    public async Task A_paid_fine_lets_the_case_close_once_the_page_made_the_closing_report()
    {
        var (api, caseId) = await ServedAsync(200m, 3);
        await api.MoveAsync(caseId, CaseSteps.Executed);
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/payments", new { amountYuan = 200.00m, paidOn = Iso(CaseTestData.Today), reference = "工商银行流水 6222" })).EnsureSuccessStatusCode();
        var page = await app.SignInAsync("handler");
        var url = $"/cases/{caseId}/execution";
        Assert.Contains("尚未制作结案报告", await (await page.GetAsync(url)).Content.ReadAsStringAsync());
        var made = await ZhifaFactory.PostFormAsync(page, url, new() { ["ReportContent"] = "当事人已按期缴纳罚款。" }, url + "?handler=ClosingReport");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains("可以结案", await (await page.GetAsync(url)).Content.ReadAsStringAsync());
        var next = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/steps"))!.Single();
        Assert.DoesNotContain("execution.incomplete", next.ToString());
    }

    [Fact]
    public async Task The_head_extends_the_ninety_day_limit_with_days_and_a_reason_and_a_case_past_it_is_listed_as_overdue()
    {
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync())).GetProperty("id").GetInt32();
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.FindAsync(caseId);
            c!.OpenedAt = c.OpenedAt.AddDays(-100);
            await db.SaveChangesAsync();
        });
        var head = await app.ApiClientAsync("head");
        var rows = (await head.GetFromJsonAsync<List<JsonElement>>("/api/v1/execution/overdue"))!;
        var row = rows.Single(r => r.GetProperty("caseId").GetInt32() == caseId);
        Assert.Equal("decision-limit", row.GetProperty("kind").GetString());
        Assert.Equal(10, row.GetProperty("daysOverdue").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/limit-extensions", new { days = 30, reason = "案情复杂" })).StatusCode);
        Assert.Equal(["reason", "days"], (await (await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/limit-extensions", new { days = 0 })).ReadProblemAsync()).Fields);
        Assert.Equal(HttpStatusCode.Created, (await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/limit-extensions", new { days = 30, reason = "案情复杂，需鉴定" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await head.PostAsJsonAsync($"/api/v1/cases/{caseId}/limit-extensions", new { days = 15, reason = "鉴定延期" })).StatusCode);

        var d = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!.Single(x => x.GetProperty("label").GetString() == "作出处罚决定");
        Assert.Equal(Iso(CaseTestData.Today.AddDays(-100 + 90 + 45)), d.GetProperty("due").GetString());
        Assert.False(d.GetProperty("overdue").GetBoolean());
        Assert.Contains("延长 45 日", d.GetProperty("basis").GetString());
        Assert.DoesNotContain((await head.GetFromJsonAsync<List<JsonElement>>("/api/v1/execution/overdue"))!, r => r.GetProperty("caseId").GetInt32() == caseId);
        var html = await (await (await app.SignInAsync("handler")).GetAsync($"/cases/{caseId}/execution")).Content.ReadAsStringAsync();
        Assert.Contains("案情复杂，需鉴定", html);
        Assert.Contains("鉴定延期", html);
    }
}
