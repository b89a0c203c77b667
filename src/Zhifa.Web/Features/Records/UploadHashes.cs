using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Zhifa.Web.Features.Records;

/// <summary>
/// SHA-256 of each upload computed as its chunks arrive, so completing a multi-GiB upload does not read the file
/// again. Only a hash that saw every byte from offset 0 in order is used; after a restart, a truncated chunk or an
/// unknown session the upload is simply hashed from disk at completion.
/// </summary>
public sealed class UploadHashes
{
    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);

    public sealed class Running : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        public long Position { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            _hash.AppendData(bytes);
            Position += bytes.Length;
        }

        public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
    }

    /// <summary>The running hash to feed from <paramref name="offset"/> on; null when it did not see the bytes before it.</summary>
    public Running? At(string uploadId, long offset)
    {
        if (offset == 0)
        {
            var fresh = new Running();
            if (_running.TryRemove(uploadId, out var old)) old.Dispose();
            _running[uploadId] = fresh;
            return fresh;
        }
        if (_running.TryGetValue(uploadId, out var r) && r.Position == offset) return r;
        Forget(uploadId);
        return null;
    }

    /// <summary>The hash of all <paramref name="size"/> bytes when it saw them all; the entry ends either way.</summary>
    public string? Take(string uploadId, long size)
    {
        if (!_running.TryRemove(uploadId, out var r)) return null;
        using (r) return r.Position == size ? r.Finish() : null;
    }

    public void Forget(string uploadId)
    {
        if (_running.TryRemove(uploadId, out var r)) r.Dispose();
    }
}
