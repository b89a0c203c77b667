using Zhifa.Domain.Common;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Decisions;

/// <summary>The grounds on which the 行政处罚法 (2021) gives no penalty; a 不予行政处罚决定书 cites one.</summary>
public enum NoPenaltyGround { UnderFourteen, Incapacity, MinorAndCorrected, FirstViolation, NoFault, TimeBarred }

/// <summary>A ground: what it is, the article that gives it and the statutory circumstance the proposal records for it.</summary>
public sealed record NoPenaltyGroundInfo(NoPenaltyGround Ground, string Label, string Article, string CircumstanceCode)
{
    /// <summary>The article as a decision cites it, e.g. 《中华人民共和国行政处罚法》第三十三条第一款.</summary>
    public string Citation => NoPenaltyGrounds.Law + Article;

    public StatutoryCircumstance Circumstance => StatutoryCircumstance.All.Single(s => s.Code == CircumstanceCode);

    /// <summary>首违不罚 is its own outcome; every other ground leads to 不予行政处罚.</summary>
    public DecisionOutcome Outcome => Ground == NoPenaltyGround.FirstViolation ? DecisionOutcome.FirstViolationNoPenalty : DecisionOutcome.NoPenalty;
}

public static class NoPenaltyGrounds
{
    public const string Law = NoPenaltyArticles.Law;

    public static readonly IReadOnlyList<NoPenaltyGroundInfo> All =
    [
        // 第三十条：不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教。
        new(NoPenaltyGround.UnderFourteen, Messages.Get("no_penalty.ground.under_fourteen"), NoPenaltyArticles.UnderFourteen, "under-fourteen"),
        // 第三十一条：精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚。
        new(NoPenaltyGround.Incapacity, Messages.Get("no_penalty.ground.incapacity"), NoPenaltyArticles.Incapacity, "incapacity"),
        // 第三十三条第一款：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。
        new(NoPenaltyGround.MinorAndCorrected, Messages.Get("no_penalty.ground.minor_corrected"), NoPenaltyArticles.MinorAndCorrected, "minor-corrected"),
        // 第三十三条第一款：初次违法且危害后果轻微并及时改正的，可以不予行政处罚（首违不罚）。
        new(NoPenaltyGround.FirstViolation, Messages.Get("no_penalty.ground.first_violation"), NoPenaltyArticles.FirstViolation, StatutoryCircumstance.FirstViolationCode),
        // 第三十三条第二款：当事人有证据足以证明没有主观过错的，不予行政处罚。
        new(NoPenaltyGround.NoFault, Messages.Get("no_penalty.ground.no_fault"), NoPenaltyArticles.NoFault, "no-fault"),
        // 第三十六条：违法行为在二年内未被发现的，不再给予行政处罚（涉及公民生命健康安全、金融安全且有危害后果的，五年）。
        new(NoPenaltyGround.TimeBarred, Messages.Get("no_penalty.ground.time_barred"), NoPenaltyArticles.TimeBarred, "time-barred"),
    ];

    public static NoPenaltyGroundInfo Of(NoPenaltyGround ground) => All.Single(g => g.Ground == ground);

    /// <summary>Reads a ground from its name (FirstViolation) or its label.</summary>
    public static NoPenaltyGround? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        return All.FirstOrDefault(g => string.Equals(g.Ground.ToString(), t, StringComparison.OrdinalIgnoreCase) || g.Label == t)?.Ground;
    }

    /// <summary>
    /// A 不予处罚 proposal names its ground, the ground fits the outcome, and the circumstance the law attaches to it was
    /// recorded; a penalty has no such ground. 首违不罚 implies its ground, so it may be left out there.
    /// Returns the ground the proposal rests on (null for a penalty or while refused).
    /// </summary>
    public static NoPenaltyGround? Check(DecisionOutcome outcome, NoPenaltyGround? ground, IReadOnlyCollection<string> circumstances, ValidationErrors errors)
    {
        if (outcome is not (DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty))
        {
            if (ground is not null) errors.Add("noPenaltyGround", "not_allowed", Messages.Get("no_penalty.not_allowed"));
            return null;
        }
        if (outcome == DecisionOutcome.FirstViolationNoPenalty) ground ??= NoPenaltyGround.FirstViolation;
        if (ground is not { } g)
        {
            errors.Add("noPenaltyGround", "required", Messages.Get("no_penalty.required"));
            return null;
        }
        var info = Of(g);
        if (info.Outcome != outcome)
        {
            errors.Add("noPenaltyGround", "outcome_mismatch", outcome == DecisionOutcome.FirstViolationNoPenalty
                ? Messages.Get("no_penalty.outcome_mismatch.first_violation")
                : Messages.Get("no_penalty.outcome_mismatch"));
            return null;
        }
        if (!circumstances.Contains(info.Circumstance.Text))
        {
            errors.Add("circumstances", g == NoPenaltyGround.FirstViolation ? "first_violation_missing" : "ground_circumstance_missing",
                g == NoPenaltyGround.FirstViolation
                    ? Messages.Get("no_penalty.first_violation_missing", info.Circumstance.Text)
                    : Messages.Get("no_penalty.ground_circumstance_missing", info.Label, info.Circumstance.Text));
            return null;
        }
        return g;
    }
}
