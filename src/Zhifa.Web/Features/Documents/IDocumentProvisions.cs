using Zhifa.Domain.Documents;

namespace Zhifa.Web.Features.Documents;

/// <summary>
/// The provisions the case's proposed decision applies, which the notice and the decision cite; the decision area
/// implements and registers it, so the documents area does not read the proposals.
/// </summary>
public interface IDocumentProvisions
{
    /// <summary>Null while the case has no proposed decision.</summary>
    Task<DocumentBasis?> ForCaseAsync(int caseId);
}
