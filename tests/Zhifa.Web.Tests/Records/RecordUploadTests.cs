using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Domain.Records;
using Record = Zhifa.Domain.Records.Record;
using Zhifa.Web.Features.Records;
using Zhifa.Web.Infrastructure.Storage;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Records.RecordTestData;

namespace Zhifa.Web.Tests.Records;

/// <summary>REC-5 … REC-8 through the real pipeline: resumable uploads, metadata from the file, lateness, downloads.</summary>
public sealed class RecordUploadTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task REC5_a_file_sent_in_three_chunks_and_resumed_after_a_break_becomes_one_record_with_its_SHA256()
    {
        int caseId = await CreateCaseAsync(app);
        var bytes = RandomBytes(300_000 + 123);
        var first = await app.ApiClientAsync("handler");
        var id = await StartAsync(first, caseId, "现场检查.mp4", bytes.Length);
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(first, id, 0, bytes, 0, 100_000)).StatusCode);
        first.Dispose(); // the connection broke
        // As after a restart of the server: the hash computed on the way in is gone, so completion reads the file.
        app.Services.GetRequiredService<UploadHashes>().Forget(id);

        var second = await app.ApiClientAsync("handler");
        long offset = await HeadOffsetAsync(second, id);
        Assert.Equal(100_000, offset);
        var patch = await PatchAsync(second, id, offset, bytes, (int)offset, 100_000);
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.Equal("200000", patch.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(second, id, 200_000, bytes, 200_000, bytes.Length - 200_000)).StatusCode);
        Assert.Equal(bytes.Length, await HeadOffsetAsync(second, id));

        var done = await second.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", Metadata());
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var record = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Sha256(bytes), record.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, record.GetProperty("size").GetInt64());
        Assert.Equal("录像", record.GetProperty("kindLabel").GetString());

        var records = await app.WithDbAsync(db => db.Set<Record>().Where(r => r.CaseId == caseId).ToListAsync());
        Assert.Equal(Sha256(bytes), Assert.Single(records).Sha256);
        Assert.False(await app.WithDbAsync(db => db.Set<UploadSession>().AnyAsync(s => s.Id == id)));
        var blobs = app.Services.GetRequiredService<BlobStore>();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(blobs.PathOf(Sha256(bytes))));
    }

    [Fact]
    public async Task REC5_a_file_sent_in_order_is_hashed_on_the_way_in_to_the_same_SHA256()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var bytes = RandomBytes(250_000);
        var id = await StartAsync(client, caseId, "顺序.mp4", bytes.Length);
        for (int at = 0; at < bytes.Length; at += 64_000)
            Assert.Equal(HttpStatusCode.NoContent, (await PatchAsync(client, id, at, bytes, at, Math.Min(64_000, bytes.Length - at))).StatusCode);
        var done = await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", Metadata());
        var record = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Sha256(bytes), record.GetProperty("sha256").GetString());
        var blobs = app.Services.GetRequiredService<BlobStore>();
        Assert.True(await blobs.IsIntactAsync(Sha256(bytes)));
    }

    [Fact]
    public async Task REC5_a_chunk_at_the_wrong_offset_is_refused_with_409_and_the_current_offset()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var bytes = RandomBytes(2000);
        var id = await StartAsync(client, caseId, "a.mp4", bytes.Length);
        await PatchAsync(client, id, 0, bytes, 0, 1000);

        var response = await PatchAsync(client, id, 500, bytes, 500, 1000);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("1000", response.Headers.GetValues("Upload-Offset").Single());
        var (code, _, body) = await response.ReadProblemAsync();
        Assert.Equal("wrong_offset", code);
        Assert.Contains("1000", body, StringComparison.Ordinal);
        Assert.Equal(1000, await HeadOffsetAsync(client, id));
    }

    [Fact]
    public async Task REC5_more_bytes_than_announced_are_refused_and_nothing_of_the_chunk_is_kept()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var bytes = RandomBytes(2000);
        var id = await StartAsync(client, caseId, "a.mp4", 1500);
        var response = await PatchAsync(client, id, 0, bytes, 0, 2000);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await HeadOffsetAsync(client, id));
    }

    [Fact]
    public async Task REC5_an_upload_never_completed_leaves_no_record_and_the_sweep_removes_its_temporary_file()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var bytes = RandomBytes(5000);
        var id = await StartAsync(client, caseId, "abandoned.mp4", bytes.Length);
        await PatchAsync(client, id, 0, bytes, 0, 3000);
        var temp = await app.WithDbAsync(db => db.Set<UploadSession>().Where(s => s.Id == id).Select(s => s.TempPath).SingleAsync());
        Assert.True(File.Exists(temp));

        // Not yet a day old: kept, so a resume still works.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RecordSweeper>().SweepAsync(DateTime.UtcNow);
        Assert.True(File.Exists(temp));

        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RecordSweeper>().SweepAsync(DateTime.UtcNow.AddHours(25));
            Assert.True(result.Sessions >= 1);
        }
        Assert.False(File.Exists(temp));
        Assert.False(await app.WithDbAsync(db => db.Set<UploadSession>().AnyAsync(s => s.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.Set<Record>().AnyAsync(r => r.CaseId == caseId)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", Metadata())).StatusCode);
    }

    [Fact]
    public async Task REC8_the_same_bytes_uploaded_twice_are_stored_once_for_two_records()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var bytes = RandomBytes(4096);
        var a = await UploadAsync(client, caseId, bytes, "一.mp4");
        var b = await UploadAsync(client, caseId, bytes, "二.mp4");
        Assert.NotEqual(a.GetProperty("id").GetInt32(), b.GetProperty("id").GetInt32());
        var sha = Sha256(bytes);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StoredFile>().CountAsync(f => f.Sha256 == sha)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Record>().CountAsync(r => r.Sha256 == sha)));
        var blobs = app.Services.GetRequiredService<BlobStore>();
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(blobs.PathOf(sha))!), f => Path.GetFileName(f) == sha);
    }

    [Fact]
    public async Task REC6_capture_time_and_GPS_are_read_from_the_JPEG_and_a_time_outside_the_span_is_warned()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var inside = await UploadAsync(client, caseId, JpegWithExif("2026:03:02 10:30:00"), "现场照片1.jpg", contentType: "image/jpeg");
        // 10:30 China time is 02:30 UTC.
        Assert.Equal(new DateTime(2026, 3, 2, 2, 30, 0, DateTimeKind.Utc), inside.GetProperty("captureTime").GetDateTime().ToUniversalTime());
        Assert.Equal(26.1, inside.GetProperty("latitude").GetDouble(), 4);
        Assert.Equal(113.2, inside.GetProperty("longitude").GetDouble(), 4);
        Assert.Equal("", inside.GetProperty("metadataWarning").GetString());

        var outside = await UploadAsync(client, caseId, JpegWithExif("2026:03:01 08:00:00"), "现场照片2.jpg", contentType: "image/jpeg");
        Assert.StartsWith("拍摄时间与记录时间不一致：", outside.GetProperty("metadataWarning").GetString(), StringComparison.Ordinal);

        var page = await (await app.SignInAsync("handler")).GetStringAsync($"/cases/{caseId}/records");
        Assert.Contains("拍摄时间与记录时间不一致", page, StringComparison.Ordinal);
        Assert.Contains("26.10000", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task REC6_a_small_file_can_be_registered_with_the_plain_form_without_JavaScript()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.SignInAsync("handler");
        var jpeg = JpegWithExif("2026:03:02 10:30:00");
        var form = new MultipartFormDataContent
        {
            { new StringContent("Photo"), "Input.Kind" }, { new StringContent("现场检查"), "Input.Step" },
            { new StringContent("2026-03-02T10:00"), "Input.StartedAt" }, { new StringContent("2026-03-02T11:00"), "Input.EndedAt" },
            { new StringContent("永兴县某诊所"), "Input.Place" }, { new StringContent("诊所现场状况"), "Input.Proves" },
        };
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "Upload", "诊所.jpg");
        var response = await ZhifaFactory.PostMultipartAsync(client, $"/cases/{caseId}/records/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{caseId}/records", response.Headers.Location?.OriginalString);
        var record = await app.WithDbAsync(db => db.Set<Record>().SingleAsync(r => r.CaseId == caseId));
        Assert.Equal(Sha256(jpeg), record.Sha256);
        Assert.Equal(RecordKind.Photo, record.Kind);
        Assert.NotNull(record.CaptureTime);
        var list = await client.GetStringAsync($"/cases/{caseId}/records");
        Assert.Contains("诊所.jpg", list, StringComparison.Ordinal);
        Assert.Contains(Sha256(jpeg)[..12], list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plain_form_names_each_missing_field_and_registers_nothing()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.SignInAsync("handler");
        var form = new MultipartFormDataContent { { new StringContent("Video"), "Input.Kind" } };
        var response = await ZhifaFactory.PostMultipartAsync(client, $"/cases/{caseId}/records/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请填写证明对象", html, StringComparison.Ordinal);
        Assert.Contains("请选择文件", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<Record>().AnyAsync(r => r.CaseId == caseId)));
    }

    [Fact]
    public async Task The_new_record_page_has_the_progress_bar_and_the_upload_script()
    {
        int caseId = await CreateCaseAsync(app);
        var html = await (await app.SignInAsync("handler")).GetStringAsync($"/cases/{caseId}/records/new");
        Assert.Contains("data-testid=\"upload-progress\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/upload.js", html, StringComparison.Ordinal);
        var js = await (await app.SignInAsync("handler")).GetAsync("/js/upload.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    [Fact]
    public async Task REC7_a_record_of_the_day_before_the_May_holiday_registered_months_later_is_listed_as_late_until_approval_is_noted()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var late = await UploadAsync(client, caseId, RandomBytes(1000), "迟到.mp4", Metadata("2026-04-30T15:00:00", "2026-04-30T16:00:00"));
        Assert.True(late.GetProperty("late").GetBoolean());
        int id = late.GetProperty("id").GetInt32();
        var fresh = await UploadAsync(client, caseId, RandomBytes(1000), "及时.mp4",
            Metadata(RecordService.ToChina(DateTime.UtcNow).AddHours(-1).ToString("s"), RecordService.ToChina(DateTime.UtcNow).ToString("s")));
        Assert.False(fresh.GetProperty("late").GetBoolean());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/records/late");
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("record").GetProperty("id").GetInt32() == id);
        Assert.DoesNotContain(list.EnumerateArray(), a => a.GetProperty("record").GetProperty("id").GetInt32() == fresh.GetProperty("id").GetInt32());
        var page = await (await app.SignInAsync("handler")).GetStringAsync("/records/late");
        Assert.Contains("迟到.mp4", page, StringComparison.Ordinal);
        Assert.Contains("逾期登记", page, StringComparison.Ordinal);
        // Another agency sees none of it.
        var other = await (await app.ApiClientAsync("yj.admin")).GetFromJsonAsync<JsonElement>("/api/v1/records/late");
        Assert.DoesNotContain(other.EnumerateArray(), a => a.GetProperty("record").GetProperty("id").GetInt32() == id);

        var approved = new
        {
            kind = "录像", step = "现场检查", startedAt = "2026-04-30T15:00:00", endedAt = "2026-04-30T16:00:00", place = "某诊所",
            proves = "现场检查情况", lateApprovedInAdvance = true, lateApprovalNote = "经分管领导事先批准延期登记",
        };
        var put = await client.PutAsJsonAsync($"/api/v1/records/{id}", approved);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var corrected = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(corrected.GetProperty("late").GetBoolean());
        Assert.Equal(late.GetProperty("sha256").GetString(), corrected.GetProperty("sha256").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Record.updated" && e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task REC7_an_interruption_without_explanation_is_listed()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var now = RecordService.ToChina(DateTime.UtcNow);
        var r = await UploadAsync(client, caseId, RandomBytes(800), "中断.mp4", new
        {
            kind = "录像", step = "现场检查", startedAt = now.AddHours(-1).ToString("s"), endedAt = now.ToString("s"), place = "某诊所",
            proves = "现场检查情况", interruptions = "10:20 至 10:25 中断",
        });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/records/late");
        var item = Assert.Single(list.EnumerateArray(), a => a.GetProperty("record").GetProperty("id").GetInt32() == r.GetProperty("id").GetInt32());
        Assert.Contains("中断未说明", item.GetProperty("reasons").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task Completing_with_missing_metadata_names_the_fields_and_the_upload_can_still_be_completed()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var bytes = RandomBytes(1000);
        var id = await StartAsync(client, caseId, "a.mp4", bytes.Length);
        await PatchAsync(client, id, 0, bytes, 0, bytes.Length);
        var bad = await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", new { kind = "录像" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var (_, fields, _) = await bad.ReadProblemAsync();
        Assert.Contains("proves", fields);
        Assert.Contains("startedAt", fields);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", Metadata())).StatusCode);
    }

    [Fact]
    public async Task REC8_a_download_streams_the_original_with_ranges_and_is_audited()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var bytes = RandomBytes(10_000);
        var r = await UploadAsync(client, caseId, bytes, "下载.mp4");
        int id = r.GetProperty("id").GetInt32();

        var whole = await client.GetAsync($"/api/v1/records/{id}/content");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/records/{id}/content");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
        var part = await client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[100..200], await part.Content.ReadAsByteArrayAsync());
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "record.downloaded" && e.SubjectId == idText)));

        // Same agency but neither handler of the case nor a head: not allowed to open the file.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync("reviewer")).GetAsync($"/api/v1/records/{id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync("yj.admin")).GetAsync($"/api/v1/records/{id}/content")).StatusCode);
        Assert.Equal(3 - 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "record.downloaded" && e.SubjectId == idText)));
    }

    [Fact]
    public async Task A_user_who_is_not_a_handler_of_the_case_cannot_start_an_upload()
    {
        int caseId = await CreateCaseAsync(app, handlerUser: null);
        var response = await (await app.ApiClientAsync("handler")).PostAsJsonAsync($"/api/v1/cases/{caseId}/uploads", new { fileName = "a.mp4", size = 10 });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await app.ApiClientAsync("head")).PostAsJsonAsync($"/api/v1/cases/{caseId}/uploads", new { fileName = "a.mp4", size = 10 })).StatusCode);
    }
}
