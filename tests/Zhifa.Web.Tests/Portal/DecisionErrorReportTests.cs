using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;
using static Zhifa.Web.Tests.Portal.PortalTestData;

namespace Zhifa.Web.Tests.Portal;

/// <summary>PUB-10: a member of the public reports an error; it reaches the owner unit with its due date and is answered there.</summary>
public sealed class DecisionErrorReportTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Contact = "13700001111";

    [Fact]
    public async Task A_report_on_the_portal_reaches_the_owner_unit_with_its_due_date_and_the_reporter_keeps_a_receipt()
    {
        var p = await PublishAsync(app, Health, x => x.Title = "纠错测试决定");
        var anonymous = app.Anonymous();
        var posted = await ZhifaFactory.PostFormAsync(anonymous, $"/gs/decisions/{p.SeriesId}/report",
            new() { ["Input.Content"] = "决定书中当事人名称有错别字", ["Input.Contact"] = Contact, ["Input.Website"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches($"^/gs/decisions/{p.SeriesId}/report/JC\\d{{8}}-[2-9A-Z]{{8}}$", location);

        var thanks = await (await anonymous.GetAsync(location)).Content.ReadAsStringAsync();
        var receipt = location[(location.LastIndexOf('/') + 1)..];
        Assert.Contains(receipt, thanks, StringComparison.Ordinal);
        Assert.DoesNotContain(Contact, thanks, StringComparison.Ordinal);

        var row = await app.WithDbAsync(db => db.Set<PublicationErrorReport>().AsNoTracking().SingleAsync(r => r.ReceiptNumber == receipt));
        Assert.Equal((p.Id, p.AgencyId, p.UnitId, ErrorReportStatus.Pending), (row.PublicationId, row.AgencyId, row.UnitId, row.Status));
        var calendar = await app.WithDbAsync(async _ => await ((CalendarService)app.Services.GetService(typeof(CalendarService))!).GetAsync());
        var due = PublicationErrorReportRules.DueOn(calendar, CaseService.ChinaDay(row.ReceivedAt));
        Assert.Contains(due.ToString("yyyy-MM-dd"), thanks, StringComparison.Ordinal);

        var staff = await app.SignInAsync("publicity");
        var list = await (await staff.GetAsync("/publicity/error-reports")).Content.ReadAsStringAsync();
        Assert.Contains(receipt, list, StringComparison.Ordinal);
        Assert.Contains("决定书中当事人名称有错别字", list, StringComparison.Ordinal);
        Assert.Contains(due.ToString("yyyy-MM-dd"), list, StringComparison.Ordinal);
        Assert.Contains(Contact, list, StringComparison.Ordinal);

        var other = await app.ApiClientAsync("yj.admin");
        var foreign = await other.GetFromJsonAsync<JsonElement>("/api/v1/publication-error-reports");
        Assert.DoesNotContain(foreign.EnumerateArray(), r => r.GetProperty("receiptNumber").GetString() == receipt);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/publication-error-reports/{row.Id}")).StatusCode);

        var api = await app.ApiClientAsync("publicity");
        var bad = await api.PostAsJsonAsync($"/api/v1/publication-error-reports/{row.Id}/resolve", new { status = "Pending", reply = "" });
        Assert.Equal(["status", "reply"], (await bad.ReadProblemAsync()).Fields);
        var ok = await api.PostAsJsonAsync($"/api/v1/publication-error-reports/{row.Id}/resolve", new { status = "Corrected", reply = "已更正并发布新版本" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var resolved = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Corrected", "已更正"), (resolved.GetProperty("status").GetString(), resolved.GetProperty("statusLabel").GetString()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == Features.Publicity.DecisionErrorReportService.ContactViewedAction)));
    }

    [Fact]
    public async Task An_overdue_report_is_marked_in_red_and_a_bad_report_is_refused_naming_the_field()
    {
        var p = await PublishAsync(app, Health, x => x.Title = "逾期纠错测试决定");
        await app.WithDbAsync(async db =>
        {
            db.Add(new PublicationErrorReport
            {
                PublicationId = p.Id, SeriesId = p.SeriesId, AgencyId = p.AgencyId, UnitId = p.UnitId, ReceiptNumber = "JC20260101-OVERDUE2",
                Content = "罚款金额有误", ReceivedAt = DateTime.UtcNow.AddDays(-30), Status = ErrorReportStatus.Pending,
            });
            await db.SaveChangesAsync();
        });
        var staff = await app.SignInAsync("publicity");
        var html = await (await staff.GetAsync("/publicity/error-reports?overdue=true")).Content.ReadAsStringAsync();
        Assert.Contains("JC20260101-OVERDUE2", html, StringComparison.Ordinal);
        Assert.Contains("table-danger", html, StringComparison.Ordinal);

        var anonymous = app.Anonymous();
        var refused = await anonymous.PostAsJsonAsync($"/gs/api/v1/decisions/{p.SeriesId}/error-reports", new { content = "", contact = new string('1', 101) });
        Assert.Equal(["content", "contact"], (await refused.ReadProblemAsync()).Fields);
        var page = await ZhifaFactory.PostFormAsync(anonymous, $"/gs/decisions/{p.SeriesId}/report", new() { ["Input.Content"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("错误内容不能为空", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await anonymous.PostAsJsonAsync($"/gs/api/v1/decisions/{p.SeriesId}/error-reports", new { content = "文号与原件不一致" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/gs/api/v1/decisions/999999/error-reports", new { content = "文号与原件不一致" })).StatusCode);
    }
}

/// <summary>An error report on agency B's decision, for the scope test of the staff routes.</summary>
public sealed class ErrorReportScopeProbe : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var p = await PublishAsync(app, Health, x => x.Title = "范围测试决定");
        int id = await app.WithDbAsync(async db =>
        {
            var r = new PublicationErrorReport
            {
                PublicationId = p.Id, SeriesId = p.SeriesId, AgencyId = p.AgencyId, UnitId = p.UnitId,
                ReceiptNumber = PublicationErrorReportRules.NewReceiptNumber(Today), Content = "范围测试", ReceivedAt = DateTime.UtcNow,
            };
            db.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return new Dictionary<string, string> { ["errorReportId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
