using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Audit;

/// <summary>One entry of the append-only audit log as the chain sees it (SEC-4).</summary>
public sealed record AuditRecord(
    long Sequence,
    long TimeTicks,
    string Actor,
    int? AgencyId,
    string Action,
    string SubjectType,
    string SubjectId,
    string? BeforeDigest,
    string? AfterDigest,
    string Details,
    string PreviousHash,
    string Hash);

public enum AuditProblemKind { Altered, Removed, Reordered }

public sealed record AuditProblem(long Sequence, AuditProblemKind Kind, string Message);

/// <summary>
/// The hash chain over the audit log: each entry's hash covers its fields and the previous entry's hash, so
/// editing, deleting or swapping any row breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>PostgreSQL keeps microseconds; times are cut to them before hashing so both stores agree.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    public static string ComputeHash(long sequence, long timeTicks, string actor, int? agencyId, string action,
        string subjectType, string subjectId, string? beforeDigest, string? afterDigest, string details, string previousHash)
        => Sha256Hex(CanonicalText(sequence, timeTicks, actor, agencyId, action, subjectType, subjectId, beforeDigest, afterDigest, details, previousHash));

    /// <summary>The exact text an entry's hash is taken over.</summary>
    public static string CanonicalText(long sequence, long timeTicks, string actor, int? agencyId, string action,
        string subjectType, string subjectId, string? beforeDigest, string? afterDigest, string details, string previousHash)
    {
        // Length-prefixed fields: no value can be crafted to look like two others.
        var sb = new StringBuilder(256);
        Field(sb, "v1");
        Field(sb, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(sb, timeTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(sb, actor);
        Field(sb, agencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Field(sb, action);
        Field(sb, subjectType);
        Field(sb, subjectId);
        Field(sb, beforeDigest ?? "");
        Field(sb, afterDigest ?? "");
        Field(sb, details);
        Field(sb, previousHash);
        return sb.ToString();
    }

    public static string CanonicalText(AuditRecord r) => CanonicalText(r.Sequence, r.TimeTicks, r.Actor, r.AgencyId, r.Action,
        r.SubjectType, r.SubjectId, r.BeforeDigest, r.AfterDigest, r.Details, r.PreviousHash);

    public static string ComputeHash(AuditRecord r) => ComputeHash(r.Sequence, r.TimeTicks, r.Actor, r.AgencyId, r.Action,
        r.SubjectType, r.SubjectId, r.BeforeDigest, r.AfterDigest, r.Details, r.PreviousHash);

    public static string Sha256Hex(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, n), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Field(StringBuilder sb, string value) => sb.Append(value.Length).Append(':').Append(value).Append('\n');

    /// <summary>
    /// Walks the entries in sequence order and names the first that was altered, removed or moved.
    /// <paramref name="head"/> is the last sequence and hash the log recorded, which catches removal at the end.
    /// </summary>
    public static AuditProblem? Verify(IEnumerable<AuditRecord> entriesBySequence, (long Sequence, string Hash)? head)
    {
        long expected = 1;
        string previous = GenesisHash;
        foreach (var r in entriesBySequence)
        {
            bool hashOk = ComputeHash(r) == r.Hash;
            if (r.Sequence != expected)
            {
                if (r.Sequence < expected)
                    return new(r.Sequence, AuditProblemKind.Reordered, Messages.Get("audit.chain.out_of_order", r.Sequence, expected - 1));
                return new(expected, AuditProblemKind.Removed, expected == r.Sequence - 1
                    ? Messages.Get("audit.chain.missing_one", expected)
                    : Messages.Get("audit.chain.missing_many", expected, r.Sequence - 1));
            }
            if (!hashOk)
            {
                // A row whose own hash still holds with another predecessor was moved, not edited.
                if (r.PreviousHash != previous)
                    return new(r.Sequence, AuditProblemKind.Reordered, Messages.Get("audit.chain.moved", r.Sequence));
                return new(r.Sequence, AuditProblemKind.Altered, Messages.Get("audit.chain.altered", r.Sequence));
            }
            if (r.PreviousHash != previous)
                return new(r.Sequence, AuditProblemKind.Reordered, Messages.Get("audit.chain.unlinked", r.Sequence));
            previous = r.Hash;
            expected++;
        }
        if (head is { } h)
        {
            if (h.Sequence > expected - 1)
                return new(expected, AuditProblemKind.Removed, Messages.Get("audit.chain.tail_removed", expected, h.Sequence));
            if (h.Sequence == expected - 1 && h.Sequence > 0 && h.Hash != previous)
                return new(h.Sequence, AuditProblemKind.Altered, Messages.Get("audit.chain.head_mismatch", h.Sequence));
        }
        return null;
    }
}
