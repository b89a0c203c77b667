using Zhifa.Domain.Common;

namespace Zhifa.Domain.Publicity;

public enum InspectionNoteStatus { Open, Answered }

/// <summary>
/// A finding of the quarterly publicity inspection (PUB-9, SUP-2) sent back to the agency or one of its units, which
/// answers with what it corrected (seed 003 art. 27: 责令改正).
/// </summary>
public sealed class InspectionNote
{
    public const int ContentMaxLength = 2000;

    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The unit the finding is for; null for the agency as a whole.</summary>
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public string Content { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public InspectionNoteStatus Status { get; set; }
    public string Reply { get; set; } = "";
    public DateTime? RepliedAt { get; set; }
    public string RepliedBy { get; set; } = "";
    public string RepliedByName { get; set; } = "";

    public static ValidationErrors ValidateContent(string field, string? text, string label)
        => new ValidationErrors().Required(field, text, label).MaxLength(field, text?.Trim(), ContentMaxLength, label);
}
