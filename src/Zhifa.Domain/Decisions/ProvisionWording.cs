// Data, not messages: the words and patterns laws are written in, matched against a provision's text
namespace Zhifa.Domain.Decisions;

/// <summary>How a Chinese law words its provisions, as <see cref="DecisionProvisions"/> reads them.</summary>
public static class ProvisionWording
{
    /// <summary>The kinds of penalty 行政处罚法第九条 lists: a provision that imposes one of them is a 罚则.</summary>
    public static readonly IReadOnlyList<string> PenaltyWords =
        ["罚款", "警告", "通报批评", "没收", "暂扣", "吊销", "降低资质等级", "限制开展生产经营活动", "责令停产停业", "停业整顿", "责令关闭", "限制从业", "拘留"];

    /// <summary>The Chinese digits, each at the index of its value.</summary>
    public const string Digits = "零一二三四五六七八九";

    /// <summary>"违反本法第X条、第Y条…": the articles of the same law a 罚则 refers to (group 1).</summary>
    public const string ReferencePattern = @"违反本(?:法|条例|规定|办法|实施细则|细则)((?:[、，,和或者及]*第[〇零一二两三四五六七八九十百千]+条(?:第[〇零一二两三四五六七八九十百千]+款)?(?:第[〇零一二两三四五六七八九十百千]+项)?)+)";

    /// <summary>One article, with its paragraph and item when given: 第十二条第一款第三项.</summary>
    public const string ArticlePattern = @"第[〇零一二两三四五六七八九十百千]+条(?:第[〇零一二两三四五六七八九十百千]+款)?(?:第[〇零一二两三四五六七八九十百千]+项)?";

    /// <summary>The highest fine a 罚则 allows, in Arabic or Chinese numerals, in 元 or 万元: "五万元以下", "5000元以下".</summary>
    public const string AmountPattern = @"(?<n>[0-9][0-9,.]*|[〇零一二两三四五六七八九十百千万亿]+)(?<w>万)?元以下";
}
