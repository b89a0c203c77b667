using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Rules;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Documents;

public sealed record DocumentFieldDto(string Key, string Label, bool Required, bool Multiline, string Hint);

public sealed record DocumentTypeDto(string Code, string Name, bool Numbered, string? NumberKind, IReadOnlyList<string> Placeholders, IReadOnlyList<DocumentFieldDto> Fields);

public sealed record TemplateDto(int Id, int AgencyId, string TypeCode, string TypeName, int Version, string Sha256, string FileName, DateTime CreatedAt, string CreatedBy, string Note);

public sealed record DocumentDto(
    int Id, int CaseId, int AgencyId, string TypeCode, string TypeName, string Number, int TemplateId, int TemplateVersion,
    string Sha256, string FileName, DateTime GeneratedAt, string GeneratedBy, IReadOnlyDictionary<string, string> Fields,
    string SignatureStatus, string SignatureLabel, string SignedBy, DateTime? SignedAt, string RefusalReason, string Witness,
    bool HasScan, string? ScanSha256, string ScanFileName, DateTime? ScanUploadedAt, string ScanUploadedBy);

public sealed record GenerateInput(string? TypeCode, Dictionary<string, string?>? Fields);

/// <summary>How the party signed; times without a zone are China Standard Time.</summary>
public sealed record SignatureInput(bool Refused, string? SignedBy, DateTime? SignedAt, string? Reason, string? Witness);

/// <summary>Templates, generation, numbering, signatures and scans of case documents (REC-3).</summary>
public sealed class DocumentService(AppDbContext db, CurrentUser me, BlobStore blobs, IDocumentReviewGate legalReview,
    IDocumentProvisions provisions, Cases.CaseService cases, Agencies.AgencyService agencies, Officers.OfficerService officerService,
    Records.StoredFiles storedFiles) : Cases.ICaseRecordState
{
    // SQLite has one writer and this process is its only user: numbering is serialised here.
    private static readonly SemaphoreSlim SqliteNumberLock = new(1, 1);
    private static readonly JsonSerializerOptions FieldJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DocumentTypeDto ToDto(DocumentType t)
        => new(t.Code, t.Name, t.IsNumbered, t.NumberKind, t.Placeholders, t.Fields.Select(f => new DocumentFieldDto(f.Key, f.Label, f.Required, f.Multiline, f.Hint)).ToList());

    public static string TypeName(string code) => DocumentTypes.Find(code)?.Name ?? code;

    public async Task<Case?> FindVisibleCaseAsync(int caseId)
    {
        var c = await cases.FindAsync(caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    /// <summary>The case's documents in the order they were made, untracked.</summary>
    public async Task<List<CaseDocument>> OfCaseAsync(int caseId)
        => await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id).ToListAsync();

    /// <summary>The case's document, untracked; null when it is not the case's.</summary>
    public async Task<CaseDocument?> FindInCaseAsync(int documentId, int caseId)
        => await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.CaseId == caseId);

    /// <summary>The case's documents of the given types, in the order they were made: id and type only.</summary>
    public async Task<List<(int Id, string TypeCode)>> OfTypesAsync(int caseId, params string[] typeCodes)
        => (await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId && typeCodes.Contains(d.TypeCode))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.TypeCode }).ToListAsync()).Select(d => (d.Id, d.TypeCode)).ToList();

    public async Task<CaseDocument?> FindVisibleDocumentAsync(int documentId)
    {
        var d = await db.Set<CaseDocument>().FirstOrDefaultAsync(x => x.Id == documentId);
        return d is not null && await me.CanSee(d.AgencyId) ? d : null;
    }

    public async Task<DocumentTemplate?> FindVisibleTemplateAsync(int templateId)
    {
        var t = await db.Set<DocumentTemplate>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == templateId);
        return t is not null && await me.CanSee(t.AgencyId) ? t : null;
    }

    public async Task<Agency?> FindVisibleAgencyAsync(int agencyId)
        => await me.CanSee(agencyId) ? await agencies.FindAsync(agencyId) : null;

    /// <summary>Generating and signing belong to the case's own agency; a supervising agency reads only.</summary>
    public bool MayHandle(int agencyId) => me.IsDeploymentAdministrator || me.AgencyId == agencyId;

    private static DateTime ToChina(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public static DateTime? ToUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } v => v,
        { Kind: DateTimeKind.Local } v => v.ToUniversalTime(),
        { } v => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(v, DateTimeKind.Unspecified), China),
    };

    private async Task EnsureStoredFileAsync(StoredBlob blob)
    {
        await storedFiles.EnsureAsync(blob);
    }

    // ---- templates ----

    /// <summary>Every agency has version 1 of every type without setup: the built-in template is stored on first need.</summary>
    public async Task EnsureBuiltInTemplatesAsync(int agencyId, IEnumerable<DocumentType> types)
    {
        var have = await db.Set<DocumentTemplate>().Where(t => t.AgencyId == agencyId).Select(t => t.TypeCode).Distinct().ToListAsync();
        var missing = types.Where(t => !have.Contains(t.Code)).ToList();
        if (missing.Count == 0) return;
        foreach (var type in missing)
        {
            using var content = new MemoryStream(DocumentWord.BuildDefault(type));
            var blob = await blobs.SaveAsync(content);
            await EnsureStoredFileAsync(blob);
            db.Set<DocumentTemplate>().Add(new DocumentTemplate
            {
                AgencyId = agencyId, TypeCode = type.Code, Version = 1, Sha256 = blob.Sha256, FileName = T("documents.template.builtin_file_name", type.Name),
                CreatedAt = db.UtcNow, CreatedBy = "system", Note = T("documents.template.builtin_note"),
            });
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another request stored the same built-in versions at the same moment; theirs stand.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
        }
    }

    public async Task<DocumentTemplate> CurrentTemplateAsync(int agencyId, DocumentType type)
    {
        await EnsureBuiltInTemplatesAsync(agencyId, [type]);
        return await db.Set<DocumentTemplate>().AsNoTracking().Where(t => t.AgencyId == agencyId && t.TypeCode == type.Code)
            .OrderByDescending(t => t.Version).FirstAsync();
    }

    public async Task<List<TemplateDto>> ListTemplatesAsync(int agencyId)
    {
        await EnsureBuiltInTemplatesAsync(agencyId, DocumentTypes.All);
        var rows = await db.Set<DocumentTemplate>().AsNoTracking().Where(t => t.AgencyId == agencyId).ToListAsync();
        var order = DocumentTypes.All.Select((t, i) => (t.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return rows.OrderBy(t => order.GetValueOrDefault(t.TypeCode, int.MaxValue)).ThenByDescending(t => t.Version).Select(ToDto).ToList();
    }

    public static TemplateDto ToDto(DocumentTemplate t)
        => new(t.Id, t.AgencyId, t.TypeCode, TypeName(t.TypeCode), t.Version, t.Sha256, t.FileName, t.CreatedAt, t.CreatedBy, t.Note);

    /// <summary>Adds the next version of a type's template: the file must open as a Word document and use only known placeholders.</summary>
    public async Task<DocumentTemplate> UploadTemplateAsync(int agencyId, DocumentType type, IFormFile? file, string? note)
    {
        var errors = new ValidationErrors().MaxLength("note", note, 500, T("documents.template.note"));
        if (file is null || file.Length == 0) errors.Add("file", "required", T("documents.template.file_required"));
        else if (file.Length > DocumentRules.TemplateMaxBytes) errors.Add("file", "too_large", T("documents.template.too_large"));
        errors.ThrowIfAny();
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file!.CopyToAsync(buffer);
            bytes = buffer.ToArray();
        }
        var used = DocumentWord.ReadPlaceholders(bytes)
            ?? throw new DomainValidationException("file", "not_docx", T("documents.template.not_docx"));
        DocumentRules.ValidateTemplatePlaceholders(used).ThrowIfAny();

        await EnsureBuiltInTemplatesAsync(agencyId, [type]);
        int next = await db.Set<DocumentTemplate>().Where(t => t.AgencyId == agencyId && t.TypeCode == type.Code).MaxAsync(t => t.Version) + 1;
        using var content = new MemoryStream(bytes);
        var blob = await blobs.SaveAsync(content);
        await EnsureStoredFileAsync(blob);
        var name = Path.GetFileName(file.FileName ?? "").Trim();
        var template = new DocumentTemplate
        {
            AgencyId = agencyId, TypeCode = type.Code, Version = next, Sha256 = blob.Sha256,
            FileName = name.Length is > 0 and <= 255 ? name : $"{type.Name}.docx",
            CreatedAt = db.UtcNow, CreatedBy = me.UserName, Note = note?.Trim() ?? "",
        };
        db.Set<DocumentTemplate>().Add(template);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique (agency, type, version) index refused a second upload racing for the same version.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            throw new DomainValidationException("file", "version_taken", T("documents.template.concurrent_upload"));
        }
        return template;
    }

    public async Task<Stream?> OpenTemplateAsync(DocumentTemplate t)
    {
        if (!blobs.Exists(t.Sha256)) return null;
        db.AddAuditEvent("document-template.downloaded", nameof(DocumentTemplate), t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.AgencyId);
        await db.SaveChangesAsync();
        return blobs.OpenRead(t.Sha256);
    }

    // ---- generation ----

    private async Task<DocumentCaseData> CaseDataAsync(Case c, Agency agency)
    {
        var parties = await cases.PartiesAsync(c.Id);
        // Documents name the officers handling the case now: one whose recusal was granted is no longer among them (行政处罚法第四十三条).
        var officerIds = await cases.HandlerIdsAsync(c.Id);
        var officers = await officerService.WithCertificatesAsync(officerIds);
        var today = DateOnly.FromDateTime(ToChina(db.UtcNow));
        var officerInfo = officerIds.Select(id => officers.First(o => o.Id == id)).Select(o => new DocumentOfficerInfo(o.Name,
            (o.Certificates.FirstOrDefault(x => x.StatusOn(today) == Domain.Officers.CertificateStatus.Valid)
             ?? o.Certificates.OrderByDescending(x => x.ValidUntil).FirstOrDefault())?.Number ?? "")).ToList();
        // The notice and the decision cite the provisions the case's proposed decision applies.
        var basis = await provisions.ForCaseAsync(c.Id);
        return new DocumentCaseData(agency.Name, c.Number, c.Title, c.Facts, c.Place,
            parties.Select(p => new DocumentPartyInfo(p.Name, p.IdNumber, p.CreditCode, p.Address, p.LegalRepresentative)).ToList(), officerInfo,
            basis, agency.ReconsiderationOrgan, agency.CompetentCourt);
    }

    /// <summary>
    /// Fills the agency's current template of the type from the case and the fields entered, numbers it when the type
    /// is numbered (gap-free per agency, kind and year: the counter moves in the same transaction as the document row)
    /// and stores the .docx.
    /// </summary>
    public async Task<CaseDocument> GenerateAsync(Case c, GenerateInput input, bool issuingDecision = false)
    {
        var type = DocumentTypes.Find(input.TypeCode?.Trim())
            ?? throw new DomainValidationException("typeCode", "unknown_type", T("documents.type_required"));
        if (DocumentRules.IssuedOnlyWithDecision(type, c.Procedure) && !issuingDecision)
            throw new DomainValidationException("typeCode", "decision.issue_only", T("documents.issued_only_with_decision", type.Name));
        var fields = DocumentRules.NormalizeFields(type, input.Fields);
        var agency = await agencies.FindAsync(c.AgencyId) ?? throw new InvalidOperationException("agency " + c.AgencyId + " not found");
        // LAW-9: a decision tells where the party may turn; it is not made while the agency names no 复议机关 or court.
        if (type.Placeholders.Contains(Placeholder.Remedies) && AgencyRemedies.Problems(agency) is { Count: > 0 } remedies) throw new DomainValidationException(remedies);
        var data = await CaseDataAsync(c, agency);
        var local = ToChina(db.UtcNow);
        DocumentRules.ValidateFields(type, fields, DocumentRules.FillMap(type, data, new Dictionary<string, string>(), "", local)).ThrowIfAny();
        if (DocumentRules.NeedsLegalReview(type) && await legalReview.GateAsync(c) is { IsOpen: false } gate)
            throw new DomainValidationException("typeCode", "legal_review.not_passed", T("documents.legal_review_required", type.Name, gate.Message));

        var template = await CurrentTemplateAsync(c.AgencyId, type);
        byte[] templateBytes;
        await using (var read = blobs.OpenRead(template.Sha256))
        using (var buffer = new MemoryStream())
        {
            await read.CopyToAsync(buffer);
            templateBytes = buffer.ToArray();
        }

        if (db.Database.IsSqlite())
        {
            await SqliteNumberLock.WaitAsync();
            try
            {
                string number = "";
                if (type.NumberKind is { } kind)
                {
                    number = DocumentRules.FormatNumber(agency.ShortName, kind, local.Year, await cases.NextNumberAsync(c.AgencyId, kind, local.Year));
                }
                return await StoreAsync(c, type, template, templateBytes, data, fields, number, local);
            }
            finally
            {
                SqliteNumberLock.Release();
            }
        }

        // Issuing a decision numbers its document inside the transaction that also moves the case.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        string pgNumber = "";
        if (type.NumberKind is { } pgKind)
        {
            int year = local.Year;
            var seq = await db.Database.SqlQuery<int>($"""
                INSERT INTO "NumberCounters" ("AgencyId", "Kind", "Year", "Last") VALUES ({c.AgencyId}, {pgKind}, {year}, 1)
                ON CONFLICT ("AgencyId", "Kind", "Year") DO UPDATE SET "Last" = "NumberCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """).ToListAsync();
            pgNumber = DocumentRules.FormatNumber(agency.ShortName, pgKind, year, seq[0]);
        }
        var document = await StoreAsync(c, type, template, templateBytes, data, fields, pgNumber, local);
        if (tx is not null) await tx.CommitAsync();
        return document;
    }

    private async Task<CaseDocument> StoreAsync(Case c, DocumentType type, DocumentTemplate template, byte[] templateBytes,
        DocumentCaseData data, Dictionary<string, string> fields, string number, DateTime local)
    {
        var map = DocumentRules.FillMap(type, data, fields, number, local);
        var bytes = DocumentWord.Fill(templateBytes, map);
        using var content = new MemoryStream(bytes);
        var blob = await blobs.SaveAsync(content);
        await EnsureStoredFileAsync(blob);
        var document = new CaseDocument
        {
            CaseId = c.Id, AgencyId = c.AgencyId, TypeCode = type.Code, Number = number, TemplateId = template.Id,
            TemplateVersion = template.Version, Sha256 = blob.Sha256,
            FileName = $"{type.Name}-{(number.Length > 0 ? number : c.Number)}.docx",
            GeneratedAt = db.UtcNow, GeneratedBy = me.UserName, Fields = JsonSerializer.Serialize(fields, FieldJson),
        };
        db.Set<CaseDocument>().Add(document);
        await db.SaveChangesAsync();
        return document;
    }

    public async Task<List<DocumentDto>> ListAsync(int caseId)
        => (await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Id).ToListAsync()).Select(ToDto).ToList();

    public static DocumentDto ToDto(CaseDocument d)
        => new(d.Id, d.CaseId, d.AgencyId, d.TypeCode, TypeName(d.TypeCode), d.Number, d.TemplateId, d.TemplateVersion, d.Sha256, d.FileName,
            d.GeneratedAt, d.GeneratedBy, JsonSerializer.Deserialize<Dictionary<string, string>>(d.Fields) ?? [],
            d.SignatureStatus.ToString(), DocumentRules.StatusLabel(d.SignatureStatus), d.SignedBy, d.SignedAt, d.RefusalReason, d.Witness,
            d.ScanSha256 is not null, d.ScanSha256, d.ScanFileName, d.ScanUploadedAt, d.ScanUploadedBy);

    // ---- signatures and scans ----

    /// <summary>When a document was made, for the dates that may not precede it (its service).</summary>
    public Task<DateTime> GeneratedAtAsync(int documentId)
        => db.Set<CaseDocument>().Where(d => d.Id == documentId).Select(d => d.GeneratedAt).SingleAsync();

    /// <summary>The case's 笔录 that are neither signed nor marked refused (REC-3), as "现场笔录" or with their number.</summary>
    public async Task<List<string>> UnsignedRecordsAsync(int caseId)
    {
        var rows = await db.Set<CaseDocument>().AsNoTracking()
            .Where(d => d.CaseId == caseId && DocumentTypes.PartySignedRecords.Contains(d.TypeCode) && d.SignatureStatus == SignatureStatus.Unsigned)
            .OrderBy(d => d.Id).Select(d => new { d.TypeCode, d.Number, d.GeneratedAt }).ToListAsync();
        return rows.Select(d => TypeName(d.TypeCode) + (d.Number.Length > 0 ? d.Number : Messages.Get("document.made_on", Display.ToChina(d.GeneratedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)))).ToList();
    }

    /// <summary>Records once how the party signed or refused; a recorded signing is not rewritten.</summary>
    public async Task<bool> RecordSignatureAsync(CaseDocument d, SignatureInput input)
    {
        var at = ToUtc(input.SignedAt);
        DocumentRules.ValidateSignature(input.Refused, input.SignedBy, at, input.Reason, input.Witness, db.UtcNow).ThrowIfAny();
        if (d.SignatureStatus != SignatureStatus.Unsigned) return false;
        d.SignatureStatus = input.Refused ? SignatureStatus.Refused : SignatureStatus.Signed;
        d.SignedBy = input.Refused ? "" : input.SignedBy!.Trim();
        d.SignedAt = at ?? db.UtcNow;
        d.RefusalReason = input.Refused ? input.Reason!.Trim() : "";
        d.Witness = input.Refused ? input.Witness!.Trim() : (input.Witness?.Trim() ?? "");
        d.SignatureRecordedBy = me.UserName;
        d.SignatureRecordedAt = db.UtcNow;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Stores the signed scan beside the generated file, which stays as generated.</summary>
    public async Task UploadScanAsync(CaseDocument d, IFormFile? file)
    {
        var head = new byte[8];
        int read = 0;
        if (file is { Length: > 0 })
        {
            await using var s = file.OpenReadStream();
            read = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        }
        var type = DocumentRules.DetectScanType(head.AsSpan(0, read));
        DocumentRules.ValidateScan(file?.Length ?? 0, type).ThrowIfAny();
        StoredBlob blob;
        await using (var s = file!.OpenReadStream())
            blob = await blobs.SaveAsync(s);
        await EnsureStoredFileAsync(blob);
        var name = Path.GetFileName(file.FileName ?? "").Trim();
        d.ScanSha256 = blob.Sha256;
        d.ScanFileName = name.Length is > 0 and <= 255 ? name : "scan";
        d.ScanContentType = type!;
        d.ScanUploadedAt = db.UtcNow;
        d.ScanUploadedBy = me.UserName;
        await db.SaveChangesAsync();
    }

    /// <summary>Opens the generated file or the scan and records the download (REC-8).</summary>
    public async Task<Stream?> OpenAsync(CaseDocument d, bool scan)
    {
        var sha = scan ? d.ScanSha256 : d.Sha256;
        if (sha is null || !blobs.Exists(sha)) return null;
        db.AddAuditEvent("document.downloaded", nameof(CaseDocument), d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.AgencyId, scan ? "scan" : "file");
        await db.SaveChangesAsync();
        return blobs.OpenRead(sha);
    }

    /// <summary>Whether a document or a template names the file (the purge keeps such a file).</summary>
    public async Task<bool> UsesFileAsync(string sha256, CancellationToken ct)
        => await db.Set<CaseDocument>().AnyAsync(d => d.Sha256 == sha256 || d.ScanSha256 == sha256, ct)
            || await db.Set<DocumentTemplate>().AnyAsync(t => t.Sha256 == sha256, ct);

    // ---- for publicity: the documents whose text it publishes ----

    /// <summary>The document, untracked and unscoped (the caller has checked its case).</summary>
    public async Task<CaseDocument?> FindAsync(int documentId) => await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId);

    /// <summary>The case's latest numbered document: without a decision row, the one made at the decision step.</summary>
    public async Task<CaseDocument?> LatestNumberedAsync(int caseId)
        => await db.Set<CaseDocument>().AsNoTracking().Where(x => x.CaseId == caseId && x.Number != "").OrderByDescending(x => x.Id).FirstOrDefaultAsync();
}
