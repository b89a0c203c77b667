using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Zhifa.Domain.Rules;

/// <summary>
/// Every .resx compiled into an assembly, looked up as one catalogue: an area keeps its text in its own file (so two
/// areas never edit the same file), and a code is found wherever it is written. Codes are unique across the files;
/// a test checks it.
/// </summary>
public sealed class ResourceCatalog
{
    private readonly IReadOnlyList<ResourceManager> managers;

    public ResourceCatalog(Assembly assembly)
    {
        const string suffix = ".resources";
        managers = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new ResourceManager(n[..^suffix.Length], assembly))
            .ToList();
    }

    public string? Find(string code, CultureInfo culture)
    {
        foreach (var m in managers)
            if (m.GetString(code, culture) is { } text) return text;
        return null;
    }

    public IEnumerable<string> Codes() => managers.SelectMany(m =>
        m.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key));
}
