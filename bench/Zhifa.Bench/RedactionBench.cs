using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Zhifa.Domain.Redaction;

namespace Zhifa.Bench;

/// <summary>
/// Throughput of <see cref="Redactor.Redact"/> over the real published decisions (shared/data/real-decisions, read
/// in place), document by document, in MB/s of UTF-8 input, against two references measured in the same run over
/// the same documents: a compiled regex scan for digit runs and UTF-8 decoding.
/// </summary>
internal static partial class RedactionBench
{
    private const int TargetBytesPerRun = 16 * 1024 * 1024;

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    public static Task RunAsync()
    {
        var documents = LoadDocuments();
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

    /// <summary>The published texts, without the data set's “# source:” annotation lines.</summary>
    private static List<string> LoadDocuments()
    {
        string? folder = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && folder is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "real-decisions");
            if (Directory.Exists(candidate)) folder = candidate;
        }
        if (folder is null) throw new InvalidOperationException("shared/data/real-decisions not found above " + AppContext.BaseDirectory);
        return Directory.GetFiles(folder, "decision_*.txt").OrderBy(p => p, StringComparer.Ordinal).Select(p =>
        {
            var lines = File.ReadAllLines(p, Encoding.UTF8).SkipWhile(l => l.StartsWith("# ", StringComparison.Ordinal));
            return string.Join('\n', lines);
        }).ToList();
    }
}
