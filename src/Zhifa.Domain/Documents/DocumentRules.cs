using System.Globalization;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Documents;

public sealed record DocumentPartyInfo(string Name, string IdNumber, string CreditCode, string Address, string LegalRepresentative);

public sealed record DocumentOfficerInfo(string Name, string CertificateNumber);

/// <summary>
/// The law the case's proposed decision applies, each provision in its place (行政处罚法第四十四条、第五十九条): the 违法条款
/// the act breaks, the 处罚依据 that penalises it and, where several norms fine it, why that one (第二十九条); for a 不予处罚,
/// its ground and the circumstance found. <see cref="Summary"/> is all of it in one line.
/// </summary>
public sealed record DocumentBasis(string ViolatedProvisions, string PenaltyBasis, string NormChoice, string NoPenaltyBasis, string NoPenaltyCircumstance, string Summary);

/// <summary>
/// What a document is filled from: the case, its parties and officers, the agency (with the 复议机关 and court its
/// decisions name) and the case's proposed decision, when there is one.
/// </summary>
public sealed record DocumentCaseData(
    string AgencyName, string CaseNumber, string Title, string Facts, string Place,
    IReadOnlyList<DocumentPartyInfo> Parties, IReadOnlyList<DocumentOfficerInfo> Officers,
    DocumentBasis? Basis = null, string ReconsiderationOrgan = "", string CompetentCourt = "");

/// <summary>The rules of generating, numbering and signing documents (REC-3).</summary>
public static class DocumentRules
{
    public const int FieldMaxLength = 8000;
    public const long ScanMaxBytes = 20L * 1024 * 1024;
    public const long TemplateMaxBytes = 10L * 1024 * 1024;

    /// <summary>文号: the agency's short name, the kind word, the year and the sequence, e.g. 永卫罚告〔2026〕3号.</summary>
    public static string FormatNumber(string agencyShortName, string kind, int year, int sequence)
        => Messages.Get("documents.number", agencyShortName, kind, year, sequence);

    public static string ChineseDate(DateTime local) => Messages.Get("documents.date", local.Year, local.Month, local.Day);

    /// <summary>
    /// The value of every known placeholder: from the case, then the fields entered (a field given wins over the case,
    /// e.g. a 现场笔录's own 地点). Every known name has a value, so no placeholder is left in a generated document.
    /// </summary>
    public static Dictionary<string, string> FillMap(DocumentType type, DocumentCaseData data, IReadOnlyDictionary<string, string> fields, string number, DateTime generatedLocal)
    {
        static string Join(IEnumerable<string> parts) => string.Join("、", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        var map = DocumentPlaceholders.Known.ToDictionary(k => k, _ => "", StringComparer.Ordinal);
        map[Placeholder.AgencyName] = data.AgencyName;
        map[Placeholder.DocumentName] = type.Name;
        map[Placeholder.DocumentNumber] = number;
        map[Placeholder.CaseNumber] = data.CaseNumber;
        map[Placeholder.Cause] = data.Title;
        map[Placeholder.Party] = Join(data.Parties.Select(p => p.Name));
        map[Placeholder.PartyIdNumber] = Join(data.Parties.Select(p => string.IsNullOrWhiteSpace(p.CreditCode) ? p.IdNumber : p.CreditCode));
        map[Placeholder.PartyAddress] = Join(data.Parties.Select(p => p.Address));
        map[Placeholder.LegalRepresentative] = Join(data.Parties.Select(p => p.LegalRepresentative));
        map[Placeholder.Place] = data.Place;
        map[Placeholder.Time] = ChineseDate(generatedLocal);
        map[Placeholder.Officers] = Join(data.Officers.Select(o => o.Name));
        map[Placeholder.CertificateNumbers] = Join(data.Officers.Select(o => o.CertificateNumber));
        map[Placeholder.Facts] = data.Facts;
        map[Placeholder.Date] = ChineseDate(generatedLocal);
        if (data.Basis is { } basis)
        {
            map[Placeholder.ViolatedProvisions] = basis.ViolatedProvisions;
            map[Placeholder.PenaltyBasis] = basis.PenaltyBasis;
            map[Placeholder.NormChoice] = basis.NormChoice;
            map[Placeholder.NoPenaltyBasis] = basis.NoPenaltyBasis;
            map[Placeholder.NoPenaltyCircumstance] = basis.NoPenaltyCircumstance;
            // Templates made before the provisions were split name them all at once.
            map[Placeholder.LegalBasis] = basis.Summary;
        }
        map[Placeholder.ReconsiderationOrgan] = data.ReconsiderationOrgan;
        map[Placeholder.CompetentCourt] = data.CompetentCourt;
        map[Placeholder.Remedies] = Decisions.DecisionRules.RemediesText(data.ReconsiderationOrgan, data.CompetentCourt);
        foreach (var (key, value) in fields)
            if (map.ContainsKey(key) && !string.IsNullOrWhiteSpace(value)) map[key] = value.Trim();
        return map;
    }

    /// <summary>LR-1: the decision and the collective-discussion minutes are not printed before legal review agreed.</summary>
    public static bool NeedsLegalReview(DocumentType type) => type.Code is "penalty-decision" or "no-penalty-decision" or "collective-discussion";

    /// <summary>REC-4: a decision document exists only as the act of issuing the decision, never generated on its own.</summary>
    /// <remarks>The simple procedure's decision is written and handed over on the spot (行政处罚法 art. 52), so it is made as a document.</remarks>
    public static bool IssuedOnlyWithDecision(DocumentType type, Cases.CaseProcedure procedure)
        => procedure != Cases.CaseProcedure.Simple && type.Code is "penalty-decision" or "no-penalty-decision";

    /// <summary>Keeps only the fields the type has, trimmed; anything else a caller sends is dropped.</summary>
    public static Dictionary<string, string> NormalizeFields(DocumentType type, IReadOnlyDictionary<string, string?>? fields)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in type.Fields)
            result[f.Key] = fields is not null && fields.TryGetValue(f.Key, out var v) && v is not null ? v.Trim() : "";
        return result;
    }

    /// <summary>
    /// Each required field must be filled, by the user or, for a field the case also fills (e.g. 违法条款 from the
    /// proposed decision), by <paramref name="fromCase"/>; the error names the field by its placeholder key and its label.
    /// </summary>
    public static ValidationErrors ValidateFields(DocumentType type, IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, string>? fromCase = null)
    {
        var errors = new ValidationErrors();
        foreach (var f in type.Fields)
        {
            fields.TryGetValue(f.Key, out var v);
            var filled = string.IsNullOrWhiteSpace(v) && fromCase is not null && fromCase.TryGetValue(f.Key, out var c) ? c : v;
            if (f.Required) errors.Required(f.Key, filled, f.Label);
            errors.MaxLength(f.Key, v, FieldMaxLength, f.Label);
        }
        return errors;
    }

    /// <summary>A template may use only known placeholders; the refusal names each unknown one.</summary>
    public static ValidationErrors ValidateTemplatePlaceholders(IEnumerable<string> used)
    {
        var errors = new ValidationErrors();
        var unknown = used.Where(p => !DocumentPlaceholders.Known.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            errors.Add("file", "unknown_placeholder", Messages.Get("documents.template.unknown_placeholder", string.Join("、", unknown.Select(u => "{{" + u + "}}"))));
        return errors;
    }

    /// <summary>
    /// How the party signed (REC-3): either signed, naming who and when, or refused, with the officers' note of the
    /// refusal and a witness. A refusal without both is not a recorded refusal.
    /// </summary>
    public static ValidationErrors ValidateSignature(bool refused, string? signedBy, DateTime? signedAtUtc, string? reason, string? witness, DateTime nowUtc)
    {
        var errors = new ValidationErrors();
        if (refused)
        {
            errors.Required("reason", reason, Messages.Get("documents.signature.refusal_note")).MaxLength("reason", reason, 2000, Messages.Get("documents.signature.refusal_note"));
            errors.Required("witness", witness, Messages.Get("documents.signature.witness")).MaxLength("witness", witness, 100, Messages.Get("documents.signature.witness"));
        }
        else
        {
            errors.Required("signedBy", signedBy, Messages.Get("documents.signature.signed_by")).MaxLength("signedBy", signedBy, 100, Messages.Get("documents.signature.signed_by"));
            if (signedAtUtc is null) errors.Add("signedAt", "required", Messages.Get("documents.signature.signed_at_required"));
        }
        if (signedAtUtc is { } at && at > nowUtc.AddMinutes(5)) errors.Add("signedAt", "in_future", Messages.Get("documents.signature.signed_at_in_future"));
        return errors;
    }

    /// <summary>The content type of a signed scan by its first bytes: PDF, JPEG or PNG; null for anything else.</summary>
    public static string? DetectScanType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        return null;
    }

    public static ValidationErrors ValidateScan(long size, string? detectedType)
    {
        var errors = new ValidationErrors();
        if (size <= 0) errors.Add("file", "required", Messages.Get("documents.scan.required"));
        else if (size > ScanMaxBytes) errors.Add("file", "too_large", Messages.Get("documents.scan.too_large"));
        else if (detectedType is null) errors.Add("file", "unsupported_type", Messages.Get("documents.scan.unsupported_type"));
        return errors;
    }

    public static string StatusLabel(SignatureStatus status) => status switch
    {
        SignatureStatus.Signed => Messages.Get("documents.signature.status.signed"),
        SignatureStatus.Refused => Messages.Get("documents.signature.status.refused"),
        _ => Messages.Get("documents.signature.status.unsigned"),
    };
}
