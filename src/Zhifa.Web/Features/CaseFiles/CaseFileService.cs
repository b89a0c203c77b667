using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Audit;
using Zhifa.Domain.CaseFiles;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.CaseFiles;

/// <summary>One line of the case file's catalogue (卷内目录).</summary>
public sealed record CatalogueItem(int Order, string Kind, string Title, string Number, DateTime At, string? PackagePath, string? Sha256, long? Size);

/// <summary>
/// The case file (案卷, REC-11): a catalogue of every document, record and step of the case, and its export as a zip
/// package whose manifest lists each file's size and SHA-256 and the case's audit entries, checkable offline with
/// the verify-package verb.
/// </summary>
public sealed class CaseFileService(AppDbContext db, BlobStore blobs, CurrentUser me, TimeProvider time, Cases.CaseService cases,
    Documents.DocumentService documentService, Records.RecordService recordService, Records.StoredFiles storedFiles, Agencies.AgencyService agencies)
{
    public async Task<Case?> FindVisibleAsync(int caseId)
    {
        var c = await cases.FindAsync(caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    /// <summary>The catalogue with the path each file takes in the package, in the order of the case.</summary>
    public async Task<List<(CatalogueItem Item, string? Blob)>> CatalogueAsync(Case c)
    {
        var items = new List<(DateTime At, string Kind, string Title, string Number, string? Path, string? Blob, long? Size)>();
        var documents = await documentService.OfCaseAsync(c.Id);
        var sizes = await storedFiles.SizesAsync(documents.Select(d => d.Sha256).Concat(documents.Select(d => d.ScanSha256)));
        int n = 0;
        foreach (var d in documents)
        {
            n++;
            var name = DocumentTypes.Find(d.TypeCode)?.Name ?? d.TypeCode;
            items.Add((d.GeneratedAt, T("casefiles.kind.document"), name, d.Number, $"documents/{n:D3}-{Safe(name)}.docx", d.Sha256, sizes.GetValueOrDefault(d.Sha256)));
            if (d.ScanSha256 is { } scan)
                items.Add((d.ScanUploadedAt ?? d.GeneratedAt, T("casefiles.kind.signed_scan"), name + T("casefiles.signed_scan_suffix"), d.Number,
                    $"documents/{n:D3}-{Safe(name)}{CaseFilePaths.SignedScanSuffix}{Path.GetExtension(d.ScanFileName)}", scan, sizes.GetValueOrDefault(scan)));
        }
        var records = await recordService.OfCaseAsync(c.Id);
        n = 0;
        foreach (var r in records)
        {
            n++;
            items.Add((r.StartedAt, T("casefiles.kind.record"), $"{RecordRules.Label(r.Kind)}：{(r.Proves.Length > 0 ? r.Proves : r.FileName)}", "",
                $"records/{n:D3}-{Safe(r.FileName)}", r.Sha256, r.Size));
        }
        foreach (var h in await cases.HistoryAsync(c.Id))
            items.Add((h.At, T("casefiles.kind.step"), $"{CaseStepLabel(h.FromStep)} → {CaseStepLabel(h.ToStep)}{(h.Note.Length > 0 ? "：" + h.Note : "")}", "", null, null, null));

        return items.OrderBy(i => i.At).Select((i, k) => (new CatalogueItem(k + 1, i.Kind, i.Title, i.Number, i.At, i.Path, i.Blob, i.Size), i.Blob)).ToList();
    }

    /// <summary>Writes the package to <paramref name="output"/>; the export itself is audited.</summary>
    public async Task WritePackageAsync(Case c, Stream output, CancellationToken ct)
    {
        var catalogue = await CatalogueAsync(c);
        var agency = await agencies.NameAsync(c.AgencyId) ?? throw new InvalidOperationException("agency " + c.AgencyId + " not found");
        var files = new List<(string, Func<Task<Stream>>)>
        {
            ("catalogue.csv", () => Task.FromResult<Stream>(new MemoryStream(CatalogueCsv(c, catalogue.Select(x => x.Item))))),
        };
        foreach (var (item, blob) in catalogue.Where(x => x.Item.PackagePath is not null && x.Blob is not null))
            files.Add((item.PackagePath!, () => Task.FromResult(blobs.OpenRead(blob!))));

        db.AddAuditEvent("case-file.exported", "Case", c.Id.ToString(CultureInfo.InvariantCulture), c.AgencyId, T("casefiles.audit.exported", catalogue.Count));
        await db.SaveChangesAsync(ct);
        await CaseFilePackage.WriteAsync(output, c.Number, agency, time.GetUtcNow().UtcDateTime, files, await AuditOfAsync(c, ct), ct);
    }

    /// <summary>The audit entries about the case and everything that belongs to it.</summary>
    private async Task<List<AuditRecord>> AuditOfAsync(Case c, CancellationToken ct)
    {
        string S(int id) => id.ToString(CultureInfo.InvariantCulture);
        var subjects = new List<(string Type, string Id)> { ("Case", S(c.Id)) };
        subjects.AddRange((await documentService.OfCaseAsync(c.Id)).Select(d => ("CaseDocument", S(d.Id))));
        subjects.AddRange((await recordService.OfCaseAsync(c.Id)).Select(r => ("Record", S(r.Id))));
        subjects.AddRange((await cases.RowsOfAsync(c.Id)).Select(x => (x.Type, S(x.Id))));
        var byType = subjects.GroupBy(s => s.Type).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList());
        var entries = new List<AuditRecord>();
        foreach (var (type, ids) in byType)
        {
            foreach (var chunk in ids.Chunk(500))
                entries.AddRange((await db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == type && chunk.Contains(e.SubjectId)).ToListAsync(ct)).Select(e => e.ToRecord()));
        }
        return entries.OrderBy(e => e.Sequence).ToList();
    }

    private static byte[] CatalogueCsv(Case c, IEnumerable<CatalogueItem> items)
    {
        var sb = new StringBuilder();
        sb.Append('\uFEFF').AppendLine(T("casefiles.csv.title", Csv(c.Number)));
        sb.AppendLine(T("casefiles.csv.header"));
        foreach (var i in items)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{i.Order},{Csv(i.Kind)},{Csv(i.Title)},{Csv(i.Number)},{Display.DateTime(i.At)},{Csv(i.PackagePath ?? "")},{i.Size},{i.Sha256}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static string Safe(string name) => string.Concat(name.Select(ch => Path.GetInvalidFileNameChars().Contains(ch) || ch == '/' ? '_' : ch));

    private static string CaseStepLabel(string step) => string.IsNullOrEmpty(step) ? T("casefiles.step.start") : CaseSteps.Label(step);

    public static string PackageFileName(Case c) => T("casefiles.package_file_name", c.Number);
}
