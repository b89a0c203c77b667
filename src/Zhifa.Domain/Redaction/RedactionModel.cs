namespace Zhifa.Domain.Redaction;

/// <summary>
/// What the case knows about the people in a text. Known names are redacted wherever they occur; legal
/// representatives are never redacted (seed 003 art. 16 (一)), even when a detector or a known name would.
/// </summary>
public sealed record RedactionOptions
{
    /// <summary>Natural persons the case names: parties, witnesses, agents, people mentioned.</summary>
    public IReadOnlyList<string> KnownNames { get; init; } = [];

    /// <summary>Legal representatives, kept in clear (the text's own “法定代表人：X” are found as well).</summary>
    public IReadOnlyList<string> LegalRepresentatives { get; init; } = [];

    /// <summary>The kinds to look for; null means every kind.</summary>
    public IReadOnlySet<RedactionKind>? Kinds { get; init; }

    public bool Enabled(RedactionKind kind) => Kinds is null || Kinds.Contains(kind);
}

/// <summary>One proposed redaction: where it is, what it is, the original text and what replaces it.</summary>
public sealed record RedactionSpan(int Start, int Length, RedactionKind Kind, string Text, string Mask)
{
    public int End => Start + Length;
}

/// <summary>The redacted text and the spans, ordered by position and never overlapping, for a person to confirm.</summary>
public sealed record RedactionResult(string RedactedText, IReadOnlyList<RedactionSpan> Spans);
