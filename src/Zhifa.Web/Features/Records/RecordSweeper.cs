using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure.Storage;

namespace Zhifa.Web.Features.Records;

public sealed record SweepResult(int Sessions, int TempFiles, int Blobs);

/// <summary>
/// Removes what abandoned uploads leave behind: sessions and temporary files older than a day, and stored files no
/// <see cref="StoredFile"/> row names (a crash between hashing and saving) once they are a day old, so an upload
/// being registered right now is never touched.
/// </summary>
public sealed class RecordSweeper(AppDbContext db, BlobStore blobs, UploadHashes hashes)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    public async Task<SweepResult> SweepAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var cutoff = nowUtc - MaxAge;
        int sessions = 0, temps = 0, orphans = 0;
        var stale = await db.Set<UploadSession>().Where(s => s.CreatedAt < cutoff).ToListAsync(ct);
        foreach (var s in stale)
        {
            if (File.Exists(s.TempPath)) { File.Delete(s.TempPath); temps++; }
            db.Set<UploadSession>().Remove(s);
            hashes.Forget(s.Id);
            sessions++;
        }
        if (stale.Count > 0) await db.SaveChangesAsync(ct);

        if (System.IO.Directory.Exists(blobs.TempRoot))
        {
            var live = (await db.Set<UploadSession>().Select(s => s.TempPath).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var path in System.IO.Directory.EnumerateFiles(blobs.TempRoot))
                if (!live.Contains(path) && File.GetLastWriteTimeUtc(path) < cutoff) { TryDelete(path); temps++; }
        }

        if (System.IO.Directory.Exists(blobs.Root))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(blobs.Root, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(path);
                if (File.GetLastWriteTimeUtc(path) >= cutoff) continue;
                if (await db.Set<StoredFile>().AnyAsync(f => f.Sha256 == name, ct)) continue;
                TryDelete(path);
                orphans++;
            }
        }
        return new SweepResult(sessions, temps, orphans);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Runs the sweep an hour after start and then every hour.</summary>
public sealed class RecordSweepService(IServiceScopeFactory scopes, TimeProvider time, ILogger<RecordSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var result = await scope.ServiceProvider.GetRequiredService<RecordSweeper>().SweepAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
                    if (result.Sessions + result.TempFiles + result.Blobs > 0 && log.IsEnabled(LogLevel.Information))
                        log.LogInformation("Upload sweep: {Sessions} sessions, {Temps} temporary files, {Blobs} unreferenced files removed", result.Sessions, result.TempFiles, result.Blobs);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Upload sweep failed; it runs again in an hour");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
