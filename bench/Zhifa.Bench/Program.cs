using Zhifa.Bench;

// Name → bench. `dotnet run -c Release --project bench/Zhifa.Bench -- <name>...` runs the named ones; no argument runs all.
// Register further benches (e.g. "audit") in this table.
var benches = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["calendar"] = CalendarBench.RunAsync,
    ["audit"] = AuditBench.RunAsync,
    ["upload"] = UploadBench.RunAsync,
    ["cases"] = CaseListBench.RunAsync,
    ["redaction"] = RedactionBench.RunAsync,
    ["portal"] = PortalSearchBench.RunAsync,
};

var selected = args.Length == 0 ? [.. benches.Keys] : args;
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
