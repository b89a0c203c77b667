using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;

namespace Zhifa.Web.Features.Cases;

/// <summary>
/// The legal review's part of a case (LR-1): whether its decision is major and may go ahead, asked by
/// <see cref="CaseStepService.FactsAsync"/>, and its state for the case page; the legal-review area implements and
/// registers it, so the case area never calls it.
/// </summary>
public interface ICaseReviewState
{
    Task<LegalReviewGate> GateAsync(Case c);

    /// <summary>The review's state in a few words for the case page; null when the case is not visible or needs no legal review.</summary>
    Task<CaseReviewView?> SummaryAsync(int caseId);
}

/// <summary>A required legal review as the case page shows it; <see cref="Due"/> when a review period runs.</summary>
public sealed record CaseReviewView(bool Open, string StatusLabel, string Message, IReadOnlyList<string> Reasons, CaseReviewDue? Due);

public sealed record CaseReviewDue(DateOnly Due, bool Overdue);
