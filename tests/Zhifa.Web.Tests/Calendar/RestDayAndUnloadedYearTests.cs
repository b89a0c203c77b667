using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Decisions;
using Zhifa.Web.Tests.Execution;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Calendar;

/// <summary>
/// Deadlines as a user sees them at the end of 2026: a calendar-day period ending on a rest day moves to the next
/// working day, and a period reaching into 2027 (whose holiday notice is not loaded) keeps the statutory holidays and says so.
/// </summary>
public sealed class RestDayAndUnloadedYearTests(DecemberClockFactory app) : IClassFixture<DecemberClockFactory>
{
    private const string Note2027 = "2027年国务院放假通知尚未载入，法定节假日按《全国年节及纪念日放假办法》推算，调休未计";

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string At(string day, string time = "10:00") => $"{day}T{time}:00";

    /// <summary>A penalty with a fine of 1,000 yuan decided on 1 December 2026 and its decision served on Friday 4 December.</summary>
    private async Task<(HttpClient Api, int CaseId)> FineServedOnFourDecemberAsync()
    {
        app.SetToday(D("2026-12-01"));
        var api = await app.ApiClientAsync("handler");
        int caseId = (await api.OpenAsync(await app.PenaltyBodyAsync(actEndedOn: D("2026-11-20")))).GetProperty("id").GetInt32();
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice);
        await DecisionTestData.ProposeAsync(app, caseId, "Warning,Fine", 1000m);
        int noticeId = await DecisionTestData.NotifyAsync(api, caseId);
        await DecisionTestData.ServeAsync(api, caseId, noticeId, At("2026-12-01"));
        await DecisionTestData.MoveAsync(api, caseId, CaseSteps.Statement);
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/notices/{noticeId}/waiver", new { waivedAt = At("2026-12-01"), note = "当事人递交书面声明，放弃陈述、申辩和听证的权利" }))
            .EnsureSuccessStatusCode();
        (await DecisionTestData.IssueDecisionAsync(app, caseId)).EnsureSuccessStatusCode();

        app.SetToday(D("2026-12-04"), 11);
        var served = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/services", new Dictionary<string, object?>
        {
            ["documentId"] = await api.DecisionDocumentAsync(caseId), ["method"] = "Direct", ["recipient"] = "刘某",
            ["servedAt"] = At("2026-12-04"), ["place"] = "永兴县便江镇",
        });
        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
        await api.MoveAsync(caseId, CaseSteps.Served);
        return (api, caseId);
    }

    [Fact]
    public async Task A_fine_served_on_Friday_4_December_2026_is_due_on_Monday_21_December_and_paying_then_carries_no_late_fee()
    {
        var (api, caseId) = await FineServedOnFourDecemberAsync();
        app.SetToday(D("2026-12-21"));

        // Day 15 is Saturday 19 December: the party has until Monday (民法典第二百零三条).
        var deadlines = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!;
        var payment = deadlines.Single(d => d.GetProperty("label").GetString()!.StartsWith("缴纳罚款", StringComparison.Ordinal));
        Assert.Equal("2026-12-21", payment.GetProperty("due").GetString());
        Assert.False(payment.GetProperty("overdue").GetBoolean());
        var basis = payment.GetProperty("basis").GetString()!;
        Assert.Contains("（自然日）", basis);
        Assert.Contains("届满日2026年12月19日为休息日，顺延至2026年12月21日（民法典第二百零三条）", basis);
        Assert.False(payment.GetProperty("calendarEstimated").GetBoolean());

        var position = (await api.ExecutionAsync(caseId)).GetProperty("payment");
        Assert.Equal("2026-12-21", position.GetProperty("schedule")[0].GetProperty("due").GetString());
        Assert.Equal(0m, position.Dec("lateFeeYuan"));
        Assert.False(position.GetProperty("overdue").GetBoolean());

        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains("2026年12月21日", html);
        Assert.Contains("届满日2026年12月19日为休息日，顺延至2026年12月21日", html);
        Assert.Contains("届满日2026年12月19日为休息日，顺延至2026年12月21日", await (await page.GetAsync($"/cases/{caseId}/execution")).Content.ReadAsStringAsync());

        // Paid on the Monday: in time, no late fee, even looked at later.
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/payments", new { amountYuan = 1000.00m, paidOn = "2026-12-21", reference = "非税收入票据 0077001" }))
            .EnsureSuccessStatusCode();
        app.SetToday(D("2026-12-31"));
        position = (await api.ExecutionAsync(caseId)).GetProperty("payment");
        Assert.True(position.GetProperty("paidInFull").GetBoolean());
        Assert.Equal(0m, position.Dec("lateFeeYuan"));
    }

    [Fact]
    public async Task The_remedy_periods_ending_in_2027_say_that_the_2027_notice_is_not_loaded()
    {
        var (api, caseId) = await FineServedOnFourDecemberAsync();
        app.SetToday(D("2026-12-10"));

        var deadlines = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/deadlines"))!;
        var review = deadlines.Single(d => d.GetProperty("label").GetString() == "当事人可申请行政复议");
        Assert.Equal("2027-02-02", review.GetProperty("due").GetString()); // sixty days, a Tuesday
        Assert.True(review.GetProperty("calendarEstimated").GetBoolean());
        Assert.Equal(Note2027, review.GetProperty("calendarNote").GetString());
        var litigation = deadlines.Single(d => d.GetProperty("label").GetString() == "当事人可提起行政诉讼");
        Assert.Equal("2027-06-04", litigation.GetProperty("due").GetString());
        Assert.True(litigation.GetProperty("calendarEstimated").GetBoolean());

        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync($"/cases/{caseId}")).Content.ReadAsStringAsync();
        Assert.Contains(Note2027, html);
    }

    [Fact]
    public async Task A_twenty_working_day_publication_from_4_December_2026_is_not_due_on_New_Year_2027_and_its_row_says_the_notice_is_missing()
    {
        app.SetToday(D("2026-12-10"));
        // A decision of a kind published within 20 working days, decided on Friday 4 December 2026.
        var agencyId = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "永兴县卫生健康局").Select(a => a.Id).SingleAsync());
        var task = await app.WithDbAsync(db => db.Set<Publication>().AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.Kind == PublicationKind.Decision && p.TriggeredOn != null
                && (p.Status == PublicationStatus.Draft || p.Status == PublicationStatus.Approving)
                && p.Category != CaseCategory.Penalty && p.Category != CaseCategory.Licensing)
            .OrderBy(p => p.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            foreach (var p in await db.Set<Publication>().Where(p => p.SeriesId == task.SeriesId).ToListAsync()) p.TriggeredOn = D("2026-12-04");
            await db.SaveChangesAsync();
        });

        var api = await app.ApiClientAsync("publicity");
        var view = await api.GetFromJsonAsync<JsonElement>("/api/v1/publicity/deadlines");
        var row = view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "publication"
            && r.GetProperty("publicationId").GetInt32() == task.Id);
        // Weekends only would give Friday 1 January 2027; 元旦 is a statutory holiday, so the 20th working day is Monday 4 January.
        Assert.Equal("2027-01-04", row.GetProperty("dueOn").GetString());
        Assert.Contains("20 个工作日", row.GetProperty("dueRule").GetString());
        Assert.True(row.GetProperty("calendarEstimated").GetBoolean());
        Assert.Equal(Note2027, row.GetProperty("calendarNote").GetString());

        var page = await app.SignInAsync("publicity");
        var html = await (await page.GetAsync("/publicity/deadlines")).Content.ReadAsStringAsync();
        var tr = html[html.LastIndexOf("<tr", html.IndexOf(task.Title, StringComparison.Ordinal), StringComparison.Ordinal)..];
        tr = tr[..tr.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("2027-01-04", tr);
        Assert.DoesNotContain("2027-01-01", tr);
        Assert.Contains(Note2027, tr);
    }

    [Fact]
    public async Task The_calendar_answers_for_2027_with_the_statutory_holidays_and_the_note()
    {
        var api = await app.ApiClientAsync("handler");
        var r = await api.GetFromJsonAsync<JsonElement>("/api/v1/calendar/working-days/add?from=2026-12-04&days=20");
        Assert.Equal("2027-01-04", r.GetProperty("date").GetString());
        Assert.True(r.GetProperty("calendarEstimated").GetBoolean());
        Assert.Equal(Note2027, r.GetProperty("note").GetString());

        app.SetToday(D("2026-12-10"));
        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync("/calendar?From=2026-12-04&Days=20")).Content.ReadAsStringAsync();
        Assert.Contains("2027年1月4日", html);
        Assert.Contains(Note2027, html);
        Assert.Contains("春节 2月5日、2月6日、2月7日、2月8日", html); // the 2027 holidays estimated, listed for the next year
    }
}
