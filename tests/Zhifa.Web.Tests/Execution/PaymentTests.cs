using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Execution;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Execution;

/// <summary>LAW-7 through the API and the pages: due date, late fee as of today to the fen, payments, deferral and instalments approved by the head.</summary>
public sealed class PaymentTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A case with a fine, its decision served <paramref name="servedDaysAgo"/> days ago and the case at 送达.</summary>
    private async Task<(HttpClient Api, int CaseId)> ServedAsync(decimal fine, int servedDaysAgo)
    {
        var (api, caseId) = await app.DecidedPenaltyAsync(fine);
        int decision = await api.DecisionDocumentAsync(caseId);
        await app.BackdateDecisionAsync(caseId, servedDaysAgo + 2);
        var r = await api.ServeAsync(caseId, decision, daysAgo: servedDaysAgo);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        await api.MoveAsync(caseId, CaseSteps.Served);
        return (api, caseId);
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient api, int caseId, string amount, DateOnly on, string reference = "非税收入票据 0012345")
        => api.PostAsJsonAsync($"/api/v1/cases/{caseId}/payments", new Dictionary<string, object> { ["amountYuan"] = decimal.Parse(amount, CultureInfo.InvariantCulture), ["paidOn"] = Iso(on), ["reference"] = reference });

    [Fact]
    public async Task An_overdue_fine_shows_its_late_fee_as_of_today_to_the_fen_and_payments_settle_fine_then_late_fee()
    {
        // Served 30 days ago: due 15 days ago (later when that day was a rest day), so with 15 days 3 % of 1,234.56 a day = 555.552 → 555.55.
        var (api, caseId) = await ServedAsync(1234.56m, 30);
        var due = PaymentRules.DueOn(ExecutionTestData.Today.AddDays(-30), await app.CalendarAsync()).Last;
        int late = ExecutionTestData.Today.DayNumber - due.DayNumber;
        decimal fee = ExecutionTestData.LateFee(1234.56m, late);
        Assert.Equal(late == 15, fee == 555.55m);
        var p = (await api.ExecutionAsync(caseId)).GetProperty("payment");
        Assert.Equal(Iso(due), p.GetProperty("schedule")[0].GetProperty("due").GetString());
        Assert.True(p.GetProperty("overdue").GetBoolean());
        Assert.Equal(late, p.GetProperty("daysOverdue").GetInt32());
        Assert.Equal(fee, p.Dec("lateFeeYuan"));
        Assert.Equal(1234.56m + fee, p.Dec("totalOutstandingYuan"));

        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync($"/cases/{caseId}/execution")).Content.ReadAsStringAsync();
        Assert.Contains($"{PaymentRules.Yuan(1234.56m + fee)} 元", html);
        Assert.Contains($"{PaymentRules.Yuan(fee)} 元", html);

        var head = await app.ApiClientAsync("head");
        var row = (await head.GetFromJsonAsync<List<JsonElement>>("/api/v1/execution/overdue"))!.Single(r => r.GetProperty("caseId").GetInt32() == caseId);
        Assert.Equal("payment", row.GetProperty("kind").GetString());
        Assert.Contains(PaymentRules.Yuan(fee), row.GetProperty("detail").GetString());

        var (_, fields, _) = await (await PayAsync(api, caseId, "100.001", ExecutionTestData.Today, "")).ReadProblemAsync();
        Assert.Equal(["reference", "amountYuan"], fields);
        Assert.Contains("amountYuan", (await (await PayAsync(api, caseId, "5000.00", ExecutionTestData.Today)).ReadProblemAsync()).Fields);

        // The fine paid today: the late fee stops, with today counted.
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(api, caseId, "1234.56", ExecutionTestData.Today)).StatusCode);
        p = (await api.ExecutionAsync(caseId)).GetProperty("payment");
        Assert.Equal(0m, p.Dec("principalOutstandingYuan"));
        Assert.Equal(fee, p.Dec("lateFeeOutstandingYuan"));
        Assert.False(p.GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(api, caseId, fee.ToString("0.00", CultureInfo.InvariantCulture), ExecutionTestData.Today)).StatusCode);
        p = (await api.ExecutionAsync(caseId)).GetProperty("payment");
        Assert.True(p.GetProperty("paidInFull").GetBoolean());
        Assert.DoesNotContain((await head.GetFromJsonAsync<List<JsonElement>>("/api/v1/execution/overdue"))!, r => r.GetProperty("caseId").GetInt32() == caseId);
    }

    [Fact]
    public async Task A_fine_paid_within_fifteen_days_of_service_carries_no_late_fee()
    {
        var (api, caseId) = await ServedAsync(500m, 10);
        Assert.Equal(HttpStatusCode.Created, (await PayAsync(api, caseId, "500.00", ExecutionTestData.Today.AddDays(-3))).StatusCode);
        var p = (await api.ExecutionAsync(caseId)).GetProperty("payment");
        Assert.Equal(0m, p.Dec("lateFeeYuan"));
        Assert.True(p.GetProperty("paidInFull").GetBoolean());
    }

    [Fact]
    public async Task A_deferral_approved_by_the_head_moves_the_due_date_and_stops_the_late_fee()
    {
        // Served 30 days ago: overdue since day 15 (or the working day after it), 30 yuan a day.
        var (api, caseId) = await ServedAsync(1000m, 30);
        var due = PaymentRules.DueOn(ExecutionTestData.Today.AddDays(-30), await app.CalendarAsync()).Last;
        decimal fee = ExecutionTestData.LateFee(1000m, ExecutionTestData.Today.DayNumber - due.DayNumber);
        Assert.True(fee > 0);
        Assert.Equal(fee, (await api.ExecutionAsync(caseId)).GetProperty("payment").Dec("lateFeeYuan"));

        var deferTo = ExecutionTestData.Today.AddDays(30);
        var applied = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/payment-arrangements", new { kind = "Deferral", reason = "经营困难，申请暂缓缴纳", deferredTo = Iso(deferTo) });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        int id = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // Pending: nothing moves yet, a second application waits, and the handler cannot approve.
        Assert.Equal(fee, (await api.ExecutionAsync(caseId)).GetProperty("payment").Dec("lateFeeYuan"));
        Assert.Contains("arrangement.pending", await (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/payment-arrangements", new { kind = "Deferral", reason = "再次申请", deferredTo = Iso(deferTo) })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/payment-arrangements/{id}/decision", new { approve = true })).StatusCode);

        var head = await app.ApiClientAsync("head");
        Assert.Equal(["note"], (await (await head.PostAsJsonAsync($"/api/v1/payment-arrangements/{id}/decision", new { approve = false })).ReadProblemAsync()).Fields);
        (await head.PostAsJsonAsync($"/api/v1/payment-arrangements/{id}/decision", new { approve = true, note = "同意暂缓" })).EnsureSuccessStatusCode();
        var p = (await api.ExecutionAsync(caseId)).GetProperty("payment");
        Assert.Equal(Iso(deferTo), Assert.Single(p.GetProperty("schedule").EnumerateArray()).GetProperty("due").GetString());
        Assert.Equal(0m, p.Dec("lateFeeYuan"));
        Assert.False(p.GetProperty("overdue").GetBoolean());
        Assert.Contains("暂缓缴纳", p.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Instalments_must_add_up_to_the_fine_and_once_approved_on_the_page_replace_the_due_date()
    {
        var (api, caseId) = await ServedAsync(1000m, 5);
        var first = ExecutionTestData.Today.AddDays(20);
        var second = ExecutionTestData.Today.AddDays(50);
        var bad = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/payment-arrangements", new
        {
            kind = "Instalments", reason = "分期缴纳",
            instalments = new[] { new { due = Iso(first), amountYuan = 400.00m }, new { due = Iso(second), amountYuan = 500.00m } },
        });
        var (_, fields, body) = await bad.ReadProblemAsync();
        Assert.Equal(["instalments"], fields);
        Assert.Contains("900.00", body);

        var page = await app.SignInAsync("handler");
        var url = $"/cases/{caseId}/execution";
        var posted = await ZhifaFactory.PostFormAsync(page, url, new()
        {
            ["Arrangement.Kind"] = "Instalments", ["Arrangement.Reason"] = "家庭经济困难",
            ["Arrangement.Instalments[0].Due"] = Iso(first), ["Arrangement.Instalments[0].AmountYuan"] = "400.00",
            ["Arrangement.Instalments[1].Due"] = Iso(second), ["Arrangement.Instalments[1].AmountYuan"] = "600.00",
        }, url + "?handler=Arrangement");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        int id = (await api.ExecutionAsync(caseId)).GetProperty("arrangements")[0].GetProperty("id").GetInt32();

        var headPage = await app.SignInAsync("head");
        var html = await (await headPage.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("家庭经济困难", html);
        var approved = await ZhifaFactory.PostFormAsync(headPage, url, new() { ["approve"] = "true", ["Note"] = "同意分两期" }, $"{url}?handler=Decide&arrangementId={id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var schedule = (await api.ExecutionAsync(caseId)).GetProperty("payment").GetProperty("schedule").EnumerateArray().Select(i => i.GetProperty("due").GetString()).ToList();
        Assert.Equal([Iso(first), Iso(second)], schedule);
    }

    [Fact]
    public async Task A_decision_without_a_fine_needs_no_payment_and_refuses_one()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync(fineYuan: null);
        await api.ServeDecisionAsync(caseId);
        var e = await api.ExecutionAsync(caseId);
        Assert.False(e.GetProperty("paymentRequired").GetBoolean());
        var (_, fields, body) = await (await PayAsync(api, caseId, "100.00", ExecutionTestData.Today)).ReadProblemAsync();
        Assert.Equal(["amountYuan"], fields);
        Assert.Contains("无需缴纳", body);
    }
}
