using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Documents;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Documents.DocumentTestData;

namespace Zhifa.Web.Tests.Documents;

/// <summary>REC-3: standard documents generated from per-agency templates, numbered, signed or refused, with the signed scan.</summary>
public sealed class DocumentTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task A_generated_site_record_names_the_case_the_party_and_the_officers_and_leaves_no_placeholder()
    {
        var c = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var doc = await GenerateAsync(client, c.Id, SiteRecordInput);
        Assert.Equal("", doc.GetProperty("number").GetString());
        Assert.Equal(1, doc.GetProperty("templateVersion").GetInt32());
        Assert.Equal("Unsigned", doc.GetProperty("signatureStatus").GetString());

        var response = await client.GetAsync($"/api/v1/documents/{doc.GetProperty("id").GetInt32()}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("现场笔录", response.Content.Headers.ContentDisposition?.FileNameStar ?? "");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(doc.GetProperty("sha256").GetString(), Sha(bytes));

        var text = TextOf(bytes);
        Assert.Contains(c.Number, text);
        Assert.Contains(PartyName, text);
        Assert.Contains(Health, text);
        foreach (var name in c.OfficerNames) Assert.Contains(name, text);
        foreach (var number in c.CertificateNumbers) Assert.Contains(number, text);
        Assert.Contains("康宁诊所诊疗室", text);
        Assert.Contains("诊所未悬挂执业许可证", text);
        Assert.DoesNotContain("{{", text);

        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "document.downloaded" && a.SubjectId == doc.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture)));
        Assert.True(audited);
    }

    [Fact]
    public async Task Numbered_documents_get_consecutive_numbers_within_agency_kind_and_year()
    {
        var c = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        object Notice() => new { typeCode = "penalty-notice", fields = new Dictionary<string, string> { ["违法条款"] = "《医疗机构管理条例》第二十四条", ["处罚依据"] = "《医疗机构管理条例》第四十四条", ["拟处罚内容"] = "罚款人民币五千元" } };
        int year = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        // The demo's case awaiting the statement already holds a served notice: numbering goes on from there.
        int before = await app.WithDbAsync(db => db.NumberCounters.Where(n => n.Kind == "罚告" && n.AgencyId == c.AgencyId && n.Year == year).Select(n => n.Last).SingleOrDefaultAsync());
        var first = await GenerateAsync(client, c.Id, Notice());
        var second = await GenerateAsync(client, c.Id, Notice());
        Assert.Equal($"永卫罚告〔{year}〕{before + 1}号", first.GetProperty("number").GetString());
        Assert.Equal($"永卫罚告〔{year}〕{before + 2}号", second.GetProperty("number").GetString());

        var bytes = await client.GetByteArrayAsync($"/api/v1/documents/{second.GetProperty("id").GetInt32()}/file");
        Assert.Contains($"永卫罚告〔{year}〕{before + 2}号", TextOf(bytes));
        var last = await app.WithDbAsync(db => db.NumberCounters.Where(n => n.Kind == "罚告" && n.AgencyId == c.AgencyId && n.Year == year).Select(n => n.Last).SingleAsync());
        Assert.Equal(before + 2, last);
    }

    [Fact]
    public async Task Documents_generated_at_the_same_moment_get_distinct_numbers_without_gaps()
    {
        var c = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        object Demand() => new { typeCode = "demand-notice", fields = new Dictionary<string, string> { ["催告内容"] = "缴纳罚款五千元", ["期限"] = "2026年4月1日" } };
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => GenerateAsync(client, c.Id, Demand())));
        var sequences = results.Select(r => r.GetProperty("number").GetString()!)
            .Select(n => int.Parse(n[(n.IndexOf('〕') + 1)..^1], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal([1, 2, 3, 4], sequences);
    }

    [Fact]
    public async Task A_placeholder_split_across_runs_is_filled_and_keeps_the_first_runs_formatting()
    {
        var c = await CreateCaseAsync(app);
        var admin = await app.ApiClientAsync("admin");
        var template = Docx(["案号：{{案", "号}}"], ["当事人：", "{{当", "事人", "}}，地址 {{当事人地址}}"], ["{{内容}}"]);
        var upload = await UploadTemplateAsync(admin, c.AgencyId, "closing-report", template);
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        Assert.Equal(2, (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var handler = await app.ApiClientAsync("handler");
        var doc = await GenerateAsync(handler, c.Id, new { typeCode = "closing-report", fields = new Dictionary<string, string> { ["内容"] = "罚款已缴纳，予以结案。" } });
        Assert.Equal(2, doc.GetProperty("templateVersion").GetInt32());
        var bytes = await handler.GetByteArrayAsync($"/api/v1/documents/{doc.GetProperty("id").GetInt32()}/file");
        var text = TextOf(bytes);
        Assert.Contains($"案号：{c.Number}", text);
        Assert.Contains($"当事人：{PartyName}，地址 永兴县便江镇解放路 8 号", text);
        Assert.Contains("罚款已缴纳，予以结案。", text);
        Assert.DoesNotContain("{{", text);

        using var stream = new MemoryStream(bytes);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var firstRun = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First()
            .Elements<DocumentFormat.OpenXml.Wordprocessing.Run>().Single();
        Assert.NotNull(firstRun.RunProperties?.Bold);
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_naming_it_and_no_version_is_added()
    {
        var agencyId = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == Health).Select(a => a.Id).SingleAsync());
        var admin = await app.ApiClientAsync("admin");
        var response = await UploadTemplateAsync(admin, agencyId, "hearing-notice", Docx(["{{当事人}}：请于{{开会", "时间}}到场，{{案由}}"]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, fields, body) = await response.ReadProblemAsync();
        Assert.Equal("validation", code);
        Assert.Equal(["file"], fields);
        Assert.Contains("未知的占位符", body);
        Assert.Contains("{{开会时间}}", body);

        var notWord = await UploadTemplateAsync(admin, agencyId, "hearing-notice", "这不是 Word 文档"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notWord.StatusCode);
        Assert.Contains("不是有效的 Word 文档", (await notWord.ReadProblemAsync()).Body);

        var versions = await app.WithDbAsync(db => db.Set<DocumentTemplate>().CountAsync(t => t.AgencyId == agencyId && t.TypeCode == "hearing-notice"));
        Assert.Equal(1, versions);
    }

    [Fact]
    public async Task A_new_template_version_is_used_by_the_next_document_while_the_earlier_one_keeps_version_1()
    {
        var c = await CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        object Input() => new { typeCode = "supervision-opinion", fields = new Dictionary<string, string> { ["意见"] = "立即停止诊疗活动" } };
        var old = await GenerateAsync(handler, c.Id, Input());
        Assert.Equal(1, old.GetProperty("templateVersion").GetInt32());

        var admin = await app.ApiClientAsync("admin");
        var upload = await UploadTemplateAsync(admin, c.AgencyId, "supervision-opinion", Docx(["新版监督意见书 {{文书编号}}"], ["{{当事人}}：{{意见}}"]));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        var fresh = await GenerateAsync(handler, c.Id, Input());
        Assert.Equal(2, fresh.GetProperty("templateVersion").GetInt32());
        Assert.Contains("新版监督意见书", TextOf(await handler.GetByteArrayAsync($"/api/v1/documents/{fresh.GetProperty("id").GetInt32()}/file")));

        var again = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{old.GetProperty("id").GetInt32()}");
        Assert.Equal(1, again.GetProperty("templateVersion").GetInt32());
        var oldBytes = await handler.GetByteArrayAsync($"/api/v1/documents/{old.GetProperty("id").GetInt32()}/file");
        Assert.DoesNotContain("新版监督意见书", TextOf(oldBytes));

        var list = await handler.GetFromJsonAsync<List<JsonElement>>($"/api/v1/agencies/{c.AgencyId}/document-templates");
        Assert.Equal([2, 1], list!.Where(t => t.GetProperty("typeCode").GetString() == "supervision-opinion").Select(t => t.GetProperty("version").GetInt32()));
        Assert.Equal(DocumentTypes.All.Count, list!.Select(t => t.GetProperty("typeCode").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_refusal_to_sign_needs_the_officers_note_and_a_witness_and_is_recorded_once()
    {
        var c = await CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        int id = (await GenerateAsync(handler, c.Id, SiteRecordInput)).GetProperty("id").GetInt32();

        var refused = await handler.PostAsJsonAsync($"/api/v1/documents/{id}/signature", new { refused = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, fields, body) = await refused.ReadProblemAsync();
        Assert.Equal(["reason", "witness"], fields.Order());
        Assert.Contains("拒签情况说明不能为空", body);
        Assert.Contains("见证人不能为空", body);
        Assert.Equal(SignatureStatus.Unsigned, await app.WithDbAsync(db => db.Set<CaseDocument>().Where(d => d.Id == id).Select(d => d.SignatureStatus).SingleAsync()));

        var ok = await handler.PostAsJsonAsync($"/api/v1/documents/{id}/signature",
            new { refused = true, reason = "当事人拒绝在笔录上签名，执法人员当场说明了拒签后果", witness = "村委会主任 王五", signedAt = "2026-03-02T10:45:00" });
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var dto = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Refused", dto.GetProperty("signatureStatus").GetString());
        Assert.Equal("拒绝签名", dto.GetProperty("signatureLabel").GetString());
        Assert.Equal("村委会主任 王五", dto.GetProperty("witness").GetString());

        var again = await handler.PostAsJsonAsync($"/api/v1/documents/{id}/signature", new { refused = false, signedBy = "李明", signedAt = "2026-03-02T11:00:00" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_signature_names_who_signed_and_when()
    {
        var c = await CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        int id = (await GenerateAsync(handler, c.Id, SiteRecordInput)).GetProperty("id").GetInt32();
        var missing = await handler.PostAsJsonAsync($"/api/v1/documents/{id}/signature", new { refused = false });
        Assert.Equal(["signedAt", "signedBy"], (await missing.ReadProblemAsync()).Fields.Order());
        var ok = await handler.PostAsJsonAsync($"/api/v1/documents/{id}/signature", new { refused = false, signedBy = "李明", signedAt = "2026-03-02T10:45:00" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var signedAt = await app.WithDbAsync(db => db.Set<CaseDocument>().Where(d => d.Id == id).Select(d => d.SignedAt).SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 2, 2, 45, 0), signedAt);
    }

    [Fact]
    public async Task Uploading_the_signed_scan_leaves_the_generated_file_and_its_SHA256_unchanged()
    {
        var c = await CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        var doc = await GenerateAsync(handler, c.Id, SiteRecordInput);
        int id = doc.GetProperty("id").GetInt32();
        var sha = doc.GetProperty("sha256").GetString();

        var notScan = new MultipartFormDataContent { { new ByteArrayContent("plain text"u8.ToArray()), "file", "scan.txt" } };
        var refused = await handler.PostAsync($"/api/v1/documents/{id}/scan", notScan);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("PDF、JPEG 或 PNG", (await refused.ReadProblemAsync()).Body);

        var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "签名页.png" } };
        var response = await handler.PostAsync($"/api/v1/documents/{id}/scan", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var dto = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(dto.GetProperty("hasScan").GetBoolean());
        Assert.Equal(sha, dto.GetProperty("sha256").GetString());
        Assert.Equal(Sha(Png), dto.GetProperty("scanSha256").GetString());

        Assert.Equal(sha, Sha(await handler.GetByteArrayAsync($"/api/v1/documents/{id}/file")));
        var scan = await handler.GetAsync($"/api/v1/documents/{id}/scan");
        Assert.Equal("image/png", scan.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await scan.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_agency_gets_404_for_the_documents_of_a_case_it_cannot_see()
    {
        var c = await CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        var doc = await GenerateAsync(handler, c.Id, SiteRecordInput);
        int id = doc.GetProperty("id").GetInt32();
        var other = await app.ApiClientAsync("yj.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{c.Id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents", SiteRecordInput)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/documents/{id}/signature", new { refused = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/document-templates/{doc.GetProperty("templateId").GetInt32()}/file")).StatusCode);
        var page = await app.SignInAsync("yj.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/cases/{c.Id}/documents")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == c.Id)));
    }

    [Fact]
    public async Task Only_an_administrator_uploads_templates_and_a_supervisor_may_read_but_not_generate()
    {
        var c = await CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        var upload = await UploadTemplateAsync(handler, c.AgencyId, "site-record", Docx(["{{当事人}}"]));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        var supervisor = await app.ApiClientAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/cases/{c.Id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents", SiteRecordInput)).StatusCode);
    }

    [Fact]
    public async Task Generating_without_the_required_fields_names_them_in_Chinese()
    {
        var c = await CreateCaseAsync(app);
        var handler = await app.ApiClientAsync("handler");
        var response = await handler.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents", new { typeCode = "inquiry-record", fields = new { 时间 = "2026年3月2日" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, fields, body) = await response.ReadProblemAsync();
        Assert.Equal(["被询问人", "问答"], fields.Order());
        Assert.Contains("问答内容不能为空", body);
        var unknown = await handler.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents", new { typeCode = "no-such-type" });
        Assert.Equal(["typeCode"], (await unknown.ReadProblemAsync()).Fields);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == c.Id)));
    }

    [Fact]
    public async Task A_handler_generates_signs_and_uploads_the_scan_on_the_pages()
    {
        var c = await CreateCaseAsync(app);
        var client = await app.SignInAsync("handler");
        var form = await client.GetStringAsync($"/cases/{c.Id}/documents?type=inquiry-record");
        Assert.Contains("问答内容", form);

        var empty = await ZhifaFactory.PostFormAsync(client, $"/cases/{c.Id}/documents?type=inquiry-record", new() { ["TypeCode"] = "inquiry-record", ["Fields[时间]"] = "2026年3月2日" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("被询问人不能为空", await empty.Content.ReadAsStringAsync());

        var posted = await ZhifaFactory.PostFormAsync(client, $"/cases/{c.Id}/documents?type=inquiry-record", new()
        {
            ["TypeCode"] = "inquiry-record", ["Fields[时间]"] = "2026年3月2日 14时", ["Fields[被询问人]"] = "李明", ["Fields[问答]"] = "问：你是否取得执业许可？\n答：没有。",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var detail = posted.Headers.Location!.OriginalString;
        int id = int.Parse(detail.Split('/').Last(), CultureInfo.InvariantCulture);
        var list = await client.GetStringAsync($"/cases/{c.Id}/documents");
        Assert.Contains("询问笔录", list);
        Assert.Contains($"/api/v1/documents/{id}/file", list);

        var noWitness = await ZhifaFactory.PostFormAsync(client, detail, new() { ["Input.Refused"] = "true", ["Input.Reason"] = "拒绝签名" }, $"{detail}?handler=signature");
        Assert.Equal(HttpStatusCode.OK, noWitness.StatusCode);
        Assert.Contains("见证人不能为空", await noWitness.Content.ReadAsStringAsync());

        var signed = await ZhifaFactory.PostFormAsync(client, detail, new() { ["Input.Refused"] = "false", ["Input.SignedBy"] = "李明", ["Input.SignedAt"] = "2026-03-02T14:30" }, $"{detail}?handler=signature");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var scan = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 signed"u8.ToArray()), "Upload", "签名页.pdf" } };
        var uploaded = await ZhifaFactory.PostMultipartAsync(client, detail, scan, $"{detail}?handler=scan");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = await client.GetStringAsync(detail);
        Assert.Contains("已签名：李明", page);
        Assert.Contains("签名页.pdf", page);
    }

    [Fact]
    public async Task The_templates_page_lists_every_type_and_refuses_an_unknown_placeholder()
    {
        var client = await app.SignInAsync("admin");
        var agencyId = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == Health).Select(a => a.Id).SingleAsync());
        var page = await client.GetStringAsync($"/documents/templates?agencyId={agencyId}");
        foreach (var t in DocumentTypes.All) Assert.Contains(t.Name, page);
        var content = new MultipartFormDataContent
        {
            { new StringContent(agencyId.ToString(CultureInfo.InvariantCulture)), "AgencyId" },
            { new StringContent("demand-notice"), "TypeCode" },
            { new ByteArrayContent(Docx(["{{当事人}}：{{罚款金额}}"])), "Upload", "催告书.docx" },
        };
        var response = await ZhifaFactory.PostMultipartAsync(client, $"/documents/templates?agencyId={agencyId}", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("{{罚款金额}}", await response.Content.ReadAsStringAsync());

        var handler = await app.SignInAsync("handler");
        var readOnly = await handler.GetStringAsync("/documents/templates");
        Assert.Contains("现场笔录", readOnly);
        Assert.DoesNotContain("上传新版本", readOnly);
    }
}
