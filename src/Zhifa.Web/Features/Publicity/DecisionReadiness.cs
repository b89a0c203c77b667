using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Publicity;

/// <summary>A decision enters the chain with its summary fields filled and, for the full text, its redaction confirmed (PUB-5).</summary>
public sealed class DecisionReadiness : IPublicationKind
{
    public PublicationKind Kind => PublicationKind.Decision;

    public Task<IReadOnlyList<ValidationError>> ReadinessAsync(Publication p)
    {
        var errors = new ValidationErrors();
        if (p.NonDisclosureGround is null || p.DisclosureException != DisclosureException.None)
        {
            errors.Required("documentNumber", p.DocumentNumber, "文号").Required("party", p.PartyDisplay, "当事人")
                .Required("conclusion", p.Conclusion, "执法结论");
            if (p.Form == PublicationForm.FullText && p.RedactionConfirmedAt is null)
                errors.Add("redaction", "not_confirmed", "全文公开须先逐处确认脱敏");
        }
        return Task.FromResult<IReadOnlyList<ValidationError>>(errors.Items);
    }
}
