using System.Net;
using System.Text.Json;

namespace Zhifa.Web.Tests.Portal;

/// <summary>
/// Everything the public portal hands out about decisions — home, search pages, detail pages and their older
/// versions, the error-report form, CSV, JSON, Atom and the read API — collected as text, so that a test can prove
/// that none of it holds a party's personal data. Reusable after any publication flow.
/// </summary>
public static class PortalOutputs
{
    public sealed record Output(string Url, int Status, string Body);

    /// <summary>
    /// Fetches the portal's outputs for the given queries (each searched on the page, in the API and in both
    /// downloads) and for every decision the searches and the feed name, including each of its versions.
    /// </summary>
    public static async Task<List<Output>> CollectAsync(HttpClient anonymous, IEnumerable<string> queries, IEnumerable<int>? seriesIds = null)
    {
        var outputs = new List<Output>();
        async Task<string> Get(string url)
        {
            using var response = await anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            // The search box repeats what the person typed; that is their input, not the system's data, so it is blanked.
            body = System.Text.RegularExpressions.Regex.Replace(body, "name=\"q\" value=\"[^\"]*\"", "name=\"q\" value=\"\"");
            body = System.Text.RegularExpressions.Regex.Replace(body, "([?&](amp;)?)q=[^&\"]*", "$1q=");
            outputs.Add(new Output(url, (int)response.StatusCode, body));
            return body;
        }

        var series = new HashSet<int>(seriesIds ?? []);
        await Get("/gs");
        await Get("/gs/decisions");
        await Get("/gs/decisions/feed.atom");
        foreach (var page in new[] { 1, 2 })
        {
            var json = await Get($"/gs/api/v1/decisions?pageSize=100&page={page}");
            AddSeries(json, series);
        }
        foreach (var q in queries)
        {
            var e = Uri.EscapeDataString(q);
            await Get($"/gs/decisions?q={e}");
            AddSeries(await Get($"/gs/api/v1/decisions?q={e}&pageSize=100"), series);
            await Get($"/gs/decisions/export.csv?q={e}");
            await Get($"/gs/decisions/export.json?q={e}");
        }
        await Get("/gs/decisions/export.csv");
        await Get("/gs/decisions/export.json");
        foreach (var id in series)
        {
            await Get($"/gs/decisions/{id}");
            await Get($"/gs/decisions/{id}/report");
            var detail = await Get($"/gs/api/v1/decisions/{id}");
            if (!detail.StartsWith('{')) continue;
            using var doc = JsonDocument.Parse(detail);
            if (!doc.RootElement.TryGetProperty("versions", out var versions)) continue;
            foreach (var v in versions.EnumerateArray())
            {
                int n = v.GetProperty("version").GetInt32();
                await Get($"/gs/decisions/{id}/v/{n}");
                await Get($"/gs/api/v1/decisions/{id}/versions/{n}");
            }
        }
        return outputs;
    }

    private static void AddSeries(string json, HashSet<int> series)
    {
        if (!json.StartsWith('{')) return;
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("items", out var items)) return;
        foreach (var item in items.EnumerateArray()) series.Add(item.GetProperty("id").GetInt32());
    }

    /// <summary>The text as a person would read it: HTML entities decoded, and JSON's string values unescaped.</summary>
    public static string Readable(string body)
    {
        var text = WebUtility.HtmlDecode(body);
        var trimmed = body.TrimStart('\uFEFF', ' ', '\r', '\n');
        if (!trimmed.StartsWith('{') && !trimmed.StartsWith('[')) return text;
        var sb = new System.Text.StringBuilder(text);
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: sb.Append('\n').Append(e.GetString()); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value); break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Walk(i); break;
            }
        }
        try
        {
            using var doc = JsonDocument.Parse(trimmed);
            Walk(doc.RootElement);
        }
        catch (JsonException) { }
        return sb.ToString();
    }

    /// <summary>Fails naming each output and each secret it holds (also HTML- and JSON-escaped forms of it).</summary>
    public static void AssertNoneContains(IEnumerable<Output> outputs, IEnumerable<string> secrets)
    {
        var list = secrets.Where(s => !string.IsNullOrEmpty(s)).ToList();
        var leaks = new List<string>();
        foreach (var o in outputs)
        {
            var body = Readable(o.Body);
            foreach (var s in list)
                if (body.Contains(s, StringComparison.Ordinal)) leaks.Add($"{o.Url} shows “{s}”");
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}
