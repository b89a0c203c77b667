using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Publicity;

/// <summary>A decision enters the chain with its summary fields filled and, for the full text, its redaction confirmed (PUB-5).</summary>
public sealed class DecisionReadiness(AppDbContext db) : IPublicationKind
{
    public PublicationKind Kind => PublicationKind.Decision;

    public async Task<IReadOnlyList<ValidationError>> ReadinessAsync(Publication p)
    {
        // The simple procedure writes its decision after the move to 决定: its number is taken when the item is submitted.
        if (p.DocumentNumber.Length == 0 && p.CaseId is { } caseId)
            p.DocumentNumber = await DecisionPublicationService.LatestNumbered(db, caseId).Select(d => d.Number).FirstOrDefaultAsync() ?? "";
        var errors = new ValidationErrors();
        if (p.NonDisclosureGround is null || p.DisclosureException != DisclosureException.None)
        {
            errors.Required("party", p.PartyDisplay, "当事人").Required("conclusion", p.Conclusion, "执法结论");
            if (p.Form == PublicationForm.FullText && p.RedactionConfirmedAt is null)
                errors.Add("redaction", "not_confirmed", "全文公开须先逐处确认脱敏");
        }
        return errors.Items;
    }
}
