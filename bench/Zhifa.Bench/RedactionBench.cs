using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Zhifa.Domain.Redaction;

namespace Zhifa.Bench;

/// <summary>
/// <see cref="Redactor.Redact"/> over a folder of real published decisions given with <c>--decisions DIR</c> (read in
/// place, never copied): recall and precision per kind against the hand-made expectations in
/// real-decisions.expected.tsv (kind, offset and length of each span, and the SHA-256 of each file's body), then the
/// throughput in MB/s of UTF-8 input against two references measured in the same run over the same documents: a
/// compiled regex scan for digit runs and UTF-8 decoding.
/// </summary>
internal static partial class RedactionBench
{
    private const int TargetBytesPerRun = 16 * 1024 * 1024;

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    /// <summary>The folder of decision_*.txt files, from <c>--decisions DIR</c>; null when none was given.</summary>
    public static string? DecisionsFolder { get; set; }

    public static Task RunAsync()
    {
        if (DecisionsFolder is null)
        {
            Console.WriteLine("skipped: give the folder of real published decisions with --decisions DIR");
            return Task.CompletedTask;
        }
        if (!Directory.Exists(DecisionsFolder)) throw new DirectoryNotFoundException(DecisionsFolder);
        var named = LoadDocuments(DecisionsFolder);
        Recall(named);
        Console.WriteLine();
        var documents = named.Select(d => d.Body).ToList();
        var bytes = documents.Select(Encoding.UTF8.GetBytes).ToArray();
        long corpusBytes = bytes.Sum(b => (long)b.Length);
        int repeats = (int)Math.Max(1, TargetBytesPerRun / corpusBytes);
        double megabytes = corpusBytes * (double)repeats / (1024 * 1024);

        int spans = documents.Sum(d => Redactor.Redact(d).Spans.Count);
        var redact = Timing.Best(() => RunRedact(documents, repeats));
        var regex = Timing.Best(() => RunRegex(documents, repeats));
        var decode = Timing.Best(() => RunDecode(bytes, repeats));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count} real decisions, {corpusBytes:N0} bytes UTF-8, repeated {repeats}x = {megabytes:F1} MB a run, best of {Timing.TimedRuns} runs; {spans} spans proposed per pass"));
        Console.WriteLine();
        Console.WriteLine($"{"Method",-34} {"Time (ms)",10} {"MB/s",10} {"vs regex",9} {"vs UTF-8",9}");
        Console.WriteLine(new string('-', 76));
        Row("Redactor.Redact (all kinds)", redact, megabytes, regex, decode);
        Row("Regex [0-9]+ scan (reference)", regex, megabytes, regex, decode);
        Row("UTF-8 decoding (reference)", decode, megabytes, regex, decode);
        return Task.CompletedTask;
    }

    private static void Row(string name, double seconds, double megabytes, double regexSeconds, double decodeSeconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {seconds * 1000,10:F1} {megabytes / seconds,10:F1} {regexSeconds / seconds,8:F2}x {decodeSeconds / seconds,8:F3}x"));

    // The checksums keep the loops from being optimised away.
    private static long RunRedact(List<string> documents, int repeats)
    {
        long sum = 0;
        for (var r = 0; r < repeats; r++)
            foreach (var d in documents) sum += Redactor.Redact(d).RedactedText.Length;
        return sum;
    }

    private static long RunRegex(List<string> documents, int repeats)
    {
        long sum = 0;
        for (var r = 0; r < repeats; r++)
            foreach (var d in documents) sum += Digits().Count(d);
        return sum;
    }

    private static long RunDecode(byte[][] bytes, int repeats)
    {
        long sum = 0;
        for (var r = 0; r < repeats; r++)
            foreach (var b in bytes) sum += Encoding.UTF8.GetString(b).Length;
        return sum;
    }

    /// <summary>The published texts by file name, without the data set's “# source:” annotation lines.</summary>
    private static List<(string File, string Body)> LoadDocuments(string folder)
        => Directory.GetFiles(folder, "decision_*.txt").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), Body(File.ReadAllText(p, Encoding.UTF8)))).ToList();

    /// <summary>The text after the leading "# " lines, exactly as it stands (the expectations' offsets count in it).</summary>
    private static string Body(string text)
    {
        int at = 0;
        while (text.AsSpan(at).StartsWith("# "))
        {
            int nl = text.IndexOf('\n', at);
            if (nl < 0) return "";
            at = nl + 1;
        }
        return text[at..];
    }

    private sealed record Expected(string File, RedactionKind Kind, int Start, int Length);

    /// <summary>
    /// Recall and precision per kind against the expectations; a file whose body no longer matches its recorded hash,
    /// or one without expectations, is named, since its offsets would mean nothing.
    /// </summary>
    private static void Recall(List<(string File, string Body)> documents)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var expected = new List<Expected>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "real-decisions.expected.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f[1] == "body") hashes[f[0]] = f[2];
            else expected.Add(new Expected(f[0], Enum.Parse<RedactionKind>(f[1]), int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture)));
        }
        var correct = new Dictionary<RedactionKind, int>();
        var found = new Dictionary<RedactionKind, int>();
        var wanted = new Dictionary<RedactionKind, int>();
        int measured = 0;
        foreach (var (file, body) in documents)
        {
            if (!hashes.TryGetValue(file, out var hash) || hash != Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body))))
            {
                Console.WriteLine($"  not measured: {file} (no expectations, or its text changed)");
                continue;
            }
            measured++;
            var mine = expected.Where(e => e.File == file).ToList();
            foreach (var e in mine) wanted[e.Kind] = wanted.GetValueOrDefault(e.Kind) + 1;
            foreach (var s in Redactor.Redact(body).Spans)
            {
                found[s.Kind] = found.GetValueOrDefault(s.Kind) + 1;
                if (mine.Exists(e => e.Kind == s.Kind && e.Start == s.Start && e.Length == s.Length)) correct[s.Kind] = correct.GetValueOrDefault(s.Kind) + 1;
            }
        }
        Console.WriteLine($"Recall over {measured} of {documents.Count} real decisions, {expected.Count} expected spans");
        Console.WriteLine($"{"Kind",-20} {"expected",8} {"found",6} {"correct",7} {"recall",7} {"precision",9}");
        foreach (var kind in RedactionKinds.All)
        {
            int tp = correct.GetValueOrDefault(kind), fn = wanted.GetValueOrDefault(kind), fp = found.GetValueOrDefault(kind);
            if (fn == 0 && fp == 0) continue;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-20} {fn,8} {fp,6} {tp,7} {Percent(tp, fn),7} {Percent(tp, fp),9}"));
        }
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F0}%");
}
