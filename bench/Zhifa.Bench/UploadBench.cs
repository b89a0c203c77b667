using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Matters;
using Zhifa.Web;
using Zhifa.Web.Features.Admin;

namespace Zhifa.Bench;

/// <summary>
/// A 1 GiB record uploaded through the resumable API in 8 MiB chunks over loopback, next to what the disk and the
/// hash allow on this machine (the slower of `openssl dgst -sha256` and `dd … conv=fsync` over the same file), with
/// the memory the server grew by. Goals: ratio ≥ 0.8, growth &lt; 64 MiB.
/// </summary>
public static class UploadBench
{
    private const long FileSize = 1L << 30;
    private const int ChunkSize = 8 << 20;

    public static async Task RunAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "zhifa-bench-upload-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var source = Path.Combine(dir, "source.bin");
        try
        {
            await WriteRandomFileAsync(source);
            var (_, hostArgs) = Zhifa.Web.Cli.CommandLine.Split(["--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(dir, "data"), "--no-demo", "--Logging:LogLevel:Default=Warning"]);
            var app = ZhifaApp.Build([.. hostArgs]);
            await ZhifaApp.InitializeAsync(app.Services);
            await app.StartAsync();
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var (caseId, token) = await PrepareAsync(app.Services);
                using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

                // A small upload first, so that start-up costs are not measured.
                await UploadAsync(client, caseId, source, 16 << 20);

                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var process = Process.GetCurrentProcess();
                process.Refresh();
                long workingBefore = process.WorkingSet64, heapBefore = GC.GetTotalMemory(false), peakWorking = workingBefore;

                var sw = Stopwatch.StartNew();
                var sha = await UploadAsync(client, caseId, source, FileSize, () =>
                {
                    process.Refresh();
                    peakWorking = Math.Max(peakWorking, process.WorkingSet64);
                });
                double seconds = sw.Elapsed.TotalSeconds;
                process.Refresh();
                peakWorking = Math.Max(peakWorking, process.WorkingSet64);
                long heapAfter = GC.GetTotalMemory(false);

                string expected;
                await using (var read = File.OpenRead(source)) expected = Convert.ToHexStringLower(await SHA256.HashDataAsync(read));
                if (sha != expected) throw new InvalidOperationException($"stored SHA-256 {sha} differs from the file's {expected}");

                double openssl = TimeCommand("openssl", "dgst", "-sha256", source);
                double dd = TimeCommand("dd", $"if={source}", $"of={Path.Combine(dir, "dd.bin")}", "bs=8M", "conv=fsync");
                File.Delete(Path.Combine(dir, "dd.bin"));
                double mib = FileSize / 1048576.0;
                double throughput = mib / seconds, limit = mib / Math.Max(openssl, dd);

                Console.WriteLine($"file: {mib:F0} MiB in {ChunkSize >> 20} MiB chunks over loopback");
                Console.WriteLine($"{"what",-44}{"seconds",10}{"MiB/s",10}");
                Console.WriteLine($"{"upload (PATCH chunks + complete)",-44}{seconds,10:F2}{throughput,10:F1}");
                Console.WriteLine($"{"openssl dgst -sha256",-44}{openssl,10:F2}{mib / openssl,10:F1}");
                Console.WriteLine($"{"dd bs=8M conv=fsync",-44}{dd,10:F2}{mib / dd,10:F1}");
                Console.WriteLine($"limit (slower of the two): {limit:F1} MiB/s");
                Console.WriteLine($"ratio upload / limit: {throughput / limit:F2} (goal ≥ 0.8)");
                Console.WriteLine($"server working set growth (peak): {(peakWorking - workingBefore) / 1048576.0:F1} MiB (goal < 64 MiB); managed heap growth: {(heapAfter - heapBefore) / 1048576.0:F1} MiB");
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            MakeWritable(dir);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task WriteRandomFileAsync(string path)
    {
        var buffer = new byte[ChunkSize];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        for (long written = 0; written < FileSize; written += buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            await file.WriteAsync(buffer);
        }
    }

    private static async Task<(int CaseId, string Token)> PrepareAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agency = new Agency { Name = "基准测试局", ShortName = "基准", CreditCode = "11000000000000000X", Type = AgencyType.AdministrativeOrgan, Level = AgencyLevel.County };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var matter = new Matter { AgencyId = agency.Id, Code = "BENCH-1", Name = "基准测试事项", Category = MatterCategory.Penalty };
        db.Matters.Add(matter);
        await db.SaveChangesAsync();
        var c = new Case
        {
            AgencyId = agency.Id, MatterId = matter.Id, Category = CaseCategory.Penalty, Procedure = CaseProcedure.General,
            Number = "基准〔2026〕1号", Year = 2026, Sequence = 1, Title = "基准测试", Step = CaseSteps.Filed, OpenedAt = DateTime.UtcNow, OpenedBy = "bench",
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        var token = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateForCliAsync("admin", "bench", null);
        return (c.Id, token);
    }

    /// <summary>Uploads the first <paramref name="size"/> bytes of the file chunk by chunk and returns the stored SHA-256.</summary>
    private static async Task<string> UploadAsync(HttpClient client, int caseId, string path, long size, Action? afterChunk = null)
    {
        var start = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/uploads", new { fileName = "bench.mp4", size, contentType = "video/mp4" });
        start.EnsureSuccessStatusCode();
        var uploadId = (await start.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("uploadId").GetString();
        var buffer = new byte[ChunkSize];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        for (long offset = 0; offset < size;)
        {
            int n = (int)Math.Min(ChunkSize, size - offset);
            await file.ReadExactlyAsync(buffer.AsMemory(0, n));
            using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{uploadId}") { Content = new ByteArrayContent(buffer, 0, n) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
            request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode != 204) throw new InvalidOperationException($"PATCH at {offset}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            offset += n;
            afterChunk?.Invoke();
        }
        var now = DateTime.UtcNow.AddHours(8);
        var done = await client.PostAsJsonAsync($"/api/v1/uploads/{uploadId}/complete", new
        {
            kind = "录像", step = "现场检查", startedAt = now.AddHours(-1).ToString("s"), endedAt = now.ToString("s"), place = "基准测试", proves = "基准测试",
        });
        if ((int)done.StatusCode != 201) throw new InvalidOperationException($"complete: {(int)done.StatusCode} {await done.Content.ReadAsStringAsync()}");
        return (await done.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("sha256").GetString()!;
    }

    private static double TimeCommand(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{command} exited with {p.ExitCode}");
        return sw.Elapsed.TotalSeconds;
    }

    private static void MakeWritable(string dir)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
