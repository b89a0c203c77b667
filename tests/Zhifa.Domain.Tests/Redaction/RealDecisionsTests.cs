using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Xunit.Abstractions;
using Zhifa.Domain.Redaction;

namespace Zhifa.Domain.Tests.Redaction;

/// <summary>
/// PUB-5 over every real published decision in shared/data/real-decisions (read there at test time, never copied):
/// the spans found are compared with hand-made expectations (real-decisions.expected.tsv: kind, offset and length of
/// each span, and the SHA-256 of each file's body), recall and precision are printed per kind, and the bar is 100 % recall for ID numbers,
/// phones and bank numbers and at least 90 % for names.
/// </summary>
public sealed class RealDecisionsTests(ITestOutputHelper output)
{
    private sealed record Expected(string File, RedactionKind Kind, int Start, int Length);

    /// <summary>The data folder, found by walking up from the test binaries; CI has it at the same relative place.</summary>
    internal static string DataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "real-decisions");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            "shared/data/real-decisions was not found above " + AppContext.BaseDirectory
            + ": the redaction test needs the real published decisions (../shared/data from the repository root).");
    }

    /// <summary>The published text: the file without the annotation lines (# source: …) the data set puts on top.</summary>
    internal static string Body(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        int at = 0;
        while (text.AsSpan(at).StartsWith("# "))
        {
            int nl = text.IndexOf('\n', at);
            if (nl < 0) return "";
            at = nl + 1;
        }
        return text[at..];
    }

    private static (Dictionary<string, string> BodyHashes, List<Expected> Spans) LoadExpectations()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var spans = new List<Expected>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Redaction", "real-decisions.expected.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f[1] == "body") files[f[0]] = f[2];
            else spans.Add(new Expected(f[0], Enum.Parse<RedactionKind>(f[1]), int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture)));
        }
        return (files, spans);
    }

    private static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

    [Fact]
    public void Every_real_decision_is_redacted_with_full_recall_of_numbers_and_most_names()
    {
        var folder = DataFolder();
        var (listed, expected) = LoadExpectations();
        var paths = Directory.GetFiles(folder, "decision_*.txt").OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.True(paths.Count >= 20, $"only {paths.Count} decisions in {folder}");
        var unlisted = paths.Select(Path.GetFileName).Where(f => !listed.ContainsKey(f!)).ToList();
        Assert.True(unlisted.Count == 0, "decisions without expectations (add them to real-decisions.expected.tsv): " + string.Join(", ", unlisted));

        var truePositives = new Dictionary<RedactionKind, int>();
        var found = new Dictionary<RedactionKind, int>();
        var wanted = new Dictionary<RedactionKind, int>();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var file = Path.GetFileName(path);
            var body = Body(path);
            var mine = expected.Where(e => e.File == file).ToList();
            // The data are kept as published; a changed file would make the offsets meaningless.
            if (Sha256(body) != listed[file!]) problems.Add($"{file}: the body no longer matches its hash — the data file changed");
            foreach (var e in mine) wanted[e.Kind] = wanted.GetValueOrDefault(e.Kind) + 1;
            var spans = Redactor.Redact(body).Spans;
            foreach (var s in spans)
            {
                found[s.Kind] = found.GetValueOrDefault(s.Kind) + 1;
                if (mine.Exists(e => e.Kind == s.Kind && e.Start == s.Start && e.Length == s.Length))
                    truePositives[s.Kind] = truePositives.GetValueOrDefault(s.Kind) + 1;
                else output.WriteLine($"  unexpected in {file}: {s.Kind} at {s.Start}+{s.Length}");
            }
            foreach (var e in mine.Where(e => !spans.Any(s => s.Kind == e.Kind && s.Start == e.Start && s.Length == e.Length)))
                output.WriteLine($"  missed in {file}: {e.Kind} at {e.Start}+{e.Length}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        output.WriteLine($"{paths.Count} real decisions, {expected.Count} expected spans");
        output.WriteLine($"{"kind",-20} {"expected",8} {"found",6} {"correct",7} {"recall",7} {"precision",9}");
        foreach (var kind in RedactionKinds.All)
        {
            int tp = truePositives.GetValueOrDefault(kind), fn = wanted.GetValueOrDefault(kind), fp = found.GetValueOrDefault(kind);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-20} {fn,8} {fp,6} {tp,7} {Percent(tp, fn),7} {Percent(tp, fp),9}"));
        }

        foreach (var kind in new[] { RedactionKind.IdNumber, RedactionKind.MobilePhone, RedactionKind.FixedPhone, RedactionKind.BankCard, RedactionKind.BankAccount })
            Assert.True(Recall(kind) >= 1.0, $"recall of {kind} is {Recall(kind):P0}, must be 100 %");
        Assert.True(Recall(RedactionKind.PersonName) >= 0.9, $"recall of names is {Recall(RedactionKind.PersonName):P0}, must be at least 90 %");
        // The set must exercise the bars it asserts.
        Assert.True(wanted.GetValueOrDefault(RedactionKind.PersonName) >= 10 && wanted.GetValueOrDefault(RedactionKind.BankAccount) >= 1
            && wanted.GetValueOrDefault(RedactionKind.MobilePhone) + wanted.GetValueOrDefault(RedactionKind.FixedPhone) >= 2);

        double Recall(RedactionKind kind) => wanted.GetValueOrDefault(kind) == 0 ? 1.0 : (double)truePositives.GetValueOrDefault(kind) / wanted[kind];
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F0}%");
}
