using Zhifa.Domain.Decisions;
using Zhifa.Web.Features.LegalReview;

namespace Zhifa.Web.Features.Decisions;

/// <summary>The decision area's answer to the legal review's port: the proposal, its view, and the agency's chain setting.</summary>
public sealed class ReviewProposals(ProposalService proposals, DecisionFactsService facts) : IReviewProposals
{
    public Task<DecisionProposal?> GetAsync(int caseId) => proposals.GetAsync(caseId);

    public ReviewProposalDto Describe(DecisionProposal proposal)
    {
        var p = ProposalService.ToDto(proposal);
        return new(p.Id, p.CaseId, p.Outcome, p.OutcomeLabel, p.PenaltyKinds, p.PenaltyKindLabels, p.FineYuan, p.ConfiscationYuan, p.IllegalGainsYuan,
            p.Content, p.LegalBasis, p.Tier, p.TierLabel, p.Circumstances, p.OutsideRangeReason, p.EvidenceReason, p.BasisReason, p.DiscretionReason,
            p.UpdatedAt, p.UpdatedBy, p.Fingerprint, p.ViolatedProvisions, p.PenaltyBasis,
            p.PenaltyNorms.Select(n => new ReviewPenaltyNormDto(n.Citation, n.MaxFineYuan, n.Applied)).ToList(), p.NormChoice,
            p.NoPenaltyGround, p.NoPenaltyGroundLabel, p.NoPenaltyBasis);
    }

    public async Task<bool> LeaderOpinionRequiredAsync(int agencyId) => (await facts.SettingsAsync(agencyId)).LeaderOpinionRequired;
}
