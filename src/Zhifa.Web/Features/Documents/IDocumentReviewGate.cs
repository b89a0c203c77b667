using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;

namespace Zhifa.Web.Features.Documents;

/// <summary>
/// LR-1 for the documents that may be made only after the legal review agreed (the decision, the discussion minutes);
/// the legal-review area implements and registers it, so the documents area never calls it.
/// </summary>
public interface IDocumentReviewGate
{
    Task<LegalReviewGate> GateAsync(Case c);
}
