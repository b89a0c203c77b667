using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Web.Tests.Cases;
using Zhifa.Web.Tests.Documents;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Records;

namespace Zhifa.Web.Tests.CaseFiles;

/// <summary>REC-11: the case file lists everything of the case and its package verifies offline, catching any change.</summary>
public sealed class CaseFileTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private async Task<(int CaseId, string Number, HttpClient Api)> CaseWithADocumentAndARecordAsync()
    {
        var api = await app.ApiClientAsync("handler");
        var opened = await api.OpenAsync(await app.PenaltyBodyAsync());
        int caseId = opened.GetProperty("id").GetInt32();
        await DocumentTestData.GenerateSignedAsync(api, caseId, DocumentTestData.SiteRecordInput);
        await RecordTestData.UploadAsync(api, caseId, RecordTestData.RandomBytes(20_000), "执法记录仪.mp4");
        return (caseId, opened.GetProperty("number").GetString()!, api);
    }

    [Fact]
    public async Task The_catalogue_lists_the_document_the_record_and_the_steps()
    {
        var (caseId, _, api) = await CaseWithADocumentAndARecordAsync();
        var items = await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/cases/{caseId}/catalogue");
        var kinds = items!.Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Contains("文书", kinds);
        Assert.Contains("音像记录", kinds);
        Assert.Contains("流转记录", kinds);
    }

    [Fact]
    public async Task An_exported_package_verifies_offline_and_a_changed_byte_is_named()
    {
        var (caseId, number, api) = await CaseWithADocumentAndARecordAsync();
        var response = await api.GetAsync($"/api/v1/cases/{caseId}/case-file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(app.DataDirectory, "export.zip");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());

        using (var zip = ZipFile.OpenRead(path))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("manifest.json", names);
            Assert.Contains("catalogue.csv", names);
            Assert.Contains(names, n => n.StartsWith("documents/", StringComparison.Ordinal) && n.EndsWith(".docx", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith("records/", StringComparison.Ordinal));
            using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
            Assert.Equal(number, manifest.RootElement.GetProperty("caseNumber").GetString());
            Assert.True(manifest.RootElement.GetProperty("audit").GetArrayLength() > 3);
        }

        var ok = await CliRunner.RunAsync(app, "verify-package", path);
        Assert.Equal(0, ok.ExitCode);

        // Replace the recording inside the package with other bytes of the same length.
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("records/", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var s = zip.CreateEntry(name).Open();
            s.Write(RecordTestData.RandomBytes(20_000));
        }
        var bad = await CliRunner.RunAsync(app, "verify-package", path);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("records/", bad.StdErr);
        Assert.Contains("内容与清单不符", bad.StdErr);
    }

    [Fact]
    public async Task The_case_file_page_offers_the_export()
    {
        var (caseId, number, _) = await CaseWithADocumentAndARecordAsync();
        var page = await app.SignInAsync("handler");
        var html = await (await page.GetAsync($"/cases/{caseId}/case-file")).Content.ReadAsStringAsync();
        Assert.Contains(number, html);
        Assert.Contains("导出案卷包", html);
        var zip = await page.GetAsync($"/cases/{caseId}/case-file?handler=Package");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
    }
}
