using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure.Storage;

namespace Zhifa.Web.Features.Records;

/// <summary>The rows that name the stored files (集中存储), for every area that saves a file: they do not write this table themselves.</summary>
public sealed class StoredFiles(AppDbContext db)
{
    /// <summary>SHA-256 → size of the stored files named.</summary>
    public async Task<Dictionary<string, long>> SizesAsync(IEnumerable<string?> sha256s)
    {
        var names = sha256s.OfType<string>().Distinct().ToList();
        return await db.Set<StoredFile>().AsNoTracking().Where(f => names.Contains(f.Sha256)).ToDictionaryAsync(f => f.Sha256, f => f.Size);
    }

    /// <summary>Adds the file's row unless it exists; it is saved with the caller's next SaveChanges.</summary>
    public async Task EnsureAsync(StoredBlob blob)
    {
        if (db.Set<StoredFile>().Local.Any(f => f.Sha256 == blob.Sha256)) return;
        if (!await db.Set<StoredFile>().AnyAsync(f => f.Sha256 == blob.Sha256))
            db.Set<StoredFile>().Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, CreatedAt = db.UtcNow });
    }
}
