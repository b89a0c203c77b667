using System.Globalization;

namespace Zhifa.Domain.Rules;

/// <summary>
/// The user-facing text of every stable code, from the domain's resources (Resources/*.resx, zh-CN the neutral
/// language): the wording is written once, the API returns the code, and a second language is one more .resx.
/// </summary>
public static class Messages
{
    private static readonly ResourceCatalog Resources = new(typeof(Messages).Assembly);

    /// <summary>The message for <paramref name="code"/> with its placeholders filled; a code without text fails loudly in tests.</summary>
    public static string Get(string code, params object?[] args)
    {
        var text = Resources.Find(code, CultureInfo.CurrentUICulture)
            ?? throw new KeyNotFoundException($"No message for code '{code}' in the resources");
        return Format(text, args);
    }

    /// <summary>
    /// The rule as a list of rules reads it (the ".rule" entry when the message has details that only a real case
    /// fills, else the message itself).
    /// </summary>
    public static string Describe(string code) => Resources.Find(code + ".rule", CultureInfo.CurrentUICulture) ?? Get(code);

    /// <summary>The condition in a few words, as a flowchart writes it beside its arrow; null when it has no short form.</summary>
    public static string? Short(string code) => Resources.Find(code + ".short", CultureInfo.CurrentUICulture);

    public static bool Has(string code) => Resources.Find(code, CultureInfo.InvariantCulture) is not null;

    /// <summary>Every code that has a message, for the tests that check each rule's code is written.</summary>
    public static IReadOnlyList<string> Codes() => Resources.Codes().ToList();

    /// <summary>Placeholders filled invariantly (amounts and dates are formatted by the caller, as the documents write them).</summary>
    public static string Format(string text, object?[] args)
        => args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
}
