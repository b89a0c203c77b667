using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Publicity;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;
using static Zhifa.Web.Tests.Portal.PortalTestData;

namespace Zhifa.Web.Tests.Portal;

/// <summary>PUB-10 through the pipeline: the public search, the decision pages and versions, downloads, the feed and the read API.</summary>
public sealed class PortalDecisionTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private async Task<JsonElement> ApiAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<int> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];

    [Fact]
    public async Task Two_characters_find_a_decision_by_its_fine_and_by_the_company_short_name()
    {
        var p = await PublishAsync(app, Health, x =>
        {
            x.Title = "关于永兴县鑫达餐饮管理有限公司的行政处罚决定";
            x.PartyDisplay = "永兴县鑫达餐饮管理有限公司";
            x.Conclusion = "没收违法所得，并处罚款人民币伍仟元";
            x.FineYuan = 5000m;
        });
        var other = await PublishAsync(app, Health, x => { x.Title = "关于永兴县华泰商贸有限公司的行政处罚决定"; x.PartyDisplay = "永兴县华泰商贸有限公司"; });
        var anonymous = app.Anonymous();

        foreach (var q in new[] { "鑫达", "鑫达餐饮" })
        {
            var page = await anonymous.GetAsync($"/gs/decisions?q={Uri.EscapeDataString(q)}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"href=\"/gs/decisions/{p.SeriesId}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"href=\"/gs/decisions/{other.SeriesId}\"", html, StringComparison.Ordinal);
        }
        var fined = Ids(await ApiAsync(anonymous, "/gs/api/v1/decisions?q=" + Uri.EscapeDataString("罚款") + "&pageSize=100"));
        Assert.Contains(p.SeriesId, fined);
        Assert.DoesNotContain(other.SeriesId, fined);
        Assert.Empty(Ids(await ApiAsync(anonymous, "/gs/api/v1/decisions?q=" + Uri.EscapeDataString("达鑫"))));
    }

    [Fact]
    public async Task Filters_narrow_by_agency_category_decision_date_and_fine()
    {
        const string word = "滤测";
        var a = await PublishAsync(app, Health, x => { x.Title = word + "甲"; x.FineYuan = 200m; x.DecidedOn = new DateOnly(2026, 3, 1); });
        var b = await PublishAsync(app, Health, x => { x.Title = word + "乙"; x.FineYuan = 20_000m; x.DecidedOn = new DateOnly(2026, 5, 1); });
        var c = await PublishAsync(app, Emergency, x => { x.Title = word + "丙"; x.Category = CaseCategory.Inspection; x.FineYuan = null; x.DecidedOn = new DateOnly(2026, 5, 2); });
        int health = await AgencyIdAsync(app, Health);
        var anonymous = app.Anonymous();
        async Task<List<int>> Find(string filters) => Ids(await ApiAsync(anonymous, $"/gs/api/v1/decisions?q={Uri.EscapeDataString(word)}&{filters}"));

        Assert.Equal([c.SeriesId, b.SeriesId, a.SeriesId], await Find(""));
        Assert.Equal([b.SeriesId, a.SeriesId], await Find($"agencyId={S(health)}"));
        Assert.Equal([c.SeriesId], await Find("category=Inspection"));
        Assert.Equal([c.SeriesId, b.SeriesId], await Find("from=2026-04-01"));
        Assert.Equal([a.SeriesId], await Find("to=2026-04-01"));
        Assert.Equal([b.SeriesId], await Find("minFine=1000"));
        Assert.Equal([a.SeriesId], await Find("maxFine=1000"));
        Assert.Equal([b.SeriesId], await Find("minFine=20000&maxFine=20000&from=2026-05-01&to=2026-05-01"));

        var page = await (await anonymous.GetAsync($"/gs/decisions?q={Uri.EscapeDataString(word)}&category=Inspection")).Content.ReadAsStringAsync();
        Assert.Contains("共 1 条", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_is_stable_and_covers_every_match_once()
    {
        const string word = "翻页";
        var ids = new List<int>();
        for (int i = 0; i < 7; i++) ids.Add((await PublishAsync(app, Health, x => x.Title = $"{word}测试第{i}件")).SeriesId);
        var anonymous = app.Anonymous();
        var seen = new List<int>();
        for (int page = 1; page <= 3; page++)
        {
            var json = await ApiAsync(anonymous, $"/gs/api/v1/decisions?q={Uri.EscapeDataString(word)}&pageSize=3&page={page}");
            Assert.Equal(7, json.GetProperty("total").GetInt32());
            Assert.Equal(3, json.GetProperty("pages").GetInt32());
            seen.AddRange(Ids(json));
            Assert.Equal(Ids(json), Ids(await ApiAsync(anonymous, $"/gs/api/v1/decisions?q={Uri.EscapeDataString(word)}&pageSize=3&page={page}")));
        }
        ids.Reverse();
        Assert.Equal(ids, seen);

        var html = await (await anonymous.GetAsync($"/gs/decisions?q={Uri.EscapeDataString(word)}&pageSize=3")).Content.ReadAsStringAsync();
        Assert.Contains("第 1 / 3 页", html, StringComparison.Ordinal);
        Assert.Contains("page=2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_decision_shows_its_reason_never_its_text_and_its_old_text_is_not_found()
    {
        var p = await PublishAsync(app, Health, x =>
        {
            x.Title = "撤回测试决定";
            x.Violation = "在经营场所销售过期的蜂蜜制品";
            x.Body = "经查，当事人在经营场所销售过期的蜂蜜制品，决定罚款。";
        });
        var anonymous = app.Anonymous();
        Assert.Contains(p.SeriesId, Ids(await ApiAsync(anonymous, "/gs/api/v1/decisions?q=" + Uri.EscapeDataString("蜂蜜"))));

        await UpdateAsync(app, p.Id, x =>
        {
            x.Status = PublicationStatus.Withdrawn;
            x.WithdrawnAt = DateTime.UtcNow;
            x.WithdrawalReason = "该决定已被行政复议机关撤销";
        });

        Assert.Empty(Ids(await ApiAsync(anonymous, "/gs/api/v1/decisions?q=" + Uri.EscapeDataString("蜂蜜"))));
        var html = await (await anonymous.GetAsync($"/gs/decisions/{p.SeriesId}")).Content.ReadAsStringAsync();
        Assert.Contains("该决定已被行政复议机关撤销", html, StringComparison.Ordinal);
        Assert.Contains("已撤回", html, StringComparison.Ordinal);
        Assert.DoesNotContain("蜂蜜", html, StringComparison.Ordinal);
        var api = await anonymous.GetStringAsync($"/gs/api/v1/decisions/{p.SeriesId}");
        Assert.DoesNotContain("蜂蜜", PortalOutputs.Readable(api), StringComparison.Ordinal);
        Assert.Contains("该决定已被行政复议机关撤销", PortalOutputs.Readable(api), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_version_stays_readable_at_its_own_address_while_search_finds_only_the_current_one()
    {
        var v1 = await PublishAsync(app, Health, x => { x.Title = "版本测试决定"; x.Conclusion = "处以罚款壹仟元，错写为柒佰元"; });
        var v2 = await PublishAsync(app, Health, x =>
        {
            x.SeriesId = v1.SeriesId; x.Version = 2; x.Title = "版本测试决定"; x.Conclusion = "处以罚款壹仟元";
        });
        await UpdateAsync(app, v1.Id, x => { x.Status = PublicationStatus.Superseded; x.SupersededAt = DateTime.UtcNow; });
        var anonymous = app.Anonymous();

        Assert.Empty(Ids(await ApiAsync(anonymous, "/gs/api/v1/decisions?q=" + Uri.EscapeDataString("柒佰"))));
        Assert.Equal([v1.SeriesId], Ids(await ApiAsync(anonymous, "/gs/api/v1/decisions?q=" + Uri.EscapeDataString("版本测试"))));
        var current = await (await anonymous.GetAsync($"/gs/decisions/{v1.SeriesId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("柒佰", current, StringComparison.Ordinal);
        Assert.Contains($"/gs/decisions/{v1.SeriesId}/v/1", current, StringComparison.Ordinal);
        var old = await anonymous.GetAsync($"/gs/decisions/{v1.SeriesId}/v/1");
        var oldHtml = await old.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("柒佰", oldHtml, StringComparison.Ordinal);
        Assert.Contains("已被新版本替代", oldHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/decisions/{v1.SeriesId}/v/9")).StatusCode);
        Assert.Equal(v2.Version, (await ApiAsync(anonymous, $"/gs/api/v1/decisions/{v1.SeriesId}")).GetProperty("decision").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_decision_past_its_period_is_neither_listed_nor_shown_and_the_daily_expiry_drops_its_entry()
    {
        var p = await PublishAsync(app, Health, x => { x.Title = "期满测试决定"; x.ShownUntil = Today.AddDays(-1); });
        var anonymous = app.Anonymous();
        Assert.Empty(Ids(await ApiAsync(anonymous, "/gs/api/v1/decisions?q=" + Uri.EscapeDataString("期满测试"))));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/decisions/{p.SeriesId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/api/v1/decisions/{p.SeriesId}")).StatusCode);

        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<PublicationService>().ExpireDueAsync();
        Assert.False(await app.WithDbAsync(db => db.Set<PortalSearchEntry>().AnyAsync(e => e.PublicationId == p.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/gs/decisions/{p.SeriesId}")).StatusCode);
    }

    [Fact]
    public async Task Downloads_feed_and_API_have_their_documented_shape()
    {
        var p = await PublishAsync(app, Health, x => { x.Title = "下载测试决定"; x.DocumentNumber = "永兴卫罚〔2026〕88号"; x.PartyDisplay = "=HYPERLINK(\"x\")公司"; x.FineYuan = 1234.5m; });
        var anonymous = app.Anonymous();
        var q = "q=" + Uri.EscapeDataString("下载测试");

        var csv = await anonymous.GetAsync("/gs/decisions/export.csv?" + q);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("编号,版本,标题,决定书文号", lines[0], StringComparison.Ordinal);
        Assert.Contains("永兴卫罚〔2026〕88号", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")公司\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("1234.50", lines[1], StringComparison.Ordinal);

        var json = await anonymous.GetFromJsonAsync<JsonElement>("/gs/decisions/export.json?" + q);
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        Assert.Equal(PortalSearchCriteria.MaxRows, json.GetProperty("cap").GetInt32());
        Assert.Equal("永兴卫罚〔2026〕88号", json.GetProperty("items")[0].GetProperty("documentNumber").GetString());

        var feed = await anonymous.GetAsync("/gs/decisions/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", xml.Root!.Name);
        Assert.NotNull(xml.Root.Element(atom + "id"));
        Assert.NotNull(xml.Root.Element(atom + "updated"));
        var entries = xml.Root.Elements(atom + "entry").ToList();
        var ids = entries.Select(e => e.Element(atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(ids, id => id.EndsWith($"/gs/decisions/{p.SeriesId}/v/1", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.NotNull(e.Element(atom + "updated")));
        var etag = feed.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/gs/decisions/feed.atom");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);

        var list = await anonymous.GetAsync("/gs/api/v1/decisions?" + q);
        Assert.True(list.Headers.CacheControl!.Public);
        var page = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1, 20, false), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(),
            page.GetProperty("totalCapped").GetBoolean()));
        var item = page.GetProperty("items")[0];
        Assert.Equal("有效", item.GetProperty("legalStatusLabel").GetString());
        Assert.Equal(1234.5m, item.GetProperty("fineYuan").GetDecimal());

        var detail = await anonymous.GetAsync($"/gs/api/v1/decisions/{p.SeriesId}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.True(detail.Headers.CacheControl!.Public);
        using var cached = new HttpRequestMessage(HttpMethod.Get, $"/gs/api/v1/decisions/{p.SeriesId}");
        cached.Headers.IfNoneMatch.Add(detail.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(cached)).StatusCode);
        var pageResponse = await anonymous.GetAsync($"/gs/decisions/{p.SeriesId}");
        using var cachedPage = new HttpRequestMessage(HttpMethod.Get, $"/gs/decisions/{p.SeriesId}");
        cachedPage.Headers.IfNoneMatch.Add(pageResponse.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(cachedPage)).StatusCode);
        var pageHtml = await pageResponse.Content.ReadAsStringAsync();
        Assert.Contains("有效", pageHtml, StringComparison.Ordinal);
        Assert.Contains($"/gs/decisions/{p.SeriesId}/report", pageHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/gs/api/v1/decisions/999999")).StatusCode);
    }

    [Fact]
    public async Task Bad_filters_are_refused_naming_each_field_in_the_API_and_in_Chinese_on_the_page()
    {
        var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync("/gs/api/v1/decisions?q=" + Uri.EscapeDataString("罚") + "&from=2026-02-30&minFine=abc&pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, fields, _) = await response.ReadProblemAsync();
        Assert.Equal(["q", "from", "minFine", "pageSize"], fields);

        var page = await anonymous.GetAsync("/gs/decisions?from=2026-05-01&to=2026-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("决定日期（止）不能早于决定日期（起）", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/gs/decisions/export.csv?maxFine=-1")).StatusCode);
    }

    [Fact]
    public async Task The_portal_home_lists_the_newest_decisions_and_the_public_services()
    {
        var p = await PublishAsync(app, Emergency, x => x.Title = "首页最新决定");
        var html = await (await app.Anonymous().GetAsync("/gs")).Content.ReadAsStringAsync();
        Assert.Contains("首页最新决定", html, StringComparison.Ordinal);
        Assert.Contains($"/gs/decisions/{p.SeriesId}", html, StringComparison.Ordinal);
        foreach (var link in new[] { "/gs/agencies", "/gs/certificates", "/gs/complaints", "action=\"/gs/decisions\"" })
            Assert.Contains(link, html, StringComparison.Ordinal);
    }
}
