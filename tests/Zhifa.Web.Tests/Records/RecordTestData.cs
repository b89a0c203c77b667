using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Records;

/// <summary>Cases, files and uploads for the record tests, made directly in the database or through the API.</summary>
public static class RecordTestData
{
    public const string Health = "永兴县卫生健康局";
    public const string Chunk = "application/offset+octet-stream";

    /// <summary>A case of <paramref name="agencyName"/> handled by the officer of <paramref name="handlerUser"/>.</summary>
    public static Task<int> CreateCaseAsync(ZhifaFactory app, string agencyName = Health, string? handlerUser = "handler")
        => app.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Name == agencyName);
            return await CreateCaseAsync(db, agency.Id, handlerUser);
        });

    public static async Task<int> CreateCaseAsync(Zhifa.Data.AppDbContext db, int agencyId, string? handlerUser)
    {
        var matter = await db.Matters.FirstAsync(m => m.AgencyId == agencyId);
        int seq = Random.Shared.Next(100_000, 999_999);
        var c = new Case
        {
            AgencyId = agencyId, MatterId = matter.Id, Category = CaseCategory.Penalty, Procedure = CaseProcedure.General,
            Number = $"测〔2026〕{seq}号", Year = 2026, Sequence = seq, Title = "测试案件", Step = CaseSteps.Filed,
            OpenedAt = DateTime.UtcNow, OpenedBy = "test",
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        if (handlerUser is not null && await db.Users.Where(u => u.UserName == handlerUser).Select(u => u.OfficerId).SingleAsync() is { } officerId)
        {
            db.CaseOfficers.Add(new CaseOfficer { CaseId = c.Id, OfficerId = officerId, IsLead = true });
            await db.SaveChangesAsync();
        }
        return c.Id;
    }

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static object Metadata(string started = "2026-03-02T10:00:00", string ended = "2026-03-02T11:00:00", string kind = "录像")
        => new { kind, step = "现场检查", startedAt = started, endedAt = ended, place = "永兴县便江镇某诊所", proves = "现场检查情况", parties = "李某", deviceNumber = "DSJ-001" };

    public static async Task<string> StartAsync(HttpClient client, int caseId, string fileName, long size, string contentType = "video/mp4")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/uploads", new { fileName, size, contentType });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(0, body.GetProperty("offset").GetInt64());
        return body.GetProperty("uploadId").GetString()!;
    }

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string uploadId, long offset, byte[] bytes, int start, int count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{uploadId}") { Content = new ByteArrayContent(bytes, start, count) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Chunk);
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await client.SendAsync(request);
    }

    public static async Task<long> HeadOffsetAsync(HttpClient client, string uploadId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"/api/v1/uploads/{uploadId}");
        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Uploads <paramref name="bytes"/> in one chunk and completes it; returns the record as JSON.</summary>
    public static async Task<System.Text.Json.JsonElement> UploadAsync(HttpClient client, int caseId, byte[] bytes, string fileName, object? metadata = null, string contentType = "video/mp4")
    {
        var id = await StartAsync(client, caseId, fileName, bytes.Length, contentType);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await PatchAsync(client, id, 0, bytes, 0, bytes.Length)).StatusCode);
        var done = await client.PostAsJsonAsync($"/api/v1/uploads/{id}/complete", metadata ?? Metadata());
        Assert.True(done.StatusCode == System.Net.HttpStatusCode.Created, await done.Content.ReadAsStringAsync());
        return await done.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>
    /// A minimal JPEG whose EXIF says it was taken at <paramref name="dateTimeOriginal"/> ("yyyy:MM:dd HH:mm:ss", no
    /// zone) at 26°6′N 113°12′E: SOI, an APP1 segment with a little-endian TIFF structure (IFD0 → Exif IFD with
    /// DateTimeOriginal, IFD0 → GPS IFD), EOI.
    /// </summary>
    public static byte[] JpegWithExif(string dateTimeOriginal)
        => [0xFF, 0xD8, .. Features.Demo.DemoMedia.ExifSegment(dateTimeOriginal, [26, 6, 0], [113, 12, 0]), 0xFF, 0xD9];
}
