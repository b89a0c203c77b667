using System.Globalization;
using System.Text;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// The portal's full-text search tokens (PUB-10). Chinese has no spaces and two-character words (罚款, a company's short
/// name) are the common query, which trigram indexes cannot find; so every run of Chinese text is indexed as its
/// overlapping character pairs, and Latin letters and digits as whole words. A query matches when the text holds every
/// token of the query. Tokens are written as plain ASCII (c + UTF-16 hex for Chinese, w + the word for Latin) so that
/// SQLite's FTS5 tokenizer and PostgreSQL's 'simple' parser read them identically whatever the locale.
/// </summary>
public static class PortalSearchTokens
{
    public const int MaxQueryLength = 50;
    private const int MaxWordLength = 40;

    /// <summary>The distinct tokens of the texts, in order of first appearance, separated by spaces.</summary>
    public static string Index(IEnumerable<string?> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            foreach (var t in Tokens(text, query: false))
            {
                if (!seen.Add(t)) continue;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(t);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The tokens a text must hold to contain the query. A single Chinese character at the query's edge is left out
    /// (in the text it may be part of a longer run and so indexed only in pairs); one left alone is no query at all.
    /// </summary>
    public static IReadOnlyList<string> Query(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        return [.. Tokens(query, query: true).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Why the query cannot be searched, or null: it is too long, or has nothing searchable (e.g. one character).</summary>
    public static string? WhyNotSearchable(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        if (query.Trim().Length > MaxQueryLength) return Messages.Get("portal.search.query_too_long", MaxQueryLength);
        return Query(query).Count == 0 ? Messages.Get("portal.search.query_too_short") : null;
    }

    /// <summary>A readable form of a token, for tests and diagnostics.</summary>
    public static string Decode(string token)
    {
        if (token.StartsWith('w')) return token[1..];
        var sb = new StringBuilder();
        for (int i = 1; i + 4 <= token.Length; i += 4) sb.Append((char)int.Parse(token.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private enum Kind { Separator, Latin, Chinese }

    private static Kind Classify(char c)
    {
        if (c < 0x80) return char.IsAsciiLetterOrDigit(c) ? Kind.Latin : Kind.Separator;
        return char.IsLetterOrDigit(c) ? Kind.Chinese : Kind.Separator;
    }

    private static IEnumerable<string> Tokens(string raw, bool query)
    {
        // Full-width letters and digits (２０２６, ＡＢＣ) read as their ASCII forms.
        var text = raw.IsNormalized(NormalizationForm.FormKC) ? raw : raw.Normalize(NormalizationForm.FormKC);
        int i = 0;
        while (i < text.Length)
        {
            var kind = Classify(text[i]);
            if (kind == Kind.Separator) { i++; continue; }
            int start = i;
            while (i < text.Length && Classify(text[i]) == kind) i++;
            int length = i - start;
            if (kind == Kind.Latin)
            {
                if (length <= MaxWordLength) yield return "w" + text.Substring(start, length).ToLowerInvariant();
                continue;
            }
            if (length == 1)
            {
                // In a query, a lone character counts only when Latin letters or digits hold it on both sides (12号3):
                // then the text has it alone too.
                bool enclosed = start > 0 && i < text.Length && Classify(text[start - 1]) == Kind.Latin && Classify(text[i]) == Kind.Latin;
                if (!query || enclosed) yield return Chinese(text, start, 1);
                continue;
            }
            for (int k = start; k + 1 < i; k++) yield return Chinese(text, k, 2);
        }
    }

    private static string Chinese(string text, int start, int length)
        => string.Create(1 + 4 * length, (text, start), static (span, state) =>
        {
            const string hex = "0123456789abcdef";
            span[0] = 'c';
            for (int k = 0; k * 4 + 1 < span.Length; k++)
            {
                int ch = state.text[state.start + k];
                span[1 + k * 4] = hex[(ch >> 12) & 0xF];
                span[2 + k * 4] = hex[(ch >> 8) & 0xF];
                span[3 + k * 4] = hex[(ch >> 4) & 0xF];
                span[4 + k * 4] = hex[ch & 0xF];
            }
        });
}
