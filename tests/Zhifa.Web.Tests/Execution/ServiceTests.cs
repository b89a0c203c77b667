using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Execution;

/// <summary>LAW-5 art. 61 and LAW-9 through the API and the pages: service records, the 送达回证, the 7-working-day limit, remedies.</summary>
public sealed class ServiceTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_decision_moves_to_served_only_once_its_service_is_recorded_with_a_receipt_and_then_shows_the_remedies()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync();
        var execution = await api.ExecutionAsync(caseId);
        Assert.False(execution.GetProperty("serviceOverdue").GetBoolean());
        Assert.True(execution.GetProperty("serviceDue").GetString()!.CompareTo(Iso(ExecutionTestData.Today)) > 0);

        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Served });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("service.decision_not_served", await refused.Content.ReadAsStringAsync());

        int decision = await api.DecisionDocumentAsync(caseId);
        var left = await api.ServeAsync(caseId, decision, method: "Left");
        var (_, fields, body) = await left.ReadProblemAsync();
        Assert.Equal(["witnesses", "leftReason"], fields);
        Assert.Contains("见证人不能为空", body);
        Assert.Empty((await api.ExecutionAsync(caseId)).GetProperty("services").EnumerateArray());

        var served = await api.ServeAsync(caseId, decision, method: "Left", extra: new { witnesses = "村委会主任王某", leftReason = "当事人拒绝签收，已将文书留置于其住所并拍照" });
        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
        var view = await served.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("留置送达", view.GetProperty("methodLabel").GetString());
        int receipt = view.GetProperty("receiptDocumentId").GetInt32();
        var receiptDoc = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{receipt}");
        Assert.Equal("service-receipt", receiptDoc.GetProperty("typeCode").GetString());
        Assert.Contains("留置送达", receiptDoc.GetProperty("fields").GetProperty("送达方式").GetString());

        await api.MoveAsync(caseId, CaseSteps.Served);
        var deadlines = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!;
        var today = ExecutionTestData.Today;
        // Sixty days, six months and fifteen days from today, each moved to the next working day when it ends on a rest day.
        var cal = await app.CalendarAsync();
        Assert.Contains(deadlines, d => d.GetProperty("label").GetString() == "当事人可申请行政复议" && d.GetProperty("due").GetString() == Iso(LegalPeriods.Reconsideration.EndFrom(today, cal).Last));
        Assert.Contains(deadlines, d => d.GetProperty("label").GetString() == "当事人可提起行政诉讼" && d.GetProperty("due").GetString() == Iso(LegalPeriods.Litigation.EndFrom(today, cal).Last));
        Assert.Contains(deadlines, d => d.GetProperty("label").GetString()!.StartsWith("缴纳罚款（尚欠 1,000.00 元", StringComparison.Ordinal)
            && d.GetProperty("due").GetString() == Iso(LegalPeriods.FinePayment.EndFrom(today, cal).Last));

        var page = await app.SignInAsync("handler");
        var caseHtml = await (await page.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains($"/cases/{caseId}/execution", caseHtml);
        Assert.Contains("当事人可申请行政复议", caseHtml);
        var html = await (await page.GetAsync($"/cases/{caseId}/execution")).Content.ReadAsStringAsync();
        Assert.Contains("村委会主任王某", html);
        Assert.Contains($"/documents/{receipt}", html);
        Assert.Contains("1,000.00 元", html);
    }

    [Fact]
    public async Task A_decision_not_served_within_seven_working_days_is_flagged_and_listed_for_the_head()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync();
        await app.BackdateDecisionAsync(caseId, 20);
        var execution = await api.ExecutionAsync(caseId);
        Assert.True(execution.GetProperty("serviceOverdue").GetBoolean());
        var deadline = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!.Single(d => d.GetProperty("label").GetString() == "送达处罚决定书");
        Assert.True(deadline.GetProperty("overdue").GetBoolean());
        Assert.Contains("工作日", deadline.GetProperty("basis").GetString());

        var head = await app.ApiClientAsync("head");
        var rows = (await head.GetFromJsonAsync<List<JsonElement>>("/api/v1/execution/overdue"))!;
        Assert.Contains(rows, r => r.GetProperty("caseId").GetInt32() == caseId && r.GetProperty("kind").GetString() == "service");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/execution/overdue")).StatusCode);
        var page = await app.SignInAsync("head");
        Assert.Contains("决定书逾期未送达", await (await page.GetAsync("/execution/overdue")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Electronic_service_needs_the_party_s_written_consent_recorded_first()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync();
        int decision = await api.DecisionDocumentAsync(caseId);
        var extra = new { electronicAddress = "liu@example.cn" };
        var (code, fields, _) = await (await api.ServeAsync(caseId, decision, method: "Electronic", extra: extra)).ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Equal(["consentId"], fields);

        var consent = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/service-consents", new { partyName = "刘某", address = "liu@example.cn", signedOn = Iso(ExecutionTestData.Today) });
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        int consentId = (await consent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var served = await api.ServeAsync(caseId, decision, method: "Electronic", extra: new { electronicAddress = "liu@example.cn", consentId });
        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
        await api.MoveAsync(caseId, CaseSteps.Served);
    }

    [Fact]
    public async Task An_announced_service_counts_only_once_the_announcement_period_has_passed()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync();
        int decision = await api.DecisionDocumentAsync(caseId);
        await app.BackdateDecisionAsync(caseId, 10);
        var served = await api.ServeAsync(caseId, decision, daysAgo: 10, method: "Announcement", extra: new { announcementWhere = "永兴县人民政府门户网站" });
        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
        var view = await served.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Iso(ExecutionTestData.Today.AddDays(20)), view.GetProperty("effectiveOn").GetString());
        Assert.False(view.GetProperty("effective").GetBoolean());
        var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { toStep = CaseSteps.Served });
        Assert.Contains("service.decision_not_served", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_records_a_service_and_names_each_missing_field_in_Chinese()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync();
        int decision = await api.DecisionDocumentAsync(caseId);
        await app.BackdateDecisionAsync(caseId, 1);
        var page = await app.SignInAsync("handler");
        var url = $"/cases/{caseId}/execution";
        var bad = await ZhifaFactory.PostFormAsync(page, url, new() { ["Service.DocumentId"] = decision.ToString(CultureInfo.InvariantCulture), ["Service.Method"] = "Post" }, url + "?handler=Service");
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("受送达人不能为空", html);
        Assert.Contains("邮件单号不能为空", html);
        Assert.Contains("送达时间不能为空", html);

        var ok = await ZhifaFactory.PostFormAsync(page, url, new()
        {
            ["Service.DocumentId"] = decision.ToString(CultureInfo.InvariantCulture), ["Service.Method"] = "Post", ["Service.Recipient"] = "刘某",
            ["Service.ServedAt"] = DateTime.UtcNow.AddHours(8).AddMinutes(-2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), ["Service.TrackingNumber"] = "EMS1234567890",
        }, url + "?handler=Service");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("EMS1234567890", await (await page.GetAsync(url)).Content.ReadAsStringAsync());
        await api.MoveAsync(caseId, CaseSteps.Served);
    }

    [Fact]
    public async Task Someone_who_may_only_read_cannot_record_a_service()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync();
        int decision = await api.DecisionDocumentAsync(caseId);
        var supervisor = await app.ApiClientAsync("supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.ServeAsync(caseId, decision)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/cases/{caseId}/execution")).StatusCode);
    }
}
