using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Domain.Records;
using Record = Zhifa.Domain.Records.Record;
using Zhifa.Web.Infrastructure.Storage;
using Zhifa.Web.Tests.Infrastructure;
using Zhifa.Web.Tests.Scope;

namespace Zhifa.Web.Tests.Records;

/// <summary>A case with a record and an unfinished upload of agency B, for the scope test of the record routes.</summary>
public sealed class RecordScopeProbe : IScopeProbeRecords
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ZhifaFactory app, int agencyBId)
    {
        var blobs = app.Services.GetRequiredService<BlobStore>();
        StoredBlob blob;
        using (var content = new MemoryStream("scope probe record of agency B"u8.ToArray()))
            blob = await blobs.SaveAsync(content);
        return await app.WithDbAsync(async db =>
        {
            int caseId = await RecordTestData.CreateCaseAsync(db, agencyBId, "handler");
            if (await db.Set<StoredFile>().FindAsync(blob.Sha256) is null)
                db.Set<StoredFile>().Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, CreatedAt = DateTime.UtcNow });
            var record = new Record
            {
                CaseId = caseId, AgencyId = agencyBId, Kind = RecordKind.Photo, Step = "现场检查", StartedAt = DateTime.UtcNow.AddHours(-1),
                EndedAt = DateTime.UtcNow, Place = "某诊所", Proves = "现场状况", FileName = "probe.jpg", ContentType = "image/jpeg",
                Size = blob.Size, Sha256 = blob.Sha256, RegisteredAt = DateTime.UtcNow, RegisteredBy = "handler",
            };
            db.Set<Record>().Add(record);
            var temp = blobs.NewTempPath();
            await File.WriteAllBytesAsync(temp, [1, 2, 3]);
            var upload = new UploadSession
            {
                Id = Guid.NewGuid().ToString("N"), CaseId = caseId, AgencyId = agencyBId, FileName = "probe.mp4", ContentType = "video/mp4",
                Size = 10, Received = 3, TempPath = temp, CreatedBy = "handler", CreatedAt = DateTime.UtcNow,
            };
            db.Set<UploadSession>().Add(upload);
            await db.SaveChangesAsync();
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["caseId"] = caseId.ToString(CultureInfo.InvariantCulture),
                ["recordId"] = record.Id.ToString(CultureInfo.InvariantCulture),
                ["uploadId"] = upload.Id,
            };
        });
    }
}
