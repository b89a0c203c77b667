// Data, not messages: the statutory circumstances of 行政处罚法 articles 30 to 33, 36 and 49, worded as the law words them.
using Zhifa.Domain.Decisions;

namespace Zhifa.Domain.Discretion;

/// <summary>What the law says a circumstance does to the penalty.</summary>
public enum CircumstanceEffect { NoPenalty, LighterOrMitigated, Heavier }

/// <summary>
/// A circumstance the 行政处罚法 itself attaches an effect to, offered for every matter whether or not its benchmark
/// lists it. The text is what the proposal records, so it names its article.
/// </summary>
public sealed record StatutoryCircumstance(string Code, string Text, CircumstanceEffect Effect, DecisionOutcome Outcome = DecisionOutcome.Penalty)
{
    /// <summary>首违不罚 (art. 33 para 1, second sentence).</summary>
    public const string FirstViolationCode = "first-violation";
    public const string UnderFourteenCode = "under-fourteen";
    public const string MinorCode = "minor-age";

    public static readonly IReadOnlyList<StatutoryCircumstance> All =
    [
        new(FirstViolationCode, "初次违法且危害后果轻微并及时改正（首违不罚，行政处罚法第三十三条第一款）", CircumstanceEffect.NoPenalty, DecisionOutcome.FirstViolationNoPenalty),
        new("minor-corrected", "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条第一款）", CircumstanceEffect.NoPenalty, DecisionOutcome.NoPenalty),
        new("no-fault", "当事人有证据足以证明没有主观过错（行政处罚法第三十三条第二款）", CircumstanceEffect.NoPenalty, DecisionOutcome.NoPenalty),
        new(UnderFourteenCode, Rules.Messages.Get("circumstance.under_fourteen"), CircumstanceEffect.NoPenalty, DecisionOutcome.NoPenalty),
        new("incapacity", "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为（行政处罚法第三十一条）", CircumstanceEffect.NoPenalty, DecisionOutcome.NoPenalty),
        new("time-barred", "违法行为在二年内未被发现（涉及公民生命健康安全、金融安全且有危害后果的，五年内未被发现）（行政处罚法第三十六条）", CircumstanceEffect.NoPenalty, DecisionOutcome.NoPenalty),
        new(MinorCode, "已满十四周岁不满十八周岁的未成年人有违法行为（行政处罚法第三十条）", CircumstanceEffect.LighterOrMitigated),
        new("reduced-harm", "主动消除或者减轻违法行为危害后果（行政处罚法第三十二条第一项）", CircumstanceEffect.LighterOrMitigated),
        new("coerced", "受他人胁迫或者诱骗实施违法行为（行政处罚法第三十二条第二项）", CircumstanceEffect.LighterOrMitigated),
        new("confessed", "主动供述行政机关尚未掌握的违法行为（行政处罚法第三十二条第三项）", CircumstanceEffect.LighterOrMitigated),
        new("meritorious", "配合行政机关查处违法行为有立功表现（行政处罚法第三十二条第四项）", CircumstanceEffect.LighterOrMitigated),
        new("emergency", "突发事件期间违反突发事件应对措施（行政处罚法第四十九条，依法从重）", CircumstanceEffect.Heavier),
    ];

    public static StatutoryCircumstance? Find(string text) => All.FirstOrDefault(s => s.Text == text.Trim() || s.Code == text.Trim());

    public static StatutoryCircumstance FirstViolation => All[0];

    public static StatutoryCircumstance UnderFourteen => All.Single(s => s.Code == UnderFourteenCode);

    public static StatutoryCircumstance Minor => All.Single(s => s.Code == MinorCode);
}
