using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Zhifa.Domain.Cases;

namespace Zhifa.Domain.Decisions;

/// <summary>What a decision concludes: a penalty, no penalty (不予处罚), or no penalty for a first minor violation (首违不罚, art. 33).</summary>
public enum DecisionOutcome { Penalty, NoPenalty, FirstViolationNoPenalty, Other }

/// <summary>The tiers of a discretion benchmark (DIS-1).</summary>
public enum DiscretionTier { NoPenalty, Mitigated, Lighter, Ordinary, Heavier }

/// <summary>
/// The decision the handlers propose (拟作出的决定 / 处理意见): what the notice tells the party, what legal review
/// examines and what the decision finally states. One row per case, changed in place (every change is audited); its
/// <see cref="Fingerprint"/> tells whether it still is what a review approved.
/// </summary>
public sealed class DecisionProposal
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public DecisionOutcome Outcome { get; set; }
    /// <summary>The <see cref="PenaltyKind"/> names, comma-separated, e.g. "Warning,Fine".</summary>
    public string PenaltyKinds { get; set; } = "";
    public decimal? FineYuan { get; set; }
    /// <summary>没收违法所得 or 没收非法财物, in yuan.</summary>
    public decimal? ConfiscationYuan { get; set; }
    /// <summary>The decision as it will read (决定内容), for every category.</summary>
    public string Content { get; set; } = "";
    /// <summary>违法条款: the provisions the act breaks (the norms of conduct), e.g. 《公共场所卫生管理条例》第八条.</summary>
    public string ViolatedProvisions { get; set; } = "";
    /// <summary>处罚依据: the 罚则 applied to the act, e.g. 《公共场所卫生管理条例实施细则》第三十五条第一款; empty unless a penalty.</summary>
    public string PenaltyBasis { get; set; } = "";
    /// <summary>
    /// Every 罚则 that fines the act with its maximum fine, one per line (see <see cref="PenaltyNorm.ParseLines"/>); the
    /// <see cref="PenaltyBasis"/> is one of them, the one with the higher fine where there are several (行政处罚法第二十九条).
    /// </summary>
    public string PenaltyNorms { get; set; } = "";
    /// <summary>The ground in law of a 不予处罚 (行政处罚法第三十条、第三十一条、第三十三条、第三十六条); null for other outcomes.</summary>
    public NoPenaltyGround? NoPenaltyGround { get; set; }
    public DiscretionTier? Tier { get; set; }
    /// <summary>The circumstances found (违法情节), one per line, as the matter's benchmark or the law words them (DIS-2).</summary>
    public string Circumstances { get; set; } = "";
    /// <summary>违法所得, where the benchmark sets the fine as a multiple of it.</summary>
    public decimal? IllegalGainsYuan { get; set; }
    /// <summary>Why the proposal leaves the benchmark's range (DIS-2); shown to the reviewer.</summary>
    public string OutsideRangeReason { get; set; } = "";
    /// <summary>REC-4: 证据采信理由.</summary>
    public string EvidenceReason { get; set; } = "";
    /// <summary>REC-4: 依据选择理由.</summary>
    public string BasisReason { get; set; } = "";
    /// <summary>REC-4: 裁量理由.</summary>
    public string DiscretionReason { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public IReadOnlyList<PenaltyNorm> PenaltyNormList => PenaltyNorm.ParseLines(PenaltyNorms);

    /// <summary>The provisions in one line (违法条款；处罚依据 or 不予处罚依据), for those who read them together.</summary>
    public string LegalBasis => DecisionProvisions.Summary(this);

    public IReadOnlyList<PenaltyKind> Kinds => PenaltyKinds
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => Enum.TryParse<PenaltyKind>(k, out var kind) ? (PenaltyKind?)kind : null)
        .OfType<PenaltyKind>().ToList();

    /// <summary>
    /// SHA-256 over everything that makes the decision what it is (outcome, kinds, amounts, content, provisions, ground, tier and
    /// reasons), not over who saved it when: an approved review stays valid until one of these changes.
    /// </summary>
    public string Fingerprint()
    {
        var text = string.Join('\u001f',
            Outcome.ToString(), string.Join(',', Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal)),
            Amount(FineYuan), Amount(ConfiscationYuan), Content.Trim(), ViolatedProvisions.Trim(), PenaltyBasis.Trim(), PenaltyNorm.ToLines(PenaltyNormList),
            NoPenaltyGround?.ToString() ?? "", Tier?.ToString() ?? "",
            OutsideRangeReason.Trim(), EvidenceReason.Trim(), BasisReason.Trim(), DiscretionReason.Trim(),
            string.Join('\n', CircumstanceList), Amount(IllegalGainsYuan));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public IReadOnlyList<string> CircumstanceList => Circumstances
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Once the case is decided the decision has been issued from the proposal, so it may no longer change.</summary>
    public static bool IsLockedAt(CaseCategory category, CaseProcedure procedure, string step)
    {
        var path = CaseStateMachine.Path(category, procedure).ToList();
        int decided = path.IndexOf(CaseSteps.Decided);
        return decided >= 0 && path.IndexOf(step) >= decided;
    }

    private static string Amount(decimal? yuan) => yuan?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
}
