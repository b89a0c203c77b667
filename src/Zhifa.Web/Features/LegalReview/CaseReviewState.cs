using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>The legal review's part of a case for the case area (<see cref="ICaseReviewState"/>), answered by the gate (LR-1).</summary>
public sealed class CaseReviewState(LegalReviewGateService gate, LegalReviewService reviews) : ICaseReviewState
{
    public Task<LegalReviewGate> GateAsync(Case c) => gate.GateAsync(c);

    public async Task<CaseReviewView?> SummaryAsync(int caseId)
        => await reviews.FindVisibleCaseAsync(caseId) is { } c && await reviews.SummaryAsync(c) is { Required: true } s
            ? new CaseReviewView(s.Open, s.StatusLabel, s.Message, s.Reasons, s.Due is { } d ? new CaseReviewDue(d.Due, d.Overdue) : null)
            : null;
}

/// <summary>The gate (LR-1) for the documents that need the legal review's agreement (<see cref="IDocumentReviewGate"/>).</summary>
public sealed class DocumentReviewGate(LegalReviewGateService gate) : IDocumentReviewGate
{
    public Task<LegalReviewGate> GateAsync(Case c) => gate.GateAsync(c);
}
