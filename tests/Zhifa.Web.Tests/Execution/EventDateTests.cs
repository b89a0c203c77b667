using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Execution;

/// <summary>
/// 行政强制法第五十四条、第六十九条 and the event-date rule through the pipeline: the court is asked only ten working days
/// after the 催告书 was served, and a service or payment is dated neither before what it follows nor in the future.
/// </summary>
public sealed class EventDateTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static readonly WorkingDayCalendar Calendar = new(CalendarService.ShippedYears);

    private static DateOnly Today => ExecutionTestData.Today;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How many days ago the demand was served when today is the <paramref name="workingDays"/>-th working day after its service.</summary>
    private static int DaysAgoForWorkingDays(int workingDays)
    {
        int counted = 0, back = 0;
        while (true)
        {
            if (Calendar.IsWorkingDay(Today.AddDays(-back)) && ++counted == workingDays) return back + 1;
            back++;
        }
    }

    private static async Task<List<(string Field, string Code, string Message)>> ErrorsAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var (_, _, body) = await r.ReadProblemAsync();
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!)).ToList();
    }

    /// <summary>A fine whose decision was served 200 days ago (review and litigation periods over) and whose 催告书 was served <paramref name="demandDaysAgo"/> days ago.</summary>
    private async Task<(HttpClient Api, int CaseId)> DemandServedAsync(int demandDaysAgo)
    {
        var (api, caseId) = await app.DecidedPenaltyAsync(1000m);
        int decision = await api.DecisionDocumentAsync(caseId);
        await app.BackdateDecisionAsync(caseId, 202);
        Assert.Equal(HttpStatusCode.Created, (await api.ServeAsync(caseId, decision, daysAgo: 200)).StatusCode);
        await api.MoveAsync(caseId, CaseSteps.Served);
        var demand = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/demand-notices", new { deadline = Iso(Today.AddDays(10)) });
        Assert.Equal(HttpStatusCode.Created, demand.StatusCode);
        int demandId = (await demand.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await app.BackdateDocumentAsync(demandId, demandDaysAgo + 1);
        Assert.Equal(HttpStatusCode.Created, (await api.ServeAsync(caseId, demandId, daysAgo: demandDaysAgo)).StatusCode);
        return (api, caseId);
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient api, int caseId)
        => api.PostAsJsonAsync($"/api/v1/cases/{caseId}/enforcement-applications", new { appliedOn = Iso(Today), court = "永兴县人民法院", reference = "" });

    private static async Task<int> ApplicationCountAsync(HttpClient api, int caseId)
        => (await api.ExecutionAsync(caseId)).GetProperty("applications").GetArrayLength();

    [Fact]
    public async Task An_application_four_working_days_after_the_demand_was_served_is_refused_naming_the_day_after_the_tenth_working_day()
    {
        int daysAgo = DaysAgoForWorkingDays(4);
        var servedOn = Today.AddDays(-daysAgo);
        var earliest = Calendar.AddWorkingDays(servedOn, 10).Date.AddDays(1);
        var (api, caseId) = await DemandServedAsync(daysAgo);

        var window = (await api.ExecutionAsync(caseId)).GetProperty("enforcement");
        Assert.Equal(Iso(earliest), window.GetProperty("opens").GetString());
        Assert.Equal("行政强制法第五十四条、第六十九条：催告书送达十个工作日后", window.GetProperty("opensBasis").GetString());
        Assert.False(window.GetProperty("openToday").GetBoolean());

        var error = Assert.Single(await ErrorsAsync(await ApplyAsync(api, caseId)));
        Assert.Equal(("appliedOn", "demand.ten_days"), (error.Field, error.Code));
        Assert.Contains($"最早为 {Iso(earliest)}", error.Message);
        Assert.Equal(0, await ApplicationCountAsync(api, caseId));

        var html = await (await (await app.SignInAsync("handler")).GetAsync($"/cases/{caseId}/execution")).Content.ReadAsStringAsync();
        Assert.Contains($"最早申请日 {Iso(earliest)}", html);
        Assert.Contains("行政强制法第五十四条、第六十九条：催告书送达十个工作日后", html);
    }

    [Fact]
    public async Task The_page_refuses_an_early_application_beside_its_date_and_accepts_one_once_ten_working_days_have_passed()
    {
        int daysAgo = DaysAgoForWorkingDays(4);
        var earliest = Calendar.AddWorkingDays(Today.AddDays(-daysAgo), 10).Date.AddDays(1);
        var (api, caseId) = await DemandServedAsync(daysAgo);
        var page = await app.SignInAsync("handler");
        var url = $"/cases/{caseId}/execution";
        var form = new Dictionary<string, string> { ["Enforcement.AppliedOn"] = Iso(Today), ["Enforcement.Court"] = "永兴县人民法院" };

        var refused = await ZhifaFactory.PostFormAsync(page, url, form, url + "?handler=Enforcement");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches(new Regex($"id=\"Enforcement_AppliedOn\"[^>]*/><span class=\"text-danger small\">催告书送达十个工作日后方可申请：最早为 {Iso(earliest)}"), html);
        Assert.Equal(0, await ApplicationCountAsync(api, caseId));

        // Another case whose demand was served eleven working days ago: the ten have passed.
        (api, caseId) = await DemandServedAsync(DaysAgoForWorkingDays(11));
        url = $"/cases/{caseId}/execution";
        Assert.True((await api.ExecutionAsync(caseId)).GetProperty("enforcement").GetProperty("openToday").GetBoolean());
        var accepted = await ZhifaFactory.PostFormAsync(page, url, form, url + "?handler=Enforcement");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, await ApplicationCountAsync(api, caseId));
    }

    [Fact]
    public async Task The_API_accepts_an_application_once_ten_working_days_have_passed_since_the_demand_was_served()
    {
        var (api, caseId) = await DemandServedAsync(DaysAgoForWorkingDays(11));
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(api, caseId)).StatusCode);
        Assert.Equal(1, await ApplicationCountAsync(api, caseId));
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient api, int caseId, DateOnly on)
        => api.PostAsJsonAsync($"/api/v1/cases/{caseId}/payments", new { amountYuan = 100.00m, paidOn = Iso(on), reference = "非税收入票据 0012345" });

    [Fact]
    public async Task A_payment_dated_before_the_decision_was_served_or_tomorrow_is_refused_naming_the_field_and_nothing_is_recorded()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync(1000m);
        int decision = await api.DecisionDocumentAsync(caseId);
        await app.BackdateDecisionAsync(caseId, 12);
        Assert.Equal(HttpStatusCode.Created, (await api.ServeAsync(caseId, decision, daysAgo: 10)).StatusCode);
        var servedOn = Today.AddDays(-10);

        // Decided 12 days ago, served 10 days ago: 11 days ago is after the decision but before its service.
        var early = Assert.Single(await ErrorsAsync(await PayAsync(api, caseId, servedOn.AddDays(-1))));
        Assert.Equal(("paidOn", "date.before_predecessor"), (early.Field, early.Code));
        Assert.Equal($"缴款日期不能早于决定书送达之日：最早为 {Iso(servedOn)}", early.Message);

        var future = Assert.Single(await ErrorsAsync(await PayAsync(api, caseId, Today.AddDays(1))));
        Assert.Equal(("paidOn", "date.in_future"), (future.Field, future.Code));
        Assert.Contains(Iso(Today), future.Message);
        Assert.Empty((await api.ExecutionAsync(caseId)).GetProperty("payments").EnumerateArray());

        var page = await app.SignInAsync("handler");
        var url = $"/cases/{caseId}/execution";
        var html = await (await ZhifaFactory.PostFormAsync(page, url, new()
        {
            ["Payment.AmountYuan"] = "100.00", ["Payment.PaidOn"] = Iso(servedOn.AddDays(-1)), ["Payment.Reference"] = "非税收入票据 0012345",
        }, url + "?handler=Payment")).Content.ReadAsStringAsync();
        Assert.Matches(new Regex($"id=\"Payment_PaidOn\"[^>]*/><span class=\"text-danger small\">缴款日期不能早于决定书送达之日：最早为 {Iso(servedOn)}"), html);

        Assert.Equal(HttpStatusCode.Created, (await PayAsync(api, caseId, servedOn)).StatusCode);
        Assert.Single((await api.ExecutionAsync(caseId)).GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task A_service_dated_before_its_document_was_made_or_tomorrow_is_refused_naming_the_field_and_no_receipt_is_made()
    {
        var (api, caseId) = await app.DecidedPenaltyAsync(1000m);
        int decision = await api.DecisionDocumentAsync(caseId);
        await app.BackdateDecisionAsync(caseId, 3);
        var made = ExecutionTestData.ChinaTime(3).AddHours(-1); // BackdateDecisionAsync: 09:00 China time three days ago

        var early = Assert.Single(await ErrorsAsync(await api.ServeAsync(caseId, decision, daysAgo: 4)));
        Assert.Equal(("servedAt", "date.before_predecessor"), (early.Field, early.Code));
        Assert.Equal($"送达时间不能早于文书制作时间：最早为 {made.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}", early.Message);

        var future = Assert.Single(await ErrorsAsync(await api.ServeAsync(caseId, decision, daysAgo: -1)));
        Assert.Equal(("servedAt", "date.in_future"), (future.Field, future.Code));

        var execution = await api.ExecutionAsync(caseId);
        Assert.Empty(execution.GetProperty("services").EnumerateArray());
        var documents = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/documents"))!;
        Assert.DoesNotContain(documents, d => d.GetProperty("typeCode").GetString() == "service-receipt");
    }
}
