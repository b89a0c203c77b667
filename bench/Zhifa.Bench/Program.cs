using Zhifa.Bench;

// Name → bench. `dotnet run -c Release --project bench/Zhifa.Bench -- <name>...` runs the named ones; no argument runs all.
// `--decisions DIR` names a folder of real published decisions (decision_*.txt) for the redaction bench; it is never
// part of the project, so without it that bench says so and is skipped.
var options = args.ToList();
int at = options.IndexOf("--decisions");
if (at >= 0)
{
    if (at + 1 >= options.Count)
    {
        Console.Error.WriteLine("--decisions needs a folder");
        return 1;
    }
    RedactionBench.DecisionsFolder = options[at + 1];
    options.RemoveRange(at, 2);
}

var benches = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["calendar"] = CalendarBench.RunAsync,
    ["audit"] = AuditBench.RunAsync,
    ["upload"] = UploadBench.RunAsync,
    ["cases"] = CaseListBench.RunAsync,
    ["redaction"] = RedactionBench.RunAsync,
    ["portal"] = PortalSearchBench.RunAsync,
};

var selected = options.Count == 0 ? [.. benches.Keys] : options;
var unknown = selected.Where(name => !benches.ContainsKey(name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown bench: {string.Join(", ", unknown)}. Available: {string.Join(", ", benches.Keys)}");
    return 1;
}

foreach (var name in selected)
{
    Console.WriteLine($"== {name} ==");
    await benches[name]();
    Console.WriteLine();
}
return 0;
