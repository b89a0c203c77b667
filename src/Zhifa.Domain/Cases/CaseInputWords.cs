// Data, not messages: the short words people type for a category or a procedure, matched when input is read
namespace Zhifa.Domain.Cases;

/// <summary>The words <see cref="CaseOpeningRules"/> accepts beside a category's or procedure's full label.</summary>
public static class CaseInputWords
{
    /// <summary>处罚 for 行政处罚: the label without this prefix.</summary>
    public const string CategoryPrefix = "行政";

    /// <summary>一般 for 一般程序: the label without this suffix.</summary>
    public const string ProcedureSuffix = "程序";

    /// <summary>征收 and 征用 both mean the 征收征用 category.</summary>
    public static readonly IReadOnlyList<string> Expropriation = ["征收", "征用"];
}
