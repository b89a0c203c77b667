using System.Text;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Redaction;

/// <summary>
/// Proposes the redaction of a decision's full text before publication (PUB-5, seed 003 art. 16): personal data of
/// natural persons is found, each span replaced by its <see cref="Masks">mask</see>, and the spans returned so that
/// the publicity officer confirms, adds or removes each one (<see cref="Apply"/>). Pure and thread-safe.
/// </summary>
public static class Redactor
{
    /// <summary>Longest text accepted (about a 100-page decision); longer input is refused rather than slow.</summary>
    public const int MaxTextLength = 500_000;

    public static RedactionResult Redact(string text, RedactionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new RedactionOptions();
        var found = new List<Candidate>();
        // Full-width digits and letters (１３８…, Ｘ) are read as ASCII; the copy has the same length, so offsets hold.
        var scan = HalfWidth(text);

        if (options.Enabled(RedactionKind.IdNumber)) NumberDetectors.IdNumbers(scan, found);
        if (options.Enabled(RedactionKind.MobilePhone) || options.Enabled(RedactionKind.FixedPhone))
            NumberDetectors.Phones(scan, found, options.Enabled(RedactionKind.MobilePhone), options.Enabled(RedactionKind.FixedPhone));
        if (options.Enabled(RedactionKind.Email)) NumberDetectors.Emails(scan, found);
        if (options.Enabled(RedactionKind.BankCard) || options.Enabled(RedactionKind.BankAccount))
            NumberDetectors.BankNumbers(scan, found, options.Enabled(RedactionKind.BankCard), options.Enabled(RedactionKind.BankAccount));
        if (options.Enabled(RedactionKind.VehiclePlate)) NumberDetectors.Plates(scan, found);
        if (options.Enabled(RedactionKind.PropertyCertificate)) NumberDetectors.PropertyCertificates(scan, found);
        if (options.Enabled(RedactionKind.HomeAddress)) TextDetectors.HomeAddresses(scan, found);
        if (options.Enabled(RedactionKind.FinancialStatus)) TextDetectors.FinancialStatus(scan, found);
        if (options.Enabled(RedactionKind.PersonName)) NameDetector.Detect(scan, options, found);

        var chosen = Resolve(found);
        var spans = chosen.Select(c => Span(text, c.Start, c.Length, c.Kind)).ToList();
        return new RedactionResult(Render(text, spans), spans);
    }

    private static string HalfWidth(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\uFF10', '\uFF19') < 0 && span.IndexOfAnyInRange('\uFF21', '\uFF3A') < 0 && span.IndexOfAnyInRange('\uFF41', '\uFF5A') < 0)
            return text;
        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                chars[i] = c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    /// <summary>
    /// Overlaps are settled the same way every time: the higher-priority kind wins, then the longer span, then the
    /// earlier one; a span that overlaps one already chosen is dropped. Identical duplicates collapse.
    /// </summary>
    private static List<Candidate> Resolve(List<Candidate> found)
    {
        var ordered = found.Distinct()
            .OrderByDescending(c => RedactionKinds.Priority(c.Kind))
            .ThenByDescending(c => c.Length)
            .ThenBy(c => c.Start)
            .ToList();
        var chosen = new List<Candidate>(ordered.Count);
        foreach (var c in ordered)
        {
            if (!chosen.Exists(o => c.Start < o.End && o.Start < c.End)) chosen.Add(c);
        }
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private static RedactionSpan Span(string text, int start, int length, RedactionKind kind)
    {
        var original = text.Substring(start, length);
        return new RedactionSpan(start, length, kind, original, Masks.For(kind, original));
    }

    private static string Render(string text, IReadOnlyList<RedactionSpan> spans)
    {
        var sb = new StringBuilder(text.Length + 16);
        int at = 0;
        foreach (var s in spans)
        {
            sb.Append(text, at, s.Start - at).Append(s.Mask);
            at = s.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>
    /// Applies the spans a person confirmed (some proposed, some added by hand): each must lie inside the text and
    /// none may overlap another; the masks are recomputed from the text so that a caller cannot smuggle text in.
    /// </summary>
    public static RedactionResult Apply(string text, IEnumerable<(int Start, int Length, RedactionKind Kind)> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new ValidationErrors();
        var list = spans.OrderBy(s => s.Start).ThenBy(s => s.Length).ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var (start, length, kind) = list[i];
            if (start < 0 || length <= 0 || start + length > text.Length)
                errors.Add($"spans[{i}]", "out_of_range", $"第 {i + 1} 处脱敏范围超出正文（起点 {start}，长度 {length}）");
            else if (!Enum.IsDefined(kind))
                errors.Add($"spans[{i}].kind", "invalid", $"第 {i + 1} 处脱敏类型无效");
            else if (i > 0 && list[i - 1].Start + list[i - 1].Length > start)
                errors.Add($"spans[{i}]", "overlap", $"第 {i + 1} 处脱敏范围与前一处重叠");
        }
        errors.ThrowIfAny();
        var result = list.Select(s => Span(text, s.Start, s.Length, s.Kind)).ToList();
        return new RedactionResult(Render(text, result), result);
    }
}
