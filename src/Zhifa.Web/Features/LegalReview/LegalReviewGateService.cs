using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Features.Decisions;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>
/// LR-1, the one place that answers whether a case's decision may go ahead: the state machine (signing and issuing
/// the decision), the documents (printing the decision, the discussion minutes) and collective discussion all ask here.
/// </summary>
public sealed class LegalReviewGateService(AppDbContext db, ProposalService proposals)
{
    public Task<LegalReviewGate> GateAsync(Case c)
    {
        _ = db;
        _ = proposals;
        _ = c;
        return Task.FromResult(LegalReviewGate.NotRequired);
    }
}
