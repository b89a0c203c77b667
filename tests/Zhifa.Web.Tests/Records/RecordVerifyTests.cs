using Microsoft.Extensions.DependencyInjection;
using Zhifa.Web.Infrastructure.Storage;
using Zhifa.Web.Tests.Infrastructure;
using static Zhifa.Web.Tests.Records.RecordTestData;

namespace Zhifa.Web.Tests.Records;

/// <summary>REC-8: `verify` re-hashes every stored original; this class damages its own application's files.</summary>
public sealed class RecordVerifyTests(ZhifaFactory app) : IClassFixture<ZhifaFactory>
{
    [Fact]
    public async Task REC8_verify_names_a_changed_and_a_vanished_original_and_exits_non_zero()
    {
        int caseId = await CreateCaseAsync(app);
        var client = await app.ApiClientAsync("handler");
        var changedBytes = RandomBytes(3000);
        var vanishedBytes = RandomBytes(3000);
        var intactBytes = RandomBytes(3000);
        await UploadAsync(client, caseId, changedBytes, "改动.mp4");
        await UploadAsync(client, caseId, vanishedBytes, "丢失.mp4");
        await UploadAsync(client, caseId, intactBytes, "完好.mp4");

        var clean = await CliRunner.RunAsync(app, "verify");
        Assert.True(clean.ExitCode == 0, clean.StdOut + clean.StdErr);
        Assert.Contains("原始文件校验通过", clean.StdOut, StringComparison.Ordinal);

        var blobs = app.Services.GetRequiredService<BlobStore>();
        var changed = blobs.PathOf(Sha256(changedBytes));
        // Stored files are read-only; someone with shell access could still change one.
        if (OperatingSystem.IsWindows()) File.SetAttributes(changed, FileAttributes.Normal);
        else File.SetUnixFileMode(changed, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = await File.ReadAllBytesAsync(changed);
        bytes[1234] ^= 0xFF;
        await File.WriteAllBytesAsync(changed, bytes);
        File.Delete(blobs.PathOf(Sha256(vanishedBytes)));

        var result = await CliRunner.RunAsync(app, "verify");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{Sha256(changedBytes)} 内容已被改动：改动.mp4", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{Sha256(vanishedBytes)} 已丢失：丢失.mp4", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(Sha256(intactBytes), result.StdErr, StringComparison.Ordinal);
    }
}
