using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Zhifa.Domain.Audit;

namespace Zhifa.Bench;

/// <summary>
/// Verifying the audit chain over 1,000,000 entries, next to raw SHA-256 over the same canonical bytes on this
/// machine: the ratio says how much the chain walk costs beyond the hashing it cannot avoid.
/// </summary>
public static class AuditBench
{
    private const int Entries = 1_000_000;

    public static Task RunAsync()
    {
        var records = Build();
        var bytes = records.Select(r => Encoding.UTF8.GetBytes(AuditChain.CanonicalText(r))).ToArray();
        long totalBytes = bytes.Sum(b => (long)b.Length);

        // Warm-up of both paths on a slice.
        AuditChain.Verify(records.Take(10_000), null);
        Hash(bytes.AsSpan(0, 10_000));

        double verifySeconds = Best(() =>
        {
            if (AuditChain.Verify(records, (records[^1].Sequence, records[^1].Hash)) is { } p) throw new InvalidOperationException(p.Message);
        });
        double hashSeconds = Best(() => Hash(bytes));

        Console.WriteLine($"entries: {Entries:N0}, canonical bytes: {totalBytes / 1048576.0:F1} MiB");
        Console.WriteLine($"{"what",-36}{"entries/s",16}{"MiB/s",12}");
        Console.WriteLine($"{"audit chain verify",-36}{Entries / verifySeconds,16:N0}{totalBytes / 1048576.0 / verifySeconds,12:F1}");
        Console.WriteLine($"{"raw SHA-256 of the same bytes",-36}{Entries / hashSeconds,16:N0}{totalBytes / 1048576.0 / hashSeconds,12:F1}");
        Console.WriteLine($"ratio verify / raw SHA-256: {hashSeconds / verifySeconds:F2}");
        return Task.CompletedTask;
    }

    private static List<AuditRecord> Build()
    {
        var list = new List<AuditRecord>(Entries);
        var rng = new Random(42);
        string previous = AuditChain.GenesisHash;
        long t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        string[] actions = ["Officer.updated", "Certificate.created", "Matter.updated", "account.signed-in", "Unit.created"];
        for (long i = 1; i <= Entries; i++)
        {
            t += rng.Next(1, 50_000_000) * 10L;
            string action = actions[rng.Next(actions.Length)];
            string before = AuditChain.Sha256Hex("b" + i), after = AuditChain.Sha256Hex("a" + i);
            string actor = "user" + rng.Next(200), subject = rng.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            int agency = rng.Next(1, 40);
            string hash = AuditChain.ComputeHash(i, t, actor, agency, action, action.Split('.')[0], subject, before, after, "Name,Position", previous);
            list.Add(new AuditRecord(i, t, actor, agency, action, action.Split('.')[0], subject, before, after, "Name,Position", previous, hash));
            previous = hash;
        }
        return list;
    }

    private static void Hash(ReadOnlySpan<byte[]> all)
    {
        Span<byte> digest = stackalloc byte[32];
        foreach (var b in all) SHA256.HashData(b, digest);
    }

    private static double Best(Action run)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }
}
