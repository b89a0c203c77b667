using System.Net;
using System.Net.Http.Json;
using System.Text;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Calendar;

public sealed class WorkingDayApiTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private sealed record AddResult(string From, int Days, string Date, bool UsedYearsWithoutData, List<int> YearsWithoutData, string Note, bool CalendarEstimated);

    [Fact]
    public async Task Five_working_days_after_the_eve_of_National_Day_2026_skip_the_golden_week()
    {
        var client = await app.ApiClientAsync("handler");
        var r = await client.GetFromJsonAsync<AddResult>("/api/v1/calendar/working-days/add?from=2026-09-30&days=5");
        // 10-01..10-07 are off; Sunday 09-20 and Saturday 10-10 are make-up workdays: 10-08, 10-09, 10-10, 10-12, 10-13.
        Assert.Equal("2026-10-13", r!.Date);
        Assert.False(r.UsedYearsWithoutData);
    }

    [Fact]
    public async Task A_date_in_a_year_without_its_notice_keeps_the_statutory_holidays_and_says_so()
    {
        var client = await app.ApiClientAsync("handler");
        var r = await client.GetFromJsonAsync<AddResult>("/api/v1/calendar/working-days/add?from=2027-03-01&days=5");
        Assert.Equal("2027-03-08", r!.Date);
        Assert.True(r.UsedYearsWithoutData);
        Assert.True(r.CalendarEstimated);
        Assert.Equal([2027], r.YearsWithoutData);
        Assert.Contains("《全国年节及纪念日放假办法》推算，调休未计", r.Note);

        // 清明 2027 is Monday 5 April (the solar term): two working days after Friday 2 April are 6 and 7 April.
        var qingming = await client.GetFromJsonAsync<AddResult>("/api/v1/calendar/working-days/add?from=2027-04-02&days=2");
        Assert.Equal("2027-04-07", qingming!.Date);
    }

    [Fact]
    public async Task Bad_parameters_are_refused_naming_each_field()
    {
        var client = await app.ApiClientAsync("handler");
        var response = await client.GetAsync("/api/v1/calendar/working-days/add?from=2026-13-01&days=-1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, _) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Equal(["from", "days"], fields);
    }

    [Fact]
    public async Task The_administrator_loads_2027_and_deadlines_use_it()
    {
        // Its own application: loading a year changes what the other tests compute.
        await using var app = new ZhifaFactory();
        await app.InitializeAsync();
        var admin = await app.ApiClientAsync("admin");
        const string json = """{"year":2027,"papers":[],"days":[{"name":"测试假日","date":"2027-03-02","isOffDay":true}]}""";
        var bad = await admin.PutAsync("/api/v1/calendar/years/2027", new StringContent("""{"year":2027,"days":[{"date":"2027-02-30","name":"x","isOffDay":true}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var (_, fields, body) = await bad.ReadProblemAsync();
        Assert.Contains("days[0].date", body);

        var handler = await app.ApiClientAsync("handler");
        var refused = await handler.PutAsync("/api/v1/calendar/years/2027", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var ok = await admin.PutAsync("/api/v1/calendar/years/2027", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var r = await handler.GetFromJsonAsync<AddResult>("/api/v1/calendar/working-days/add?from=2027-03-01&days=5");
        Assert.Equal("2027-03-09", r!.Date);
        Assert.False(r.UsedYearsWithoutData);
    }

    [Fact]
    public async Task The_calendar_page_computes_a_deadline()
    {
        var client = await app.SignInAsync("handler");
        var html = await (await client.GetAsync("/calendar?From=2026-02-13&Days=3")).Content.ReadAsStringAsync();
        // Spring Festival 2026: 02-15..02-23 off, Saturday 02-14 and 02-28 make-up days: 02-14, 02-24, 02-25.
        Assert.Contains("2026年2月25日", html);
    }
}
