// Data, not messages: the law and articles that give no penalty, cited in a decision as the law numbers them
namespace Zhifa.Domain.Decisions;

/// <summary>The articles of the 行政处罚法 (2021) each <see cref="NoPenaltyGround"/> rests on.</summary>
public static class NoPenaltyArticles
{
    public const string Law = "《中华人民共和国行政处罚法》";
    public const string UnderFourteen = "第三十条";
    public const string Incapacity = "第三十一条";
    public const string MinorAndCorrected = "第三十三条第一款";
    public const string FirstViolation = "第三十三条第一款";
    public const string NoFault = "第三十三条第二款";
    public const string TimeBarred = "第三十六条";
}
