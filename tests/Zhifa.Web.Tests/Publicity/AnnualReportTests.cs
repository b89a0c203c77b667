using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhifa.Domain.Decisions;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-8 统计年报: generated from the year's data, through the approval chain, onto the portal with its charts and downloads.</summary>
public sealed class AnnualReportTests(ReportClockFactory app) : IClassFixture<ReportClockFactory>
{
    private sealed record Figures(int Year, string Agency, int Cases, int FineCount, decimal FineTotalYuan, int Reviews, int PublicationsOwed,
        int PublicationsMissing, int CorrectionBase);
    private sealed record View(int AgencyId, int Year, int? PublicationId, int? SeriesId, int? Version, string? Status, bool FiguresGenerated,
        bool YearFinished, DateOnly DueOn, bool Overdue, string? PortalUrl, Figures Figures);

    private static int Year => ReportClockFactory.DemoYear;

    private static decimal Number(object value) => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_report_is_generated_from_the_data_approved_by_the_chain_and_published_on_the_portal_without_personal_data()
    {
        var b = await app.AgencyAsync();
        var (cases, fines, parties) = await app.WithDbAsync(async db =>
        {
            var opened = await db.Cases.Where(c => c.AgencyId == b.Id).Select(c => c.OpenedAt).ToListAsync();
            var decided = await db.Set<Decision>().Where(d => d.AgencyId == b.Id).Select(d => new { d.IssuedAt, d.FineYuan }).ToListAsync();
            var names = await db.Parties.Where(p => p.AgencyId == b.Id).Select(p => p.Name).ToListAsync();
            return (opened.Count(o => o.AddHours(8).Year == Year),
                decided.Where(d => d.IssuedAt.AddHours(8).Year == Year && d.FineYuan > 0).Select(d => d.FineYuan!.Value).ToList(), names);
        });
        Assert.True(cases > 0);
        var publicity = await app.ApiClientAsync("publicity");
        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/agencies/{b.Id}/reports/{Year}")).StatusCode);

        var generated = await publicity.PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year}/generate", null);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var view = (await generated.Content.ReadFromJsonAsync<View>())!;
        Assert.Equal(("Draft", true, true, 1), (view.Status, view.FiguresGenerated, view.YearFinished, view.Version));
        Assert.Equal(new DateOnly(Year + 1, 1, 31), view.DueOn);
        Assert.Equal(cases, view.Figures.Cases);
        Assert.Equal((fines.Count, fines.Sum()), (view.Figures.FineCount, view.Figures.FineTotalYuan));
        Assert.True(view.Figures.CorrectionBase > 0); // the demo's decisions each have a publication task

        // The chain of the agency: prepared → 分管领导 → 主要负责人; the head's sign-off releases it.
        int id = view.PublicationId!.Value;
        Assert.Equal(HttpStatusCode.OK, (await publicity.PostAsJsonAsync($"/api/v1/publications/{id}/submit", new { note = "年报数据已核对" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync("deputy")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/publications/{id}/approve", new { note = "同意发布" })).StatusCode);
        view = (await publicity.GetFromJsonAsync<View>($"/api/v1/agencies/{b.Id}/annual-reports/{Year}"))!;
        Assert.Equal(("Published", $"/gs/agencies/{b.Id}/reports/{Year}"), (view.Status, view.PortalUrl));

        var page = await anonymous.GetAsync(view.PortalUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"{ReportClockFactory.AgencyB} {Year} 年度行政执法统计年报", html);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "<svg "));
        Assert.Contains($"<tr><th scope=\"row\" class=\"w-25\">立案（受理）案件</th><td>{cases}</td></tr>", html);
        Assert.DoesNotContain("<script", html.Split("report-summary")[1].Split("</main>")[0]);
        foreach (var name in parties) Assert.DoesNotContain(name, html);

        var docx = await anonymous.GetAsync($"/gs/agencies/{b.Id}/reports/{Year}/docx");
        Assert.Equal(DocumentWord.ContentType, docx.Content.Headers.ContentType?.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Contains($"{Year} 年度行政执法统计年报", DocumentWord.ReadText(bytes));
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            Assert.Equal(4, doc.MainDocumentPart!.ChartParts.Count());
        foreach (var name in parties) Assert.DoesNotContain(name, DocumentWord.ReadText(bytes));

        using var xlsx = new MemoryStream(await (await anonymous.GetAsync($"/gs/agencies/{b.Id}/reports/{Year}/xlsx")).Content.ReadAsByteArrayAsync());
        var indicators = xlsx.Query(useHeaderRow: true, sheetName: "主要指标").Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["指标"], r => Number(r["数值"]));
        Assert.Equal(cases, indicators["立案（受理）案件数"]);
        Assert.Equal(fines.Sum(), indicators["罚款总额（元）"]);

        var open = (await anonymous.GetFromJsonAsync<Figures>($"/gs/api/v1/agencies/{b.Id}/reports/{Year}"))!;
        Assert.Equal(cases, open.Cases);

        // Once released it is no longer owed; a correction is a new version, and the portal keeps the released one meanwhile.
        var deadlines = await (await app.ApiClientAsync("publicity")).GetStringAsync($"/api/v1/publicity/deadlines?agencyId={b.Id}");
        Assert.DoesNotContain("\"kind\":\"annual-report\"", deadlines);
        var corrected = (await (await publicity.PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year}/generate", null)).Content.ReadFromJsonAsync<View>())!;
        Assert.Equal((2, "Draft", view.SeriesId), (corrected.Version, corrected.Status, corrected.SeriesId));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(view.PortalUrl)).StatusCode);
    }

    [Fact]
    public async Task A_report_of_an_unfinished_year_or_out_of_range_is_refused_naming_the_field_and_others_may_not_generate()
    {
        var b = await app.AgencyAsync();
        var publicity = await app.ApiClientAsync("publicity");
        var future = await publicity.GetAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year + 2}");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(["year"], (await future.ReadProblemAsync()).Fields);
        Assert.Equal(["year"], (await (await publicity.PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/1999/generate", null)).ReadProblemAsync()).Fields);

        // The current year may be previewed and drafted, but not submitted before it is over.
        var draft = (await (await publicity.PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year + 1}/generate", null)).Content.ReadFromJsonAsync<View>())!;
        Assert.False(draft.YearFinished);
        // Regenerating before release refreshes the same draft rather than starting a version.
        var refreshed = (await (await publicity.PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year + 1}/generate", null)).Content.ReadFromJsonAsync<View>())!;
        Assert.Equal((draft.PublicationId, 1, "Draft"), (refreshed.PublicationId, refreshed.Version, refreshed.Status));
        var submit = await publicity.PostAsJsonAsync($"/api/v1/publications/{draft.PublicationId}/submit", new { });
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Equal(["year"], (await submit.ReadProblemAsync()).Fields);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("deputy")).PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year}/generate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("supervisor")).PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year}/generate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("yj.admin")).GetAsync($"/api/v1/agencies/{b.Id}/annual-reports/{Year}")).StatusCode);
    }

    [Fact]
    public async Task The_publicity_officer_generates_and_submits_on_the_page()
    {
        var b = await app.AgencyAsync();
        int year = Year - 1;
        var client = await app.SignInAsync("publicity");
        var url = $"/publicity/annual-report?agencyId={b.Id}&year={year}";
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("尚未生成", html);
        Assert.Contains("以下为按当前数据的预览", html);
        Assert.Contains("<svg ", html);

        var generated = await ZhifaFactory.PostFormAsync(client, url, [], $"/publicity/annual-report?handler=Generate&agencyId={b.Id}&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        html = await (await client.GetAsync(generated.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("已按当前数据生成年度报告", html);
        Assert.Contains("<span data-testid=\"report-status\">待拟稿</span>", html);

        var submitted = await ZhifaFactory.PostFormAsync(client, url, new() { ["Note"] = "请审核" }, $"/publicity/annual-report?handler=Submit&agencyId={b.Id}&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        html = await (await client.GetAsync(submitted.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("已提交审核", html);
        Assert.Contains("<span data-testid=\"report-status\">审核中</span>", html);

        // While in the chain, the figures the approvers read are not regenerated under them.
        var during = await (await app.ApiClientAsync("publicity")).PostAsync($"/api/v1/agencies/{b.Id}/annual-reports/{year}/generate", null);
        Assert.Equal(HttpStatusCode.BadRequest, during.StatusCode);
        Assert.Equal(["status"], (await during.ReadProblemAsync()).Fields);

        var docx = await client.GetAsync($"/publicity/annual-report?handler=docx&agencyId={b.Id}&year={year}");
        Assert.Equal(DocumentWord.ContentType, docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("yj.admin")).GetAsync(url)).StatusCode);
    }
}
