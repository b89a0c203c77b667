using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Zhifa.Domain.Audit;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.CaseFiles;

/// <summary>One file of an archived case file, as its manifest lists it.</summary>
public sealed record PackageFile(string Path, long Size, string Sha256);

/// <summary>The manifest at the root of a case-file package (REC-11): what is in it, with hashes, and the case's audit entries.</summary>
public sealed record PackageManifest(
    string Format,
    string CaseNumber,
    string Agency,
    DateTime CreatedAt,
    IReadOnlyList<PackageFile> Files,
    IReadOnlyList<AuditRecord> Audit)
{
    public const string CurrentFormat = "zhifa-case-file/1";
    public const string FileName = "manifest.json";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>
/// Writes and checks case-file packages: a zip with manifest.json and the files it lists. The check needs nothing but
/// the package, so an archive, a court or a supervisor can run it offline.
/// </summary>
public static class CaseFilePackage
{
    /// <summary>Writes the package; each file is streamed in and hashed on the way, so the manifest matches what was written.</summary>
    public static async Task<PackageManifest> WriteAsync(Stream output, string caseNumber, string agency, DateTime createdAt,
        IEnumerable<(string Path, Func<Task<Stream>> Open)> files, IReadOnlyList<AuditRecord> audit, CancellationToken ct = default)
    {
        var listed = new List<PackageFile>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, open) in files)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
                await using var target = entry.Open();
                await using var source = await open();
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 16];
                long size = 0;
                int n;
                while ((n = await source.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await target.WriteAsync(buffer.AsMemory(0, n), ct);
                    size += n;
                }
                listed.Add(new PackageFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset())));
            }
            var manifest = new PackageManifest(PackageManifest.CurrentFormat, caseNumber, agency, createdAt, listed, audit);
            var manifestEntry = zip.CreateEntry(PackageManifest.FileName, CompressionLevel.Fastest);
            await using var stream = manifestEntry.Open();
            await JsonSerializer.SerializeAsync(stream, manifest, PackageManifest.Json, ct);
            return manifest;
        }
    }

    /// <summary>Every problem found, in Chinese; empty when the package is intact.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(Stream package, CancellationToken ct = default)
    {
        var problems = new List<string>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return [Messages.Get("casefiles.package.not_zip")];
        }
        using (zip)
        {
            var manifestEntry = zip.GetEntry(PackageManifest.FileName);
            if (manifestEntry is null) return [Messages.Get("casefiles.package.manifest_missing")];
            PackageManifest? manifest;
            try
            {
                await using var s = manifestEntry.Open();
                manifest = await JsonSerializer.DeserializeAsync<PackageManifest>(s, PackageManifest.Json, ct);
            }
            catch (JsonException ex)
            {
                return [Messages.Get("casefiles.package.manifest_unreadable", ex.Message)];
            }
            if (manifest is null || manifest.Format != PackageManifest.CurrentFormat) return [Messages.Get("casefiles.package.manifest_format", PackageManifest.CurrentFormat)];

            var listed = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            foreach (var entry in zip.Entries.Where(e => e.FullName != PackageManifest.FileName && !e.FullName.EndsWith('/')))
            {
                if (!listed.TryGetValue(entry.FullName, out var expected))
                {
                    problems.Add(Messages.Get("casefiles.package.file_added", entry.FullName));
                    continue;
                }
                listed.Remove(entry.FullName);
                await using var s = entry.Open();
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[1 << 16];
                long size = 0;
                int n;
                while ((n = await s.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    size += n;
                }
                var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (size != expected.Size || sha != expected.Sha256)
                    problems.Add(Messages.Get("casefiles.package.file_changed", entry.FullName, expected.Size, expected.Sha256[..12], size, sha[..12]));
            }
            foreach (var missing in listed.Keys) problems.Add(Messages.Get("casefiles.package.file_missing", missing));
            foreach (var a in manifest.Audit.Where(a => AuditChain.ComputeHash(a) != a.Hash))
                problems.Add(Messages.Get("casefiles.package.audit_hash_mismatch", a.Sequence));
        }
        return problems;
    }
}
