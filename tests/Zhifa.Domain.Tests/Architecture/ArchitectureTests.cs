using System.Text;
using System.Text.RegularExpressions;

namespace Zhifa.Domain.Tests.Architecture;

/// <summary>
/// The shape the areas must keep, read from the source: no cycle between areas, no area reading another area's tables,
/// no user-facing Chinese written inline instead of in the resources, every code with its text.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Features = Path.Combine(Root, "src", "Zhifa.Web", "Features");

    /// <summary>The composition root (the demo seeds every area) and the shared page helpers are not areas.</summary>
    private static readonly HashSet<string> NotAreas = ["Demo", "Shared"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Zhifa.slnx not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<string> Areas() => Directory.GetDirectories(Features).Select(Path.GetFileName).OfType<string>()
        .Where(a => !NotAreas.Contains(a)).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<(string Area, string File)> AreaFiles(params string[] patterns)
        => Areas().SelectMany(a => patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Features, a), p, SearchOption.AllDirectories)).Select(f => (a, f)));

    // ---- cycles ----------------------------------------------------------------------------------------------------

    /// <summary>Area → the areas its files name (by namespace, or qualified as `Decisions.X` inside Zhifa.Web.Features).</summary>
    private static Dictionary<string, HashSet<string>> References()
    {
        var areas = Areas();
        var qualified = new Regex(@"(?<![\w.])(" + string.Join("|", areas) + @")\.[A-Z]");
        var graph = areas.ToDictionary(a => a, _ => new HashSet<string>());
        foreach (var (area, file) in AreaFiles("*.cs", "*.cshtml"))
        {
            var text = File.ReadAllText(file);
            var named = FeatureNamespace().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(qualified.Matches(text).Select(m => m.Groups[1].Value));
            foreach (var other in named.Where(o => o != area && graph.ContainsKey(o))) graph[area].Add(other);
        }
        return graph;
    }

    [GeneratedRegex(@"Zhifa\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureNamespace();

    /// <summary>The references that lie on a cycle: an edge a→b where b also reaches a.</summary>
    private static SortedSet<string> CycleEdges(Dictionary<string, HashSet<string>> graph)
    {
        bool Reaches(string from, string to)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>([from]);
            while (stack.TryPop(out var n))
            {
                if (n == to) return true;
                if (!seen.Add(n)) continue;
                foreach (var m in graph[n]) stack.Push(m);
            }
            return false;
        }
        return new SortedSet<string>(graph.SelectMany(kv => kv.Value.Where(b => Reaches(b, kv.Key)).Select(b => $"{kv.Key} -> {b}")), StringComparer.Ordinal);
    }

    [Fact]
    public void No_reference_between_areas_closes_a_cycle()
        => AssertNone(CycleEdges(References()).ToDictionary(e => e, _ => 1),
            "areas call each other in a circle; let the called area raise a domain event, or move the shared read into the owning area's service");

    // ---- reads of another area's tables ----------------------------------------------------------------------------

    /// <summary>Entity type → the area that owns it, from the folders of src/Zhifa.Domain.</summary>
    private static Dictionary<string, string> EntityAreas()
    {
        var owners = new Dictionary<string, string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Root, "src", "Zhifa.Domain")))
            foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
                foreach (Match m in ClassDeclaration().Matches(File.ReadAllText(file)))
                    owners.TryAdd(m.Groups[1].Value, Path.GetFileName(dir));
        return owners;
    }

    [GeneratedRegex(@"public (?:sealed |abstract )?class (\w+)")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"public DbSet<(\w+)> (\w+) =>")]
    private static partial Regex DbSetProperty();

    [GeneratedRegex(@"\bdb\.(?:Set<(?:[\w.]+\.)?(\w+)>\(\)|(\w+)\b)")]
    private static partial Regex TableUse();

    [Fact]
    public void No_area_reads_another_areas_tables()
    {
        var owners = EntityAreas();
        var sets = DbSetProperty().Matches(File.ReadAllText(Path.Combine(Root, "src", "Zhifa.Data", "AppDbContext.cs")))
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        var counts = new Dictionary<string, int>();
        foreach (var (area, file) in AreaFiles("*.cs"))
        {
            foreach (Match m in TableUse().Matches(File.ReadAllText(file)))
            {
                var entity = m.Groups[1].Success ? m.Groups[1].Value : sets.GetValueOrDefault(m.Groups[2].Value);
                if (entity is null || !owners.TryGetValue(entity, out var owner) || owner == area) continue;
                var key = $"{area} reads {owner}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        AssertNone(counts, "read through the owning area's service (or a projection it publishes) instead of its tables");
    }

    // ---- inline Chinese ---------------------------------------------------------------------------------------------

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*[\u4e00-\u9fff](?:[^""\\\n]|\\.)*""")]
    private static partial Regex ChineseLiteral();

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Chinese();

    /// <summary>
    /// Data, not messages: template bodies, name lists, the demo's data and the generated migrations; and a file that
    /// says so in its first line (<c>// Data, not messages: why</c>), reviewed like any other change.
    /// </summary>
    private static bool IsData(string path) => path.Contains("/Migrations", StringComparison.Ordinal) || path.Contains("/Demo/", StringComparison.Ordinal)
        || path.EndsWith("DocumentTypes.cs", StringComparison.Ordinal) || path.Contains("/Redaction/", StringComparison.Ordinal)
        || File.ReadLines(path).FirstOrDefault()?.StartsWith(DataMark, StringComparison.Ordinal) == true;

    private const string DataMark = "// Data, not messages:";

    private static int ChineseIn(string file)
    {
        var text = File.ReadAllText(file);
        if (file.EndsWith(".cshtml", StringComparison.Ordinal))
            return text.Split('\n').Count(l => Chinese().IsMatch(l) && !l.TrimStart().StartsWith("@*", StringComparison.Ordinal));
        // Comments may say why in Chinese legal terms; only literals are user-facing text.
        var code = string.Join('\n', text.Split('\n').Select(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) ? "" : l));
        return ChineseLiteral().Count(code);
    }

    [Fact]
    public void No_user_facing_Chinese_is_written_inline_instead_of_in_the_resources()
    {
        var counts = new Dictionary<string, int>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !IsData(f)))
        {
            int n = ChineseIn(file);
            if (n == 0) continue;
            var rel = Path.GetRelativePath(Path.Combine(Root, "src"), file).Replace('\\', '/');
            var parts = rel.Split('/');
            var key = parts.Length > 3 && parts[1] == "Features" ? $"{parts[0]}/Features/{parts[2]}" : parts.Length > 2 ? $"{parts[0]}/{parts[1]}" : parts[0];
            counts[key] = counts.GetValueOrDefault(key) + n;
        }
        AssertNone(counts, "put the text in the area's .resx under a stable code (scripts/text.py add-many) and look it up with T / Messages.Get");
    }

    [Theory]
    [InlineData("src/Zhifa.Domain/Rules")]
    [InlineData("src/Zhifa.Domain/Cases/CaseStateMachine.cs")]
    [InlineData("src/Zhifa.Domain/LegalReview/ReviewLifecycle.cs")]
    public void The_lifecycle_tables_and_their_engine_hold_no_inline_Chinese(string path)
    {
        var full = Path.Combine(Root, path);
        var files = Directory.Exists(full) ? Directory.GetFiles(full, "*.cs") : [full];
        Assert.All(files, f => Assert.Equal(0, ChineseIn(f)));
    }

    // ---- the resources ---------------------------------------------------------------------------------------------

    [GeneratedRegex(@"<data name=""([^""]+)""")]
    private static partial Regex ResourceCode();

    [GeneratedRegex(@"(?<![\w.])(?:T|UiText\.T|Messages\.Get|Messages\.Describe)\(\s*""([^""]+)""")]
    private static partial Regex CodeUse();

    private static Dictionary<string, List<string>> WrittenCodes()
        => Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => ResourceCode().Matches(File.ReadAllText(f)).Select(m => (Code: m.Groups[1].Value, File: Path.GetRelativePath(Root, f))))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Select(x => x.File).ToList());

    [Fact]
    public void Every_code_is_written_in_exactly_one_resource_file()
        => Assert.Empty(WrittenCodes().Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}"));

    [Fact]
    public void Every_code_a_page_or_rule_names_has_its_text()
    {
        var written = WrittenCodes();
        var missing = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal))
                .SelectMany(l => CodeUse().Matches(l).Select(m => m.Groups[1].Value))
                // a code ending in "." is completed at run time ("holiday." + its name)
                .Where(c => !c.EndsWith('.') && !written.ContainsKey(c))
                .Select(c => $"{Path.GetRelativePath(Root, f)}: {c}"))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_text_with_placeholders_is_a_valid_format()
    {
        var args = Enumerable.Range(0, 10).Select(i => (object)i).ToArray();
        var bad = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => System.Xml.Linq.XDocument.Load(f).Root!.Elements("data")
                .Select(d => (Code: (string)d.Attribute("name")!, Text: (string?)d.Element("value") ?? "")))
            // A text without numbered placeholders is shown as written (braces and all); one with them is a format.
            .Where(e => Regex.IsMatch(e.Text, @"\{\d"))
            .Where(e =>
            {
                try { _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Text, args); return false; }
                catch (FormatException) { return true; }
            })
            .Select(e => $"{e.Code}: {e.Text}");
        Assert.Empty(bad);
    }

    // ---- the verdict -------------------------------------------------------------------------------------------------

    private static void AssertNone(Dictionary<string, int> found, string advice)
        => Assert.True(found.Count == 0, string.Concat(found.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} ({kv.Value}) — {advice}\n")));
}
