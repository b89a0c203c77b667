// Data, not messages: the pattern and kind words of a 文号; issued numbers are written with them, so they never change
namespace Zhifa.Domain.Cases;

/// <summary>What a case number (REC-1) is made of, e.g. 永卫罚〔2026〕12号; <see cref="CaseNumbering"/> puts it together.</summary>
public static class CaseNumberWords
{
    public const string DefaultFormat = "{agency}{kind}〔{year}〕{seq}号";

    // The kind word of each category.
    public const string Penalty = "罚";
    public const string Coercion = "强";
    public const string Inspection = "检";
    public const string Licensing = "许";
    public const string Expropriation = "征";
    public const string Confirmation = "确";
    public const string Other = "案";
}
