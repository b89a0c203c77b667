using Zhifa.Domain.Cases;

namespace Zhifa.Web.Features.Cases;

/// <summary>
/// The execution's part of a case's facts, asked by <see cref="CaseStepService.FactsAsync"/> and the decision limit;
/// the execution area implements and registers it, so the case area never calls it.
/// </summary>
public interface ICaseExecutionState
{
    /// <summary>Whether the decision is served, and what closure still lacks.</summary>
    Task<(bool DecisionServed, string? ExecutionIncomplete)> FactsAsync(Case c);

    /// <summary>Days by which the head extended the 90-day decision limit (行政处罚法第六十条).</summary>
    Task<int> ExtensionDaysAsync(int caseId);
}
