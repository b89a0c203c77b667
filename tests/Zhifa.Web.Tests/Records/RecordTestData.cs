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
    {
        var tiff = new byte[178];
        void U16(int at, int v) { tiff[at] = (byte)v; tiff[at + 1] = (byte)(v >> 8); }
        void U32(int at, uint v) { U16(at, (int)(v & 0xFFFF)); U16(at + 2, (int)(v >> 16)); }
        void Entry(int at, int tag, int type, uint count, uint value) { U16(at, tag); U16(at + 2, type); U32(at + 4, count); U32(at + 8, value); }
        tiff[0] = (byte)'I'; tiff[1] = (byte)'I'; U16(2, 42); U32(4, 8);
        // IFD0 at 8: Exif IFD pointer and GPS IFD pointer.
        U16(8, 2); Entry(10, 0x8769, 4, 1, 38); Entry(22, 0x8825, 4, 1, 56); U32(34, 0);
        // Exif IFD at 38: DateTimeOriginal (ASCII, 20 bytes at 110).
        U16(38, 1); Entry(40, 0x9003, 2, 20, 110); U32(52, 0);
        // GPS IFD at 56: N, latitude at 130, E, longitude at 154 ("N\0" and "E\0" fit in the value field).
        U16(56, 4); Entry(58, 1, 2, 2, 'N'); Entry(70, 2, 5, 3, 130); Entry(82, 3, 2, 2, 'E'); Entry(94, 4, 5, 3, 154); U32(106, 0);
        System.Text.Encoding.ASCII.GetBytes(dateTimeOriginal).CopyTo(tiff, 110);
        uint[] lat = [26, 1, 6, 1, 0, 1], lon = [113, 1, 12, 1, 0, 1];
        for (int i = 0; i < 6; i++) { U32(130 + i * 4, lat[i]); U32(154 + i * 4, lon[i]); }

        var app1 = new List<byte> { 0xFF, 0xE1 };
        int length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8)); app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [0xFF, 0xD8, .. app1, 0xFF, 0xD9];
    }
}
