using System.Buffers;
using System.Security.Cryptography;
using System.Text;

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
                    return new(r.Sequence, AuditProblemKind.Reordered, $"第 {r.Sequence} 条日志出现在第 {expected - 1} 条之后，顺序被改动");
                return new(expected, AuditProblemKind.Removed, expected == r.Sequence - 1
                    ? $"第 {expected} 条日志缺失（已被删除）"
                    : $"第 {expected}–{r.Sequence - 1} 条日志缺失（已被删除）");
            }
            if (!hashOk)
            {
                // A row whose own hash still holds with another predecessor was moved, not edited.
                if (r.PreviousHash != previous)
                    return new(r.Sequence, AuditProblemKind.Reordered, $"第 {r.Sequence} 条日志的位置或序号被改动，哈希不符");
                return new(r.Sequence, AuditProblemKind.Altered, $"第 {r.Sequence} 条日志的内容被修改，哈希不符");
            }
            if (r.PreviousHash != previous)
                return new(r.Sequence, AuditProblemKind.Reordered, $"第 {r.Sequence} 条日志与前一条不相连：前面的日志被删除、替换或顺序被改动");
            previous = r.Hash;
            expected++;
        }
        if (head is { } h)
        {
            if (h.Sequence > expected - 1)
                return new(expected, AuditProblemKind.Removed, $"第 {expected}–{h.Sequence} 条日志缺失（末尾被删除）");
            if (h.Sequence == expected - 1 && h.Sequence > 0 && h.Hash != previous)
                return new(h.Sequence, AuditProblemKind.Altered, $"第 {h.Sequence} 条日志与记录的链尾不符");
        }
        return null;
    }
}
