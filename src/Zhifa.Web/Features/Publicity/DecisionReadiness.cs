using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// A decision enters the chain with its summary fields filled and, for the full text, its redaction confirmed (PUB-5):
/// those conditions are rules of <see cref="PublicationLifecycle"/>; this kind only takes the document's number.
/// </summary>
public sealed class DecisionReadiness(Documents.DocumentService documents) : IPublicationKind
{
    public PublicationKind Kind => PublicationKind.Decision;

    public async Task<IReadOnlyList<ValidationError>> ReadinessAsync(Publication p)
    {
        // The simple procedure writes its decision after the move to 决定: its number is taken when the item is checked.
        if (p.DocumentNumber.Length == 0 && p.CaseId is { } caseId)
            p.DocumentNumber = (await documents.LatestNumberedAsync(caseId))?.Number ?? "";
        return [];
    }
}
