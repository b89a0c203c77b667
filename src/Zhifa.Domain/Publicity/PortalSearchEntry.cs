using Zhifa.Domain.Cases;

namespace Zhifa.Domain.Publicity;

/// <summary>
/// One decision on the portal's lists: a copy of the filter fields of a Published, public version and the search tokens
/// of its public text (<see cref="PortalSearchTokens"/>). Withdrawn, expired and superseded versions have no entry, so
/// their text cannot be found. The id grows as decisions are listed, so newest first is id descending.
/// </summary>
public sealed class PortalSearchEntry
{
    public int Id { get; set; }
    public int PublicationId { get; set; }
    public int SeriesId { get; set; }
    public int AgencyId { get; set; }
    public CaseCategory? Category { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>The fine in fen (分), so both databases compare it as an integer.</summary>
    public long? FineFen { get; set; }
    public DateOnly? ShownUntil { get; set; }
    public string Tokens { get; set; } = "";

    public static long? ToFen(decimal? yuan) => yuan is { } y ? (long)Math.Round(y * 100m, MidpointRounding.AwayFromZero) : null;

    /// <summary>The entry a publication should have on the portal's lists now, or null when it is not listed.</summary>
    public static PortalSearchEntry? For(Publication p)
    {
        if (p.Kind != PublicationKind.Decision || p.Status != PublicationStatus.Published) return null;
        var d = PublicDecision.From(p, "");
        return new PortalSearchEntry
        {
            PublicationId = p.Id, SeriesId = p.SeriesId, AgencyId = p.AgencyId, Category = p.Category, DecidedOn = p.DecidedOn,
            FineFen = ToFen(d.FineYuan), ShownUntil = p.ShownUntil,
            // Only what the public whitelist shows is searchable.
            Tokens = PortalSearchTokens.Index([d.Title, d.DocumentNumber, d.Party, d.PartyCreditCode, d.Violation, d.LegalBasis, d.Conclusion, d.FullText]),
        };
    }
}
