using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Portal.PortalTestData;

namespace Zhifa.Web.Tests.Portal;

/// <summary>The error-report table's refusals through the pipeline: 403 for a supervising agency, 409 while a condition is unmet, on the API and the page.</summary>
public sealed class ErrorReportRefusalTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<int> ReportAsync()
    {
        var p = await PublishAsync(app, Health, x => x.Title = "纠错拒绝测试决定");
        var created = await app.Anonymous().PostAsJsonAsync($"/gs/api/v1/decisions/{p.SeriesId}/error-reports", new { content = "罚款金额与决定书原件不一致" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();
        return await app.WithDbAsync(db => db.Set<PublicationErrorReport>().Where(r => r.ReceiptNumber == receipt).Select(r => r.Id).SingleAsync());
    }

    private Task<ErrorReportStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Set<PublicationErrorReport>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task A_supervising_agency_may_not_close_a_report_on_the_api_or_the_page()
    {
        int id = await ReportAsync();
        var refused = await (await app.ApiClientAsync("supervisor")).PostAsJsonAsync($"/api/v1/publication-error-reports/{id}/resolve",
            new { status = "Rejected", reply = "不属于错误" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("errorreports.actor.not_agency_staff", (await refused.ReadProblemAsync()).Body, StringComparison.Ordinal);

        var page = await ZhifaFactory.PostFormAsync(await app.SignInAsync("supervisor"), "/publicity/error-reports",
            new() { ["ReportId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Resolution"] = "Rejected", ["Reply"] = "不属于错误" });
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("只有本机关人员可以处理该纠错", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ErrorReportStatus.Pending, await StatusAsync(id));
    }

    [Fact]
    public async Task Closing_a_report_without_a_reply_is_a_conflict_on_the_api_and_the_page()
    {
        int id = await ReportAsync();
        var refused = await (await app.ApiClientAsync("publicity")).PostAsJsonAsync($"/api/v1/publication-error-reports/{id}/resolve",
            new { status = "Corrected", reply = "" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var (code, fields, _) = await refused.ReadProblemAsync();
        Assert.Equal("conditions_unmet", code);
        Assert.Equal(["reply"], fields);

        var page = await ZhifaFactory.PostFormAsync(await app.SignInAsync("publicity"), "/publicity/error-reports",
            new() { ["ReportId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Resolution"] = "Corrected", ["Reply"] = " " });
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("答复不能为空", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ErrorReportStatus.Pending, await StatusAsync(id));
    }
}
