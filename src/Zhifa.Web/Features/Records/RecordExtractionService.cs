using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Records;

public sealed record ExtractionInput(string? Purpose);

public sealed record ExtractionView(int Id, int RecordId, string Maker, string Extractor, DateTime ExtractedAt, string Purpose, string Sha256);

/// <summary>Extracts a record as evidence: registers maker, extractor and time, and yields the original with a statement page.</summary>
public sealed class RecordExtractionService(AppDbContext db, BlobStore blobs, CurrentUser me, Cases.CaseService cases, Officers.OfficerService officerService)
{
    public async Task<List<ExtractionView>> ListAsync(int recordId)
        => (await db.Set<RecordExtraction>().AsNoTracking().Where(x => x.RecordId == recordId).OrderBy(x => x.Id).ToListAsync())
            .Select(x => new ExtractionView(x.Id, x.RecordId, x.Maker, x.Extractor, x.ExtractedAt, x.Purpose, x.Sha256)).ToList();

    /// <summary>Registers the extraction and returns a zip with the untouched original and 证据提取说明.docx.</summary>
    public async Task<Stream> ExtractAsync(Record record, ExtractionInput input, CancellationToken ct)
    {
        RecordExtraction.Validate(input.Purpose).ThrowIfAny();
        var maker = record.CollectorOfficerId is { } id ? await officerService.NameAsync(id) ?? "" : "";
        var caseNumber = await cases.NumberAsync(record.CaseId);
        var extraction = new RecordExtraction
        {
            AgencyId = record.AgencyId, CaseId = record.CaseId, RecordId = record.Id, Maker = maker, Extractor = me.DisplayName,
            ExtractedAt = db.UtcNow, Purpose = input.Purpose!.Trim(), Sha256 = record.Sha256,
        };
        db.Add(extraction);
        await db.SaveChangesAsync(ct);

        var path = blobs.NewTempPath();
        var zipFile = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(zipFile, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var target = zip.CreateEntry(T("records.extraction.original_entry", record.FileName), CompressionLevel.NoCompression).Open())
            await using (var source = blobs.OpenRead(record.Sha256))
                await source.CopyToAsync(target, ct);
            await using var statement = zip.CreateEntry(T("records.extraction.statement_file")).Open();
            await statement.WriteAsync(Statement(caseNumber, record, extraction), ct);
        }
        zipFile.Position = 0;
        return zipFile;
    }

    private static byte[] Statement(string caseNumber, Record record, RecordExtraction x)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            Paragraph Line(string text, bool bold = false) => new(new Run(
                bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(Line(T("records.extraction.statement_title"), bold: true));
            foreach (var text in new[]
            {
                T("records.extraction.case_number", caseNumber),
                T("records.extraction.record", RecordRules.Label(record.Kind), record.FileName, record.Size),
                T("records.extraction.record_time", Display.DateTime(record.StartedAt), Display.DateTime(record.EndedAt), record.Place),
                T("records.extraction.proves", record.Proves),
                T("records.extraction.maker", x.Maker, record.DeviceNumber),
                T("records.extraction.extractor", x.Extractor, Display.DateTime(x.ExtractedAt)),
                T("records.extraction.purpose_line", x.Purpose),
                $"SHA-256：{record.Sha256}",
                T("records.extraction.same_as_original"),
            })
            {
                body.Append(Line(text));
            }
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }
}
