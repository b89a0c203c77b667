using Zhifa.Domain.Decisions;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>
/// What the legal review needs of the decision area, which sits above it (a port: the decision area implements it and
/// registers it): the case's proposal (拟作出的决定) as it stands, how the proposal page shows it, and whether the
/// agency's chain has the 分管领导's opinion after the review unit's 同意 (LR-8, a decision setting).
/// </summary>
public interface IReviewProposals
{
    Task<DecisionProposal?> GetAsync(int caseId);

    ReviewProposalDto Describe(DecisionProposal proposal);

    Task<bool> LeaderOpinionRequiredAsync(int agencyId);
}

/// <summary>A penalty norm of the proposal, as the proposal page shows it.</summary>
public sealed record ReviewPenaltyNormDto(string Citation, decimal? MaxFineYuan, bool Applied);

/// <summary>The proposal as the review shows it; the same fields, in the same order, as the proposal area's own view of it.</summary>
public sealed record ReviewProposalDto(int Id, int CaseId, string Outcome, string OutcomeLabel, IReadOnlyList<string> PenaltyKinds, IReadOnlyList<string> PenaltyKindLabels,
    decimal? FineYuan, decimal? ConfiscationYuan, decimal? IllegalGainsYuan, string Content, string LegalBasis, string? Tier, string? TierLabel,
    IReadOnlyList<string> Circumstances, string OutsideRangeReason, string EvidenceReason, string BasisReason, string DiscretionReason,
    DateTime UpdatedAt, string UpdatedBy, string Fingerprint,
    string ViolatedProvisions, string PenaltyBasis, IReadOnlyList<ReviewPenaltyNormDto> PenaltyNorms, string NormChoice,
    string? NoPenaltyGround, string? NoPenaltyGroundLabel, string? NoPenaltyBasis);
