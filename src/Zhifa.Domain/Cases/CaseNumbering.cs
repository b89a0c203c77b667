using System.Globalization;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>
/// Case numbers (REC-1) such as 永卫罚〔2026〕12号: the agency's short name, the kind of case, the year and a sequence
/// that is gap-free per agency, kind and year. The format is set per agency with the placeholders below.
/// </summary>
public static class CaseNumbering
{
    public const string DefaultFormat = CaseNumberWords.DefaultFormat;

    /// <summary>The kind word of each category as used in 文号.</summary>
    public static string KindOf(CaseCategory category) => category switch
    {
        CaseCategory.Penalty => CaseNumberWords.Penalty,
        CaseCategory.Coercion => CaseNumberWords.Coercion,
        CaseCategory.Inspection => CaseNumberWords.Inspection,
        CaseCategory.Licensing => CaseNumberWords.Licensing,
        CaseCategory.Expropriation => CaseNumberWords.Expropriation,
        CaseCategory.Confirmation => CaseNumberWords.Confirmation,
        _ => CaseNumberWords.Other,
    };

    public static string Format(string format, string agencyShortName, CaseCategory category, int year, int sequence)
        => format.Replace("{agency}", agencyShortName, StringComparison.Ordinal)
            .Replace("{kind}", KindOf(category), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{seq}", sequence.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A format must contain the year and the sequence, or numbers would repeat.</summary>
    public static ValidationErrors Validate(string? format)
    {
        var errors = new ValidationErrors().Required("caseNumberFormat", format, Messages.Get("cases.numbering.field.format")).MaxLength("caseNumberFormat", format, 60, Messages.Get("cases.numbering.field.format"));
        if (!string.IsNullOrWhiteSpace(format) && (!format.Contains("{seq}", StringComparison.Ordinal) || !format.Contains("{year}", StringComparison.Ordinal)))
            errors.Add("caseNumberFormat", "missing_placeholder", Messages.Get("cases.numbering.missing_placeholder"));
        return errors;
    }
}
