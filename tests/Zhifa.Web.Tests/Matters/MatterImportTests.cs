using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Matters;

public class MatterImportTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private Task<HttpResponseMessage> ImportAsync(HttpClient api, int agencyId, byte[] content, string fileName)
        => api.PostAsync($"/api/v1/agencies/{agencyId}/matters/import", MatterTestData.Upload(content, fileName));

    private async Task<List<(string Law, string Article, string Text)>> BasesAsync(string code)
        => await app.WithDbAsync(async db => (await db.Matters.Include(m => m.Bases).SingleAsync(m => m.Code == code))
            .Bases.OrderBy(b => b.Id).Select(b => (b.Law, b.Article, b.Text)).ToList());

    [Fact]
    public async Task A_valid_xlsx_creates_matters_whose_bases_span_several_rows()
    {
        var api = await app.ApiClientAsync("yj.admin");
        int safety = await app.AgencyIdAsync(MatterTestData.Safety);
        var file = MatterTestData.Xlsx(
            ["X-100", "对未按规定设置安全生产管理机构的行政处罚", "行政处罚", "安全生产执法大队", "中华人民共和国安全生产法", "第九十七条第一项", "……", "否"],
            ["X-100", "对未按规定设置安全生产管理机构的行政处罚", "处罚", "安全生产执法大队", "安全生产违法行为行政处罚办法", "第四十三条", "", "否"],
            ["X-101", "危险化学品经营单位监督检查", "检查", "", "危险化学品安全管理条例", "第六条", "", "是"]);

        var response = await ImportAsync(api, safety, file, "清单.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, counts.GetProperty("created").GetInt32());
        Assert.Equal("已导入 2 个事项（新增 2，更新 0）", counts.GetProperty("message").GetString());
        Assert.Equal(["第九十七条第一项", "第四十三条"], (await BasesAsync("X-100")).Select(b => b.Article));
        var inspection = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.Code == "X-101"));
        Assert.True(inspection.RandomInspection);
        Assert.Null(inspection.ResponsibleUnitId);
    }

    [Fact]
    public async Task A_valid_csv_with_a_bom_creates_matters_and_an_existing_code_is_updated()
    {
        var client = await app.SignInAsync("yj.admin");
        int safety = await app.AgencyIdAsync(MatterTestData.Safety);
        var csv = MatterTestData.Csv(
            ["C-200", "对未如实记录安全生产教育和培训情况的行政处罚", "行政处罚", "安全生产执法大队", "中华人民共和国安全生产法", "第九十七条第四项", "条文，含逗号", ""],
            ["C-200", "对未如实记录安全生产教育和培训情况的行政处罚", "行政处罚", "安全生产执法大队", "安全生产培训管理办法", "第三十六条", "", ""],
            ["331617001000", "安全生产监督检查（修订）", "行政检查", "安全生产执法大队", "中华人民共和国安全生产法", "第六十五条", "", "是"]);
        var form = MatterTestData.Upload(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "清单.csv", "Upload");
        form.Add(new StringContent(safety.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId");

        var response = await ZhifaFactory.PostMultipartAsync(client, "/matters/import", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("已导入 2 个事项（新增 1，更新 1）", list);
        Assert.Equal([("中华人民共和国安全生产法", "第九十七条第四项", "条文，含逗号"), ("安全生产培训管理办法", "第三十六条", "")], await BasesAsync("C-200"));
        Assert.Equal("安全生产监督检查（修订）", await app.WithDbAsync(db => db.Matters.Where(m => m.Code == "331617001000").Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_gb18030_csv_is_read_too()
    {
        var api = await app.ApiClientAsync("yj.admin");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = MatterTestData.Csv(["G-300", "国标编码的事项", "其他", "", "某某办法", "第一条", "", "否"]);

        var response = await ImportAsync(api, await app.AgencyIdAsync(MatterTestData.Safety), Encoding.GetEncoding("GB18030").GetBytes(csv), "gbk.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("国标编码的事项", await app.WithDbAsync(db => db.Matters.Where(m => m.Code == "G-300").Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_file_with_two_wrong_rows_reports_both_and_imports_nothing()
    {
        var api = await app.ApiClientAsync("yj.admin");
        int safety = await app.AgencyIdAsync(MatterTestData.Safety);
        int before = await app.MatterCountAsync(MatterTestData.Safety);
        var file = MatterTestData.Xlsx(
            ["E-1", "正确的事项", "行政处罚", "安全生产执法大队", "某法", "第一条", "", "否"],
            ["E-2", "类别错误的事项", "行政奖励", "安全生产执法大队", "某法", "第二条", "", "否"],
            ["E-3", "股室错误的事项", "行政处罚", "公共卫生监督股", "某法", "第三条", "", "否"]);

        var response = await ImportAsync(api, safety, file, "errors.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, body) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Equal(["rows[3].事项类别", "rows[4].承办机构"], fields);
        Assert.Contains("事项类别无效", body);
        Assert.Contains("不是本执法主体的内设机构", body);
        Assert.Equal(before, await app.MatterCountAsync(MatterTestData.Safety));
        Assert.False(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Code == "E-1")));
    }

    [Fact]
    public async Task The_import_page_lists_every_wrong_row_in_a_table_and_imports_nothing()
    {
        var client = await app.SignInAsync("yj.admin");
        int safety = await app.AgencyIdAsync(MatterTestData.Safety);
        int before = await app.MatterCountAsync(MatterTestData.Safety);
        var form = MatterTestData.Upload(MatterTestData.Xlsx(
            ["P-1", "类别错误", "奖励", "", "某法", "第一条", "", "否"],
            ["P-2", "股室错误", "行政处罚", "不存在的股", "某法", "第一条", "", "否"]), "errors.xlsx", "Upload");
        form.Add(new StringContent(safety.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId");

        var response = await ZhifaFactory.PostMultipartAsync(client, "/matters/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("有 2 行有误，未导入任何事项", html);
        Assert.Contains("<tr><td>2</td><td>事项类别</td><td>奖励</td>", html);
        Assert.Contains("<tr><td>3</td><td>承办机构</td><td>不存在的股</td>", html);
        Assert.Equal(before, await app.MatterCountAsync(MatterTestData.Safety));
    }

    [Fact]
    public async Task An_export_re_imports_without_changes()
    {
        var api = await app.ApiClientAsync("admin");
        int health = await app.AgencyIdAsync(MatterTestData.Health);
        int before = await app.MatterCountAsync(MatterTestData.Health);

        var export = await api.GetAsync($"/api/v1/agencies/{health}/matters/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using (var read = new MemoryStream(bytes))
        {
            var rows = MiniExcel.Query(read, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(MatterTestData.Header, rows[0].Keys);
            Assert.Equal(2, rows.Count(r => (string)r["事项编码"] == "330217003000"));
        }
        long auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("Matter.") || e.Action.StartsWith("LegalBasis.")));

        var response = await ImportAsync(api, health, bytes, "export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, counts.GetProperty("created").GetInt32());
        Assert.Equal(0, counts.GetProperty("updated").GetInt32());
        Assert.Equal(before, counts.GetProperty("unchanged").GetInt32());
        Assert.Equal(before, await app.MatterCountAsync(MatterTestData.Health));
        long auditAfter = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("Matter.") || e.Action.StartsWith("LegalBasis.")));
        Assert.Equal(auditBefore + 1, auditAfter); // only the import event itself
    }

    [Fact]
    public async Task The_export_page_names_the_file_after_the_agency_and_the_day()
    {
        var client = await app.SignInAsync("handler");
        int health = await app.AgencyIdAsync(MatterTestData.Health);

        var response = await client.GetAsync($"/matters/export.xlsx?agencyId={health}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^执法事项清单-永卫-\d{8}\.xlsx$", response.Content.Headers.ContentDisposition?.FileNameStar);
        int safety = await app.AgencyIdAsync(MatterTestData.Safety);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/matters/export.xlsx?agencyId={safety}")).StatusCode);
    }

    [Fact]
    public async Task The_template_has_the_header_and_an_example_row_that_imports()
    {
        var client = await app.SignInAsync("yj.admin");
        var bytes = await client.GetByteArrayAsync("/matters/import/template.xlsx");
        using (var read = new MemoryStream(bytes))
        {
            var rows = MiniExcel.Query(read, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(MatterTestData.Header, Assert.Single(rows).Keys);
        }

        var api = await app.ApiClientAsync("yj.admin");
        var response = await ImportAsync(api, await app.AgencyIdAsync(MatterTestData.Safety), bytes, "模板.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task A_missing_column_or_a_wrong_file_type_is_named()
    {
        var api = await app.ApiClientAsync("yj.admin");
        int safety = await app.AgencyIdAsync(MatterTestData.Safety);

        var missing = await ImportAsync(api, safety, Encoding.UTF8.GetBytes("事项编码,事项名称,法律名称\r\nA,B,C\r\n"), "m.csv");
        var (_, fields, body) = await missing.ReadProblemAsync();
        Assert.Equal(["file"], fields);
        Assert.Contains("缺少必需的列：事项类别、条款", body);

        var wrongType = await ImportAsync(api, safety, [1, 2, 3], "m.pdf");
        Assert.Contains("只支持 .xlsx 或 .csv 文件", (await wrongType.ReadProblemAsync()).Body);

        var broken = await ImportAsync(api, safety, Encoding.UTF8.GetBytes("not a workbook"), "m.xlsx");
        Assert.Contains("无法读取 .xlsx 文件", (await broken.ReadProblemAsync()).Body);

        var tooBig = await ImportAsync(api, safety, new byte[5 * 1024 * 1024 + 1], "big.csv");
        Assert.Contains("文件不能超过 5 MB", (await tooBig.ReadProblemAsync()).Body);
    }

    [Fact]
    public async Task More_than_5000_rows_are_refused()
    {
        var api = await app.ApiClientAsync("yj.admin");
        var rows = Enumerable.Range(1, 5001).Select(i => new[] { $"R-{i}", "名称", "其他", "", "某法", "第一条", "", "否" }).ToArray();

        var response = await ImportAsync(api, await app.AgencyIdAsync(MatterTestData.Safety), Encoding.UTF8.GetBytes(MatterTestData.Csv(rows)), "many.csv");

        Assert.Contains("文件超过 5000 行数据", (await response.ReadProblemAsync()).Body);
        Assert.False(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Code == "R-1")));
    }

    [Fact]
    public async Task Other_agencies_cannot_be_imported_into_and_handlers_are_refused_the_page()
    {
        var admin = await app.SignInAsync("yj.admin");
        int health = await app.AgencyIdAsync(MatterTestData.Health);
        var form = MatterTestData.Upload(MatterTestData.Xlsx(["Z-1", "名称", "其他", "", "某法", "第一条", "", "否"]), "m.xlsx", "Upload");
        form.Add(new StringContent(health.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId");
        Assert.Equal(HttpStatusCode.NotFound, (await ZhifaFactory.PostMultipartAsync(admin, "/matters/import", form)).StatusCode);

        var handler = await app.SignInAsync("handler");
        var get = await handler.GetAsync("/matters/import");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/account/access-denied", get.Headers.Location?.OriginalString);
        var own = MatterTestData.Upload(MatterTestData.Xlsx(["Z-2", "名称", "其他", "", "某法", "第一条", "", "否"]), "m.xlsx", "Upload");
        own.Add(new StringContent(health.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId");
        var post = await ZhifaFactory.PostMultipartAsync(handler, "/account/change-password", own, action: "/matters/import");
        Assert.Contains("/account/access-denied", post.Headers.Location?.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Matters.AnyAsync(m => m.Code.StartsWith("Z-"))));
    }
}
