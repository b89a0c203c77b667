namespace Zhifa.Domain.Documents;

/// <summary>One version of an agency's template for a document type; versions are never changed or removed.</summary>
public sealed class DocumentTemplate
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string TypeCode { get; set; } = "";
    /// <summary>1 is the built-in template; each upload adds the next version.</summary>
    public int Version { get; set; }
    /// <summary>The .docx in the file store.</summary>
    public string Sha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Note { get; set; } = "";
}

public enum SignatureStatus { Unsigned, Signed, Refused }

/// <summary>
/// A document generated for a case (REC-3): its number, the template version it was filled from, the .docx as generated
/// (never replaced), and how the party signed it or refused to, with the signed scan beside it.
/// </summary>
public sealed class CaseDocument
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public string TypeCode { get; set; } = "";
    /// <summary>文号 such as 永卫罚告〔2026〕3号; empty for types that are not numbered.</summary>
    public string Number { get; set; } = "";
    public int TemplateId { get; set; }
    public int TemplateVersion { get; set; }
    public string Sha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    public DateTime GeneratedAt { get; set; }
    public string GeneratedBy { get; set; } = "";
    /// <summary>The free-text fields entered at generation, as a JSON object.</summary>
    public string Fields { get; set; } = "{}";

    public SignatureStatus SignatureStatus { get; set; }
    public string SignedBy { get; set; } = "";
    /// <summary>When the party signed or refused, UTC.</summary>
    public DateTime? SignedAt { get; set; }
    /// <summary>The officers' note of a refusal to sign.</summary>
    public string RefusalReason { get; set; } = "";
    public string Witness { get; set; } = "";
    public string SignatureRecordedBy { get; set; } = "";
    public DateTime? SignatureRecordedAt { get; set; }

    public string? ScanSha256 { get; set; }
    public string ScanFileName { get; set; } = "";
    public string ScanContentType { get; set; } = "";
    public DateTime? ScanUploadedAt { get; set; }
    public string ScanUploadedBy { get; set; } = "";
}
