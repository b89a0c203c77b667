using System.Security.Cryptography;

namespace Zhifa.Web.Infrastructure.Storage;

public sealed record StoredBlob(string Sha256, long Size);

/// <summary>
/// The content-addressed, write-once file store (REC-8) on the local disk: blobs/ab/cd/&lt;sha256&gt;. A file is streamed
/// to a temporary file while hashed, flushed to disk, then renamed into place and made read-only; the same bytes are
/// stored once. Callers commit the database row that points at a blob only after <see cref="SaveAsync"/> returns, so a
/// row never points at a partial file; a crash leaves at most an unreferenced blob or temporary file.
/// </summary>
public sealed class BlobStore(ZhifaOptions options)
{
    private const int BufferSize = 1 << 20;

    public string Root => Path.Combine(Path.GetFullPath(options.DataDirectory), "blobs");
    public string TempRoot => Path.Combine(Path.GetFullPath(options.DataDirectory), "tmp");

    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("not a SHA-256 in lower-case hex", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public Stream OpenRead(string sha256)
        => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>A new temporary file in the store's own volume, so that the final rename is atomic.</summary>
    public string NewTempPath()
    {
        Directory.CreateDirectory(TempRoot);
        return Path.Combine(TempRoot, Guid.NewGuid().ToString("N") + ".part");
    }

    /// <summary>Streams <paramref name="content"/> into the store in constant memory.</summary>
    public async Task<StoredBlob> SaveAsync(Stream content, CancellationToken ct = default)
    {
        var temp = NewTempPath();
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, ct);
                file.Flush(flushToDisk: true);
            }
            return await CommitTempAsync(temp, ct);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Hashes a finished temporary file (e.g. a resumed upload) and moves it into the store.</summary>
    public async Task<StoredBlob> CommitTempAsync(string tempPath, CancellationToken ct = default)
    {
        string hash;
        long size;
        await using (var read = new FileStream(tempPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            size = read.Length;
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        }
        return MoveIntoStore(tempPath, hash, size);
    }

    /// <summary>
    /// Moves a finished temporary file whose SHA-256 the caller computed while writing it (a chunked upload hashed on
    /// the way in) into the store, without reading it again.
    /// </summary>
    public StoredBlob CommitHashedTemp(string tempPath, string sha256) => MoveIntoStore(tempPath, sha256, new FileInfo(tempPath).Length);

    private StoredBlob MoveIntoStore(string tempPath, string hash, long size)
    {
        var target = PathOf(hash);
        if (File.Exists(target))
        {
            File.Delete(tempPath);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(tempPath, target, overwrite: false);
            // Nothing writes a stored file again; the mode says so to every other process too.
            if (OperatingSystem.IsWindows()) File.SetAttributes(target, FileAttributes.ReadOnly);
            else File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return new StoredBlob(hash, size);
    }

    /// <summary>Re-reads a stored file and says whether its bytes still hash to its name (REC-8); false when it vanished.</summary>
    public async Task<bool> IsIntactAsync(string sha256, CancellationToken ct = default)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) return false;
        await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct)) == sha256;
    }
}
