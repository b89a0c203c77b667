using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Tests.Infrastructure;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>PUB-9 网上巡查: the quarter's publication record of an agency, on the page, in the API, the .docx and the .xlsx.</summary>
public sealed class InspectionTests(ReportClockFactory app) : IClassFixture<ReportClockFactory>, IAsyncLifetime
{
    private sealed record Item(int PublicationId, string Unit, string Title, DateOnly? DueOn, DateOnly? DoneOn, int DaysLate, string Note);
    private sealed record RateRow(int? UnitId, string Unit, string Category, int Due, int Published, decimal Rate, bool Flagged);
    private sealed record AgencyRow(int AgencyId, string Agency, int Due, int OnTime, int Late, int Missing, int Pending, int NotDisclosed, decimal Rate,
        List<Item> LateItems, List<Item> MissingItems, List<Item> NotDisclosedItems, List<Item> LateWithdrawals, List<RateRow> Rates);
    private sealed record Report(int Year, int Quarter, DateOnly From, DateOnly To, List<AgencyRow> Agencies);

    private int _agencyB;
    private Publication _missing = null!, _late = null!, _onTime = null!, _withheld = null!;

    /// <summary>
    /// Four of agency B's demo decisions were made on 28 September 2026 and fall due in the fourth quarter (13 October for
    /// a penalty, 30 October otherwise): one still unpublished, one published two days late, one on time, one withheld
    /// as a trade secret. The others were decided in June and fall due before the quarter.
    /// </summary>
    public async Task InitializeAsync()
    {
        _agencyB = (await app.AgencyAsync()).Id;
        var tasks = await app.TasksAsync(_agencyB);
        var chosen = tasks.Where(t => PublicationRules.IsOpen(t.Status) && t.Category == Domain.Cases.CaseCategory.Penalty).Take(4).ToList();
        if (chosen.Count < 4) chosen = [.. tasks.Where(t => PublicationRules.IsOpen(t.Status)).Take(4)];
        Assert.Equal(4, chosen.Count);
        (_missing, _late, _onTime, _withheld) = (chosen[0], chosen[1], chosen[2], chosen[3]);
        await app.UpdateAsync(tasks.Select(t => t.Id).Except(chosen.Select(c => c.Id)), p => p.TriggeredOn = new DateOnly(2026, 6, 1));
        await app.UpdateAsync(chosen.Select(c => c.Id), p => p.TriggeredOn = new DateOnly(2026, 9, 28));
        await app.UpdateAsync([_late.Id], p => (p.Status, p.PublishedAt) = (PublicationStatus.Published, DueOn(p).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddDays(2)));
        await app.UpdateAsync([_onTime.Id], p => (p.Status, p.PublishedAt) = (PublicationStatus.Published, DueOn(p).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)));
        await app.UpdateAsync([_withheld.Id], p => (p.Status, p.NonDisclosureGround, p.NonDisclosureReason) = (PublicationStatus.NotDisclosed, NonDisclosureGround.TradeSecret, "涉及配方工艺"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static DateOnly DueOn(Publication p) => p.Category is Domain.Cases.CaseCategory.Penalty or Domain.Cases.CaseCategory.Licensing
        ? new DateOnly(2026, 10, 13) : new DateOnly(2026, 10, 30);

    [Fact]
    public async Task The_supervisor_sees_what_was_due_in_the_quarter_published_on_time_late_missing_or_withheld()
    {
        var client = await app.ApiClientAsync("supervisor");
        var report = (await client.GetFromJsonAsync<Report>($"/api/v1/publicity/inspection?agencyId={_agencyB}&year=2026&quarter=4"))!;
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (report.From, report.To));
        var a = Assert.Single(report.Agencies);
        Assert.Equal((4, 1, 1, 1, 0, 1), (a.Due, a.OnTime, a.Late, a.Missing, a.Pending, a.NotDisclosed));
        Assert.Equal(0.6667m, a.Rate); // two of the three owed were published

        var late = Assert.Single(a.LateItems);
        Assert.Equal((_late.Id, 2), (late.PublicationId, late.DaysLate));
        Assert.Equal("逾期 2 日公开", late.Note);
        var missing = Assert.Single(a.MissingItems);
        Assert.Equal(_missing.Id, missing.PublicationId);
        Assert.Equal(DueOn(_missing), missing.DueOn);
        Assert.Contains("仍未公开", missing.Note);
        Assert.Equal("涉及商业秘密：涉及配方工艺", Assert.Single(a.NotDisclosedItems).Note);
        Assert.Equal(3, a.Rates.Sum(r => r.Due));
        Assert.Equal(2, a.Rates.Sum(r => r.Published));

        // The whole scope of the supervisor: both county agencies.
        var all = (await client.GetFromJsonAsync<Report>("/api/v1/publicity/inspection?year=2026&quarter=4"))!;
        Assert.Contains(all.Agencies, x => x.AgencyId == _agencyB);
        Assert.Contains(all.Agencies, x => x.Agency == "永兴县应急管理局");
    }

    [Fact]
    public async Task The_report_downloads_as_a_word_document_with_its_chart_and_as_a_spreadsheet()
    {
        var client = await app.ApiClientAsync("supervisor");
        var docx = await client.GetAsync($"/api/v1/publicity/inspection/docx?agencyId={_agencyB}&year=2026&quarter=4");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(DocumentWord.ContentType, docx.Content.Headers.ContentType?.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        var text = DocumentWord.ReadText(bytes);
        Assert.Contains("2026 年第 4 季度", text);
        Assert.Contains("本季度到期应公开 4 件：按时公开 1 件，逾期公开 1 件，逾期未公开 1 件", text);
        Assert.Contains(_missing.Title, text);
        Assert.Contains("逾期 2 日公开", text);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var chart = Assert.Single(doc.MainDocumentPart!.ChartParts);
            var values = chart.ChartSpace!.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().Select(p => p.NumericValue!.Text);
            Assert.Equal(["1", "1", "1", "1"], values);
        }

        var xlsx = await client.GetAsync($"/api/v1/publicity/inspection/xlsx?agencyId={_agencyB}&year=2026&quarter=4");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["汇总", "科室公开率", "问题清单"], MiniExcel.GetSheetNames(stream));
        var summary = stream.Query(useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(ReportClockFactory.AgencyB, summary["执法主体"]);
        Assert.Equal(4, Convert.ToInt32(summary["到期应公开"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt32(summary["逾期未公开"], System.Globalization.CultureInfo.InvariantCulture));
        var problems = stream.Query(useHeaderRow: true, sheetName: "问题清单").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["逾期公开", "逾期未公开", "不予公开"], problems.Select(p => (string)p["问题"]).Where(p => p != "需更新"));
        // The demo's pre-disclosure lists made stale by the benchmarks loaded after them are named too.
        Assert.Contains(problems, p => (string)p["问题"] == "需更新");
    }

    [Fact]
    public async Task The_page_shows_the_quarter_and_links_its_downloads()
    {
        var client = await app.SignInAsync("supervisor");
        var html = await (await client.GetAsync($"/publicity/inspection?agencyId={_agencyB}&year=2026&quarter=4")).Content.ReadAsStringAsync();
        Assert.Contains("<td data-field=\"missing\" class=\"text-danger fw-bold\">1</td>", html);
        Assert.Contains("逾期 2 日公开", html);
        Assert.Matches("href=\"/publicity/inspection\\?year=2026&amp;quarter=4[^\"]*&amp;handler=docx\"", html);
        var docx = await client.GetAsync($"/publicity/inspection?handler=docx&agencyId={_agencyB}&year=2026&quarter=4");
        Assert.Equal(DocumentWord.ContentType, docx.Content.Headers.ContentType?.MediaType);

        var bad = await client.GetAsync("/publicity/inspection?year=2026&quarter=5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("季度须为 1 至 4", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_period_out_of_range_is_refused_naming_the_field_and_an_officer_may_not_inspect()
    {
        var client = await app.ApiClientAsync("supervisor");
        var bad = await client.GetAsync("/api/v1/publicity/inspection?year=2026&quarter=5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["quarter"], (await bad.ReadProblemAsync()).Fields);
        var future = await client.GetAsync($"/api/v1/publicity/inspection?year={ReportClockFactory.DemoYear + 2}&quarter=1");
        Assert.Equal(["year"], (await future.ReadProblemAsync()).Fields);
        var text = await client.GetAsync("/api/v1/publicity/inspection?year=abc&quarter=x");
        Assert.Equal(["year", "quarter"], (await text.ReadProblemAsync()).Fields);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("handler")).GetAsync("/api/v1/publicity/inspection?year=2026&quarter=4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("yj.admin")).GetAsync($"/api/v1/publicity/inspection?agencyId={_agencyB}&year=2026&quarter=4")).StatusCode);
    }
}
