using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;

namespace Zhifa.Web.Features.Decisions;

/// <summary>The decision steps' part of a case's facts, for the case's table (<see cref="ICaseDecisionState"/>).</summary>
public sealed class CaseDecisionState(AppDbContext db, DecisionFactsService facts) : ICaseDecisionState
{
    public Task<DecisionStepFacts> StepFactsAsync(Case c, LegalReviewGate gate) => facts.StepFactsAsync(c, gate);

    public Task<IReadOnlyList<string>> SimpleProcedureProblemsAsync(Case c) => ProposalService.SimpleProcedureProblemsAsync(db, c);

    public Task<(IReadOnlyList<string> UnderFourteen, IReadOnlyList<string> UnderEighteen, bool Penalises, bool Lightened)> MinorFactsAsync(Case c)
        => ProposalService.MinorFactsAsync(db, c);
}

/// <summary>The provisions of the case's proposed decision, for the documents that cite them (<see cref="IDocumentProvisions"/>).</summary>
public sealed class DocumentProvisions(ProposalService proposals) : IDocumentProvisions
{
    public async Task<DocumentBasis?> ForCaseAsync(int caseId)
        => await proposals.GetAsync(caseId) is { } p ? DecisionProvisions.ForDocuments(p) : null;
}
