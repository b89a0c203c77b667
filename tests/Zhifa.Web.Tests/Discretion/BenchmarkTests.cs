using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Discretion;

/// <summary>DIS-1 through the API and the pages: benchmarks per penalty matter, edited by administrators, imported all-or-nothing.</summary>
public sealed class BenchmarkTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private const string Safety = "永兴县应急管理局";
    private static int _serial;

    /// <summary>Published discretion benchmarks (public government tables, no personal data), kept beside this test.</summary>
    private static byte[] RealCsv([CallerFilePath] string here = "") => File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(here)!, "discretion_benchmarks_tiers.csv"));

    private const string Header = "row_id,source_file,source_url,违法行为(原文),处罚依据(原文或摘记),裁量阶次/档次(原文标签),适用情形(原文),裁量标准(原文),note";

    /// <summary>The header and the rows of the real file whose row_id is given, as they are.</summary>
    private static byte[] RealRows(params string[] ids)
    {
        var text = Encoding.UTF8.GetString(RealCsv());
        var lines = new List<string> { Header };
        // Rows may span lines inside quotes; a row starts with its id.
        var records = System.Text.RegularExpressions.Regex.Split(text, @"\r?\n(?=C\d{3},)");
        lines.AddRange(records.Where(r => ids.Any(id => r.StartsWith(id + ",", StringComparison.Ordinal))));
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    private async Task<(HttpClient Admin, int MatterId)> NewPenaltyMatterAsync()
    {
        var admin = await app.ApiClientAsync("yj.admin");
        int n = Interlocked.Increment(ref _serial);
        var created = await admin.PostAsJsonAsync("/api/v1/matters", new
        {
            code = "DIS-" + n.ToString(CultureInfo.InvariantCulture), name = "对在河道管理范围内修建妨碍行洪的建筑物的行政处罚 " + n.ToString(CultureInfo.InvariantCulture),
            category = "Penalty", bases = new[] { new { law = "中华人民共和国水法", article = "第六十五条", text = "" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (admin, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    private static object Grade(string tier, string circumstance, decimal? min, decimal? max, bool warning = false)
        => new { tier, label = "", circumstances = new[] { circumstance }, standard = "", warning, fineMinYuan = min, fineMaxYuan = max };

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string field = "file")
        => new() { { new ByteArrayContent(content), field, fileName } };

    [Fact]
    public async Task The_demo_matter_shows_its_benchmark_on_its_page_and_in_the_API()
    {
        var client = await app.SignInAsync("handler");
        int matterId = await app.MatterIdAsync(CaseTestData.OtherPenaltyMatter);
        var html = await (await client.GetAsync($"/matters/{matterId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"matter-benchmark\"", html);
        Assert.Contains("有三项主要卫生指标不合格的", html);
        Assert.Contains("罚款 1000–2000 元", html);

        var api = await app.ApiClientAsync("handler");
        var b = await api.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{matterId}/benchmark");
        Assert.Equal(["Lighter", "Ordinary", "Heavier"], b.GetProperty("grades").EnumerateArray().Select(g => g.GetProperty("tier").GetString()));
        var list = await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/benchmarks");
        Assert.Contains(list!, i => i.GetProperty("matterId").GetInt32() == matterId && i.GetProperty("hasBenchmark").GetBoolean());
    }

    [Fact]
    public async Task An_administrator_sets_a_benchmark_and_each_save_raises_its_version_and_is_audited()
    {
        var (admin, matterId) = await NewPenaltyMatterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/matters/{matterId}/benchmark")).StatusCode);
        var body = new
        {
            behaviour = "在河道管理范围内修建妨碍行洪的建筑物", basis = "水法第六十五条", source = "滨城黄河河务局",
            grades = new[] { Grade("一般", "建筑面积不满100平方米的", 1000, 10000), Grade("Heavier", "建筑面积在100平方米以上的", 10000, 20000) },
        };
        var first = await (await admin.PutAsJsonAsync($"/api/v1/matters/{matterId}/benchmark", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal("罚款 1000–10000 元", first.GetProperty("grades")[0].GetProperty("summary").GetString());

        var second = await admin.PutAsJsonAsync($"/api/v1/matters/{matterId}/benchmark", body);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action.StartsWith("DiscretionGrade.") )));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("DiscretionBenchmark."))) >= 2);
    }

    [Fact]
    public async Task A_wrong_benchmark_is_refused_naming_each_field_and_nothing_is_stored()
    {
        var (admin, matterId) = await NewPenaltyMatterAsync();
        var refused = await admin.PutAsJsonAsync($"/api/v1/matters/{matterId}/benchmark", new
        {
            behaviour = "",
            grades = new[] { Grade("从重", "甲", 20000, 10000), Grade("一般", "甲", 0, 100), Grade("很重", "乙", null, null) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Contains("behaviour", fields);
        Assert.Contains("grades[0].fineMaxYuan", fields);
        Assert.Contains("grades[1].circumstances", fields);
        Assert.Contains("grades[2].tier", fields);
        Assert.Contains("下限不能高于上限", body);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/matters/{matterId}/benchmark")).StatusCode);
    }

    [Fact]
    public async Task Only_penalty_matters_have_benchmarks_and_only_administrators_set_them()
    {
        var admin = await app.ApiClientAsync("yj.admin");
        int inspection = await app.WithDbAsync(db => db.Matters.Where(m => m.Code == "331617001000").Select(m => m.Id).SingleAsync());
        var refused = await admin.PutAsJsonAsync($"/api/v1/matters/{inspection}/benchmark", new { behaviour = "检查", grades = new[] { Grade("一般", "甲", 0, 1) } });
        Assert.Contains("只有行政处罚事项才有裁量基准", await refused.Content.ReadAsStringAsync());

        var handler = await app.ApiClientAsync("yj.handler");
        var (_, matterId) = await NewPenaltyMatterAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync($"/api/v1/matters/{matterId}/benchmark", new { behaviour = "x", grades = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task The_river_rows_of_the_collected_file_import_as_three_grades()
    {
        var (admin, matterId) = await NewPenaltyMatterAsync();
        var response = await admin.PostAsync($"/api/v1/matters/{matterId}/benchmark/import", Upload(RealRows("C005", "C006", "C007"), "滨城.csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var b = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("在河道管理范围内修建妨碍行洪的建筑物、构筑物等的处罚", b.GetProperty("behaviour").GetString());
        Assert.Equal("http://www.sdbzhh.com/zwgk/12/705302.shtml", b.GetProperty("source").GetString());
        var grades = b.GetProperty("grades").EnumerateArray().ToList();
        Assert.Equal(["Ordinary", "Heavier", "Heavier"], grades.Select(g => g.GetProperty("tier").GetString()));
        Assert.Equal([20000m, 50000m], new[] { grades[2].GetProperty("fineMinYuan").GetDecimal(), grades[2].GetProperty("fineMaxYuan").GetDecimal() });
    }

    [Fact]
    public async Task The_whole_collected_file_is_refused_row_by_row_and_the_benchmark_stays_as_it_was()
    {
        var (admin, matterId) = await NewPenaltyMatterAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/matters/{matterId}/benchmark/import", Upload(RealRows("C005", "C006", "C007"), "a.csv"))).StatusCode);

        var refused = await admin.PostAsync($"/api/v1/matters/{matterId}/benchmark/import", Upload(RealCsv(), "discretion_benchmarks_tiers.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        // Row 2 (C001) fixes the violation; the river rows name another, and C013 was truncated in its source.
        Assert.Contains("rows[6].违法行为", fields);
        Assert.Contains("rows[14].适用情形", fields);
        Assert.Contains("只能描述一种违法行为", body);
        var kept = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{matterId}/benchmark");
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
        Assert.Equal(3, kept.GetProperty("grades").GetArrayLength());
    }

    [Fact]
    public async Task The_page_edits_a_benchmark_and_shows_a_refused_import_row_by_row()
    {
        var (_, matterId) = await NewPenaltyMatterAsync();
        var client = await app.SignInAsync("yj.admin");
        var page = $"/matters/{matterId}/benchmark";
        var saved = await ZhifaFactory.PostFormAsync(client, page, new()
        {
            ["Input.Behaviour"] = "修建妨碍行洪的建筑物",
            ["Input.Grades[0].Tier"] = "Ordinary", ["Input.Grades[0].Circumstances"] = "影响较小的\n建筑面积不满100平方米的",
            ["Input.Grades[0].FineMinYuan"] = "1000", ["Input.Grades[0].FineMaxYuan"] = "10000",
            ["Input.Grades[1].Tier"] = "", ["Input.Grades[1].Circumstances"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("建筑面积不满100平方米的", html);
        Assert.Contains("第 1 版", html);

        var wrong = await ZhifaFactory.PostFormAsync(client, page, new()
        {
            ["Input.Behaviour"] = "修建妨碍行洪的建筑物", ["Input.Grades[0].Tier"] = "Ordinary", ["Input.Grades[0].Circumstances"] = "",
            ["Input.Grades[0].FineMaxYuan"] = "100",
        });
        Assert.Contains("须至少有一项适用情形", await wrong.Content.ReadAsStringAsync());

        var form = Upload(RealRows("C018", "C019"), "卫生.csv", "Upload");
        var imported = await ZhifaFactory.PostMultipartAsync(client, page, form, page + "?handler=Import");
        var shown = await imported.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"import-errors\"", shown);
        Assert.Contains("推荐阶次", shown);
        Assert.Contains("未导入任何内容", shown);
    }

    [Fact]
    public async Task A_handler_reads_the_benchmark_page_without_the_edit_form()
    {
        var client = await app.SignInAsync("handler");
        int matterId = await app.MatterIdAsync(CaseTestData.PenaltyMatter);
        var html = await (await client.GetAsync($"/matters/{matterId}/benchmark")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"benchmark-grades\"", html);
        Assert.DoesNotContain("data-testid=\"benchmark-form\"", html);
    }

    [Fact]
    public async Task The_list_of_benchmarks_shows_which_penalty_matters_of_the_agency_have_one()
    {
        var (_, matterId) = await NewPenaltyMatterAsync();
        var client = await app.SignInAsync("yj.admin");
        Assert.Contains("/benchmarks", await (await client.GetAsync("/matters")).Content.ReadAsStringAsync());
        var response = await client.GetAsync("/benchmarks");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Contains($"href=\"/matters/{matterId}/benchmark\">尚未制定", html);
        Assert.Contains("个阶次", html);
        Assert.DoesNotContain("330217001000", html);
    }
}
