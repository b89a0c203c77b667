using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>Small helpers shared by the officers pages, the dashboard and the public check.</summary>
public static class OfficerPages
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Bootstrap badge colours: green valid, amber suspended or not yet valid, red revoked, expired or none.</summary>
    public static string StatusBadge(string status) => status switch
    {
        "Valid" => "text-bg-success",
        "Suspended" or "NotYetValid" => "text-bg-warning",
        _ => "text-bg-danger",
    };

    /// <summary>Units of the given agencies grouped by agency, so that one select works without JavaScript.</summary>
    public static List<SelectListItem> UnitItems(IEnumerable<Agency> agencies, int? selected)
    {
        var list = new List<SelectListItem>();
        foreach (var a in agencies)
        {
            var group = new SelectListGroup { Name = a.Name };
            list.AddRange(a.Units.OrderBy(u => u.Id).Select(u => new SelectListItem(u.Name, Id(u.Id), u.Id == selected) { Group = group }));
        }
        return list;
    }

    public static List<SelectListItem> AgencyItems(IEnumerable<Agency> agencies, int? selected)
        => agencies.Select(a => new SelectListItem(a.Name, Id(a.Id), a.Id == selected)).ToList();

    /// <summary>
    /// A value the form could not even read (a date typed as text, letters in a number) gets a Chinese message naming the
    /// field instead of the framework's English one. Returns the keys so that the rules' own "required" for them is not repeated.
    /// </summary>
    public static HashSet<string> RelabelBindingErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> labels)
    {
        var keys = modelState.Where(kv => kv.Value is { Errors.Count: > 0 }).Select(kv => kv.Key).ToHashSet();
        foreach (var key in keys)
        {
            var entry = modelState[key]!;
            entry.Errors.Clear();
            var name = key.Contains('.') ? key[(key.LastIndexOf('.') + 1)..] : key;
            modelState.AddModelError(key, labels.TryGetValue(name, out var label) ? UiText.T("form.format_invalid", label) : UiText.T("form.input_invalid"));
        }
        return keys;
    }

    /// <summary>The messages of the form whose fields start with <paramref name="prefix"/>, when a page holds two forms.</summary>
    public static List<string> ErrorsOf(this ModelStateDictionary modelState, string prefix)
        => modelState.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && kv.Value is not null)
            .SelectMany(kv => kv.Value!.Errors.Select(e => e.ErrorMessage)).ToList();

    /// <summary>Puts each refused field's message beside its form field, skipping fields whose value could not be read at all.</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainValidationException ex, string prefix, IReadOnlySet<string> skip)
    {
        foreach (var e in ex.Errors)
        {
            var field = e.Field.Length == 0 ? "" : char.ToUpperInvariant(e.Field[0]) + e.Field[1..];
            var key = prefix.Length == 0 || field.Length == 0 ? field : $"{prefix}.{field}";
            if (!skip.Contains(key)) modelState.AddModelError(key, e.Message);
        }
    }
}
