using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Records;

/// <summary>
/// REC-10 (seed 003 art. 24): a record taken out for use as evidence — who made it, who extracted it, when and for
/// what. The extracted copy carries a statement page saying so.
/// </summary>
public sealed class RecordExtraction
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public int RecordId { get; set; }
    public string Maker { get; set; } = "";
    public string Extractor { get; set; } = "";
    public DateTime ExtractedAt { get; set; }
    public string Purpose { get; set; } = "";
    public string Sha256 { get; set; } = "";

    public static Common.ValidationErrors Validate(string? purpose)
        => new Common.ValidationErrors().Required("purpose", purpose, Messages.Get("records.extraction.purpose")).MaxLength("purpose", purpose, 200, Messages.Get("records.extraction.purpose"));
}
