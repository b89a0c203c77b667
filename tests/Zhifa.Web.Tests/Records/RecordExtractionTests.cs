using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Web.Tests.Documents;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Records;

/// <summary>REC-10: extracting a record as evidence registers maker, extractor and time and yields the original with a statement.</summary>
public sealed class RecordExtractionTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task An_extraction_yields_the_untouched_original_and_a_statement_naming_maker_extractor_and_hash()
    {
        var caseId = await RecordTestData.CreateCaseAsync(app);
        var api = await app.ApiClientAsync("handler");
        var bytes = RecordTestData.RandomBytes(5000);
        var record = await RecordTestData.UploadAsync(api, caseId, bytes, "现场录像.mp4");
        int recordId = record.GetProperty("id").GetInt32();

        var missing = await api.PostAsJsonAsync($"/api/v1/records/{recordId}/extractions", new { });
        var (_, fields, _) = await missing.ReadProblemAsync();
        Assert.Equal(["purpose"], fields);

        var response = await api.PostAsJsonAsync($"/api/v1/records/{recordId}/extractions", new { purpose = "提交行政复议机关" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using (var copy = new MemoryStream())
        {
            await zip.GetEntry("原始文件/现场录像.mp4")!.Open().CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        using var docx = new MemoryStream();
        await zip.GetEntry("证据提取说明.docx")!.Open().CopyToAsync(docx);
        var text = DocumentTestData.TextOf(docx.ToArray());
        Assert.Contains("提取人：张伟", text);
        Assert.Contains("提取用途：提交行政复议机关", text);
        Assert.Contains(RecordTestData.Sha256(bytes), text);

        var list = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/records/{recordId}/extractions");
        Assert.Equal("张伟", Assert.Single(list!).GetProperty("extractor").GetString());
    }

    [Fact]
    public async Task Someone_without_the_right_to_view_cannot_extract()
    {
        var caseId = await RecordTestData.CreateCaseAsync(app);
        var api = await app.ApiClientAsync("handler");
        int recordId = (await RecordTestData.UploadAsync(api, caseId, RecordTestData.RandomBytes(100), "a.mp4")).GetProperty("id").GetInt32();
        var colleague = await app.ApiClientAsync("handler2");
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PostAsJsonAsync($"/api/v1/records/{recordId}/extractions", new { purpose = "x" })).StatusCode);
    }
}

public sealed class RecordExtractionPageTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task The_records_page_extracts_a_record_and_names_a_missing_purpose()
    {
        var caseId = await RecordTestData.CreateCaseAsync(app);
        var api = await app.ApiClientAsync("handler");
        int recordId = (await RecordTestData.UploadAsync(api, caseId, RecordTestData.RandomBytes(100), "b.mp4")).GetProperty("id").GetInt32();
        var page = await app.SignInAsync("handler");
        var missing = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}/records", new() { ["purpose"] = "" }, $"/cases/{caseId}/records?handler=Extract&recordId={recordId}");
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.Contains("提取用途不能为空", await (await page.GetAsync($"/cases/{caseId}/records")).Content.ReadAsStringAsync());
        var ok = await ZhifaFactory.PostFormAsync(page, $"/cases/{caseId}/records", new() { ["purpose"] = "移送司法机关" }, $"/cases/{caseId}/records?handler=Extract&recordId={recordId}");
        Assert.Equal("application/zip", ok.Content.Headers.ContentType?.MediaType);
    }
}
