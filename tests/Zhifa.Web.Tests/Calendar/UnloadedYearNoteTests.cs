using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Complaints;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Calendar;

/// <summary>
/// A complaint's handling deadline counted into 2027, whose State Council notice is not loaded, says so wherever it is
/// shown: the receipt, the public status page, the staff's list and detail; one due within 2026 says nothing.
/// </summary>
public sealed class UnloadedYearNoteTests(DecemberClockFactory app) : IClassFixture<DecemberClockFactory>
{
    private const string Note2027 = "2027年国务院放假通知尚未载入，法定节假日按《全国年节及纪念日放假办法》推算，调休未计";

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(int Id, JsonElement Receipt)> SubmitAsync()
    {
        int agencyId = await app.AgencyIdAsync(CaseTestData.Health);
        var response = await app.Anonymous().PostAsJsonAsync("/gs/api/v1/complaints",
            new { agencyId, kind = "Report", content = "便江镇某浴室未取得卫生许可证即营业", subject = "浴室无证营业", contactName = "孙某", contactPhone = "13712345678" });
        response.EnsureSuccessStatusCode();
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var number = receipt.GetProperty("receiptNumber").GetString();
        int id = await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.ReceiptNumber == number).Select(c => c.Id).SingleAsync());
        return (id, receipt);
    }

    [Fact]
    public async Task A_complaint_received_on_21_December_2026_is_due_in_2027_and_every_place_showing_the_date_says_the_notice_is_missing()
    {
        app.SetToday(D("2026-12-21"));
        var (id, receipt) = await SubmitAsync();
        Assert.StartsWith("2027-01-", receipt.GetProperty("dueOn").GetString());
        Assert.Equal(Note2027, receipt.GetProperty("calendarNote").GetString());

        var number = receipt.GetProperty("receiptNumber").GetString();
        var status = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/gs/api/v1/complaints/{number}");
        Assert.Equal(Note2027, status.GetProperty("calendarNote").GetString());
        Assert.Contains(Note2027, await app.Anonymous().GetStringAsync($"/gs/complaints/{number}"));

        var staff = await app.SignInAsync("handler");
        Assert.Contains(Note2027, await staff.GetStringAsync($"/complaints/{id}"));
        var api = await app.ApiClientAsync("handler");
        var row = (await api.GetFromJsonAsync<JsonElement>("/api/v1/complaints")).EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(Note2027, row.GetProperty("calendarNote").GetString());
    }

    [Fact]
    public async Task A_complaint_due_within_2026_carries_no_note()
    {
        app.SetToday(D("2026-12-01"));
        var (_, receipt) = await SubmitAsync();
        Assert.StartsWith("2026-12-", receipt.GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("calendarNote").ValueKind);
    }
}
