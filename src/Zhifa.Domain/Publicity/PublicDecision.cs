using Zhifa.Domain.Cases;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// PUB-10's whitelist: the only fields of a published decision that leave the system — the portal pages, feeds,
/// downloads and read API are all built from this record and nothing else. A withdrawn decision keeps its heading and
/// the public reason, never its text.
/// </summary>
public sealed record PublicDecision(
    int Id, int Version, string Agency, int AgencyId, string Category, string CategoryLabel, string Title, string DocumentNumber,
    string Party, string PartyCreditCode, string Violation, string LegalBasis, string Conclusion, decimal? FineYuan, DateOnly? DecidedOn,
    string Form, string? FullText, string LegalStatus, string LegalStatusLabel, DateTime? PublishedAt, bool Withdrawn,
    DateTime? WithdrawnAt, string WithdrawalReason)
{
    public static PublicDecision From(Publication p, string agency)
    {
        bool withdrawn = p.Status == PublicationStatus.Withdrawn;
        return new PublicDecision(
            p.SeriesId, p.Version, agency, p.AgencyId, p.Category?.ToString() ?? "", p.Category is { } c ? CaseOpeningRules.Label(c) : "",
            p.Title, p.DocumentNumber, p.PartyDisplay, p.PartyCreditCode,
            withdrawn ? "" : p.Violation, withdrawn ? "" : p.LegalBasis, withdrawn ? "" : p.Conclusion, withdrawn ? null : p.FineYuan, p.DecidedOn,
            p.Form.ToString(), withdrawn || p.Form != PublicationForm.FullText ? null : p.Body,
            p.LegalStatus.ToString(), PublicationRules.Label(p.LegalStatus), p.PublishedAt, withdrawn, p.WithdrawnAt, p.WithdrawalReason);
    }
}
