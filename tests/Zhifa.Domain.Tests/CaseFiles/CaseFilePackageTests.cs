using System.IO.Compression;
using System.Text;
using Zhifa.Domain.Audit;
using Zhifa.Domain.CaseFiles;

namespace Zhifa.Domain.Tests.CaseFiles;

public sealed class CaseFilePackageTests
{
    private static AuditRecord Entry(long seq)
    {
        var hash = AuditChain.ComputeHash(seq, 100, "handler", 2, "Case.created", "Case", "1", null, "d", "", AuditChain.GenesisHash);
        return new AuditRecord(seq, 100, "handler", 2, "Case.created", "Case", "1", null, "d", "", AuditChain.GenesisHash, hash);
    }

    private static async Task<MemoryStream> PackageAsync()
    {
        var ms = new MemoryStream();
        await CaseFilePackage.WriteAsync(ms, "永卫罚〔2026〕1号", "永兴县卫生健康局", new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc),
        [
            ("documents/01-现场笔录.docx", () => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("docx bytes")))),
            ("records/01-photo.jpg", () => Task.FromResult<Stream>(new MemoryStream(new byte[5000]))),
        ], [Entry(7)]);
        ms.Position = 0;
        return ms;
    }

    /// <summary>Rewrites the package with one entry changed, as someone tampering with the archive would.</summary>
    private static async Task<MemoryStream> TamperAsync(MemoryStream original, Action<ZipArchive> change)
    {
        var copy = new MemoryStream();
        await original.CopyToAsync(copy);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        copy.Position = 0;
        return copy;
    }

    [Fact]
    public async Task An_untouched_package_verifies_offline()
    {
        using var package = await PackageAsync();
        Assert.Empty(await CaseFilePackage.VerifyAsync(package));
    }

    [Fact]
    public async Task A_changed_file_is_named()
    {
        using var package = await TamperAsync(await PackageAsync(), zip =>
        {
            zip.GetEntry("records/01-photo.jpg")!.Delete();
            using var s = zip.CreateEntry("records/01-photo.jpg").Open();
            s.Write(new byte[5000].Select((_, i) => (byte)(i == 10 ? 1 : 0)).ToArray());
        });
        var problems = await CaseFilePackage.VerifyAsync(package);
        Assert.Contains(problems, p => p.StartsWith("records/01-photo.jpg：内容与清单不符", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_and_an_added_file_are_named()
    {
        using var package = await TamperAsync(await PackageAsync(), zip =>
        {
            zip.GetEntry("documents/01-现场笔录.docx")!.Delete();
            zip.CreateEntry("documents/99-extra.docx");
        });
        var problems = await CaseFilePackage.VerifyAsync(package);
        Assert.Contains(problems, p => p.Contains("documents/01-现场笔录.docx：清单中列出但案卷包中缺少", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("documents/99-extra.docx：清单中没有此文件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_audit_entry_in_the_manifest_is_named()
    {
        using var package = await TamperAsync(await PackageAsync(), zip =>
        {
            var entry = zip.GetEntry(PackageManifest.FileName)!;
            string json;
            using (var r = new StreamReader(entry.Open())) json = r.ReadToEnd();
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry(PackageManifest.FileName).Open());
            w.Write(json.Replace("\"actor\": \"handler\"", "\"actor\": \"someone\"", StringComparison.Ordinal));
        });
        var problems = await CaseFilePackage.VerifyAsync(package);
        Assert.Contains("审计日志第 7 条：哈希不符，内容被改动", problems);
    }

    [Fact]
    public async Task Something_that_is_not_a_zip_is_refused_plainly()
    {
        using var junk = new MemoryStream(Encoding.UTF8.GetBytes("not a zip"));
        Assert.Equal(["文件不是有效的 zip 案卷包"], await CaseFilePackage.VerifyAsync(junk));
    }
}
