using System.Buffers;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Access;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Records;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Records;

/// <summary>The metadata a user gives for a record; times without a zone are China Standard Time.</summary>
public sealed record RecordInput
{
    public string? Kind { get; init; }
    public string? Step { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? Place { get; init; }
    public int? CollectorOfficerId { get; init; }
    public string? Parties { get; init; }
    public string? Proves { get; init; }
    public string? DeviceNumber { get; init; }
    public string? Interruptions { get; init; }
    public string? InterruptionExplanation { get; init; }
    public bool LateApprovedInAdvance { get; init; }
    public string? LateApprovalNote { get; init; }
    public bool Sensitive { get; init; }
}

public sealed record UploadStart(string? FileName, long? Size, string? ContentType);

public sealed record UploadDto(string UploadId, long Offset, long Size, string FileName);

public sealed record RecordDto(
    int Id, int CaseId, int AgencyId, string Kind, string KindLabel, string Step, DateTime StartedAt, DateTime EndedAt,
    string Place, int? CollectorOfficerId, string? CollectorName, string Parties, string Proves, string DeviceNumber,
    string Interruptions, string InterruptionExplanation, string FileName, string ContentType, long Size, string Sha256,
    DateTime? CaptureTime, double? Latitude, double? Longitude, string MetadataWarning, DateTime RegisteredAt,
    string RegisteredBy, bool Late, bool LateApprovedInAdvance, string LateApprovalNote, bool Sensitive);

public sealed record AttentionDto(RecordDto Record, string CaseNumber, IReadOnlyList<string> Reasons);

public enum AppendOutcome { Appended, WrongOffset, TooLong, Busy }

public sealed record AppendResult(AppendOutcome Outcome, long Offset);

/// <summary>Registers, lists and streams audio-video and electronic records (REC-5 … REC-8).</summary>
public sealed class RecordService(AppDbContext db, CurrentUser me, BlobStore blobs, CalendarService calendar, TimeProvider time, UploadHashes hashes,
    Access.AccessRequestService access, Cases.CaseService cases, Officers.OfficerService officerService)
{
    /// <summary>The audit action of a refused attempt to open a record's file (REC-10), which supervision lists.</summary>
    public const string AccessRefusedAction = "record.access-refused";

    private const int BufferSize = 1 << 20;

    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// For supervision (REC-12): the records in the given agencies (all when null) or the one agency that were registered
    /// late without approval, interrupted without explanation or whose capture time disagrees, newest first.
    /// </summary>
    public async Task<List<Record>> FlaggedAsync(IReadOnlySet<int>? agencyIds, int? agencyId, int take)
    {
        var records = db.Set<Record>().AsNoTracking();
        if (agencyIds is not null) records = records.Where(r => agencyIds.Contains(r.AgencyId));
        if (agencyId is { } a) records = records.Where(r => r.AgencyId == a);
        return await records.Where(r => (r.Late && !r.LateApprovedInAdvance) || (r.Interruptions != "" && r.InterruptionExplanation == "") || r.MetadataWarning != "")
            .OrderByDescending(r => r.Id).Take(take).ToListAsync();
    }

    /// <summary>REC-5: whether the case has a record registered to the step (by code or label) or an approved exemption for it.</summary>
    public async Task<bool> RecordedAsync(int caseId, string step, string label)
        => await db.Set<Record>().AnyAsync(r => r.CaseId == caseId && (r.Step == step || r.Step == label))
           || await db.Set<RecordingExemption>().AnyAsync(x => x.CaseId == caseId && x.Step == step && x.Status == ExemptionStatus.Approved);

    /// <summary>The case's records in the order they were made, untracked.</summary>
    public async Task<List<Record>> OfCaseAsync(int caseId)
        => await db.Set<Record>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync();

    /// <summary>The case when the user may see its agency; null answers 404.</summary>
    public async Task<Case?> FindVisibleCaseAsync(int caseId)
    {
        var c = await cases.FindAsync(caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    public async Task<Record?> FindVisibleRecordAsync(int recordId)
    {
        var r = await db.Set<Record>().FirstOrDefaultAsync(x => x.Id == recordId);
        return r is not null && await me.CanSee(r.AgencyId) ? r : null;
    }

    public async Task<UploadSession?> FindVisibleUploadAsync(string uploadId)
    {
        var u = await db.Set<UploadSession>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == uploadId);
        return u is not null && await me.CanSee(u.AgencyId) ? u : null;
    }

    /// <summary>
    /// Who may add to a case's records and open its files: its own agency's handlers of the case, the unit head, the
    /// heads and administrators (a simple rule until the access-request workflow covers the rest).
    /// </summary>
    public async Task<bool> MayHandleAsync(int caseId, int agencyId)
    {
        if (me.IsDeploymentAdministrator) return true;
        if (me.AgencyId != agencyId) return false;
        if (me.IsAdministrator || me.IsInRole(Roles.Head) || me.IsInRole(Roles.DeputyHead) || me.IsInRole(Roles.UnitHead)) return true;
        var officerId = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.OfficerId).FirstOrDefaultAsync();
        return officerId is not null && await cases.IsCaseOfficerAsync(caseId, officerId.Value);
    }

    /// <summary>
    /// May the current user open this record's file (REC-10)? Decided by <see cref="RecordAccess"/> with the user's approved
    /// access requests; a refusal is written to the audit log so that supervision sees it.
    /// </summary>
    public async Task<AccessDecision> MayViewAsync(Record record)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me.UserId);
        var handlers = await cases.OfficerIdsAsync(record.CaseId);
        var grants = me.UserId is { } uid ? await access.GrantsAsync(uid, record.CaseId) : [];
        var decision = RecordAccess.Decide(
            new Viewer(me.UserId ?? 0, user?.OfficerId, me.Roles, await me.CanSee(record.AgencyId)),
            new RecordAccessFacts(record.CaseId, record.Sensitive, handlers), grants, db.UtcNow);
        if (!decision.Allowed)
        {
            db.AddAuditEvent(AccessRefusedAction, "Record",
                record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), record.AgencyId, decision.Reason);
            await db.SaveChangesAsync();
        }
        return decision;
    }

    public async Task<UploadSession> StartUploadAsync(Case c, UploadStart input)
    {
        var errors = RecordRules.ValidateUpload(input.FileName, input.Size);
        if (errors.Count > 0) throw new DomainValidationException(errors);
        var temp = blobs.NewTempPath();
        await File.WriteAllBytesAsync(temp, []);
        var session = new UploadSession
        {
            Id = Guid.NewGuid().ToString("N"),
            CaseId = c.Id,
            AgencyId = c.AgencyId,
            FileName = Path.GetFileName(input.FileName!.Trim()),
            ContentType = string.IsNullOrWhiteSpace(input.ContentType) ? "application/octet-stream" : input.ContentType.Trim(),
            Size = input.Size!.Value,
            TempPath = temp,
            CreatedBy = me.UserName,
            CreatedAt = db.UtcNow,
        };
        db.Set<UploadSession>().Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>The bytes received so far: the temporary file is the truth, even after a crash mid-chunk.</summary>
    public static long ReceivedOf(UploadSession s) => File.Exists(s.TempPath) ? new FileInfo(s.TempPath).Length : 0;

    /// <summary>
    /// Appends one chunk straight from the request body to the temporary file in constant memory. The file is opened
    /// exclusively, so two requests for the same upload cannot interleave; a broken connection keeps what arrived.
    /// </summary>
    public async Task<AppendResult> AppendAsync(UploadSession s, long offset, Stream body, CancellationToken ct)
    {
        FileStream file;
        try
        {
            file = new FileStream(s.TempPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        }
        catch (IOException)
        {
            return new AppendResult(AppendOutcome.Busy, ReceivedOf(s));
        }
        long length;
        await using (file)
        {
            length = file.Length;
            if (offset != length) return new AppendResult(AppendOutcome.WrongOffset, length);
            file.Seek(0, SeekOrigin.End);
            long remaining = s.Size - length;
            var hash = hashes.At(s.Id, length);
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), CancellationToken.None)) > 0)
                {
                    if (read > remaining)
                    {
                        // More than announced: nothing of this chunk is kept.
                        file.SetLength(length);
                        hashes.Forget(s.Id);
                        return new AppendResult(AppendOutcome.TooLong, length);
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                    hash?.Append(buffer.AsSpan(0, read));
                    remaining -= read;
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionResetException)
            {
                // The connection broke: what arrived stays, and the client resumes from HEAD's offset.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            // Flushed to the OS only: one fsync per chunk would halve throughput; the whole file is synced once at completion.
            await file.FlushAsync(CancellationToken.None);
            length = file.Length;
        }
        // Progress bookkeeping only; the audited rows are the session's creation and the record.
        await db.Set<UploadSession>().Where(x => x.Id == s.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Received, length), CancellationToken.None);
        return new AppendResult(AppendOutcome.Appended, length);
    }

    /// <summary>Hashes the finished upload into the store and registers the record; the session ends.</summary>
    public async Task<Record> CompleteAsync(UploadSession s, RecordInput input)
    {
        var c = await cases.FindAsync(s.CaseId) ?? throw new InvalidOperationException("case " + s.CaseId + " not found");
        var facts = await ValidateAsync(c.AgencyId, input);
        var received = ReceivedOf(s);
        if (received != s.Size)
            throw new DomainValidationException("file", "incomplete", T("records.upload.incomplete", received, s.Size));
        // On disk before it becomes an original that the database names.
        await using (var sync = new FileStream(s.TempPath, FileMode.Open, FileAccess.Write, FileShare.Read)) sync.Flush(flushToDisk: true);
        var blob = hashes.Take(s.Id, s.Size) is { } sha ? blobs.CommitHashedTemp(s.TempPath, sha) : await blobs.CommitTempAsync(s.TempPath);
        var tracked = await db.Set<UploadSession>().SingleAsync(x => x.Id == s.Id);
        db.Set<UploadSession>().Remove(tracked);
        return await RegisterAsync(c, facts, blob, s.FileName, s.ContentType);
    }

    /// <summary>The plain form upload of a small file without JavaScript.</summary>
    public async Task<Record> RegisterStreamAsync(Case c, RecordInput input, Stream content, string fileName, string? contentType)
    {
        var facts = await ValidateAsync(c.AgencyId, input);
        var blob = await blobs.SaveAsync(content);
        return await RegisterAsync(c, facts, blob, Path.GetFileName(fileName), string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType);
    }

    public async Task<RecordFacts> ValidateAsync(int agencyId, RecordInput input)
    {
        var facts = new RecordFacts(input.Kind, input.Step?.Trim(), input.StartedAt, input.EndedAt, input.Place?.Trim(), input.CollectorOfficerId,
            input.Parties?.Trim(), input.Proves?.Trim(), input.DeviceNumber?.Trim(), input.Interruptions?.Trim(), input.InterruptionExplanation?.Trim(),
            input.LateApprovedInAdvance, input.LateApprovalNote?.Trim(), input.Sensitive);
        var errors = RecordRules.Validate(facts).ToList();
        if (input.CollectorOfficerId is { } oid && !await officerService.InAgencyAsync(oid, agencyId))
            errors.Add(new ValidationError("collectorOfficerId", "unknown", T("records.collector_not_officer")));
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return facts;
    }

    private async Task<Record> RegisterAsync(Case c, RecordFacts f, StoredBlob blob, string fileName, string contentType)
    {
        if (!await db.Set<StoredFile>().AnyAsync(x => x.Sha256 == blob.Sha256))
            db.Set<StoredFile>().Add(new StoredFile { Sha256 = blob.Sha256, Size = blob.Size, CreatedAt = db.UtcNow });
        var record = new Record
        {
            CaseId = c.Id,
            AgencyId = c.AgencyId,
            FileName = fileName,
            ContentType = contentType,
            Size = blob.Size,
            Sha256 = blob.Sha256,
            RegisteredAt = db.UtcNow,
            RegisteredBy = me.UserName,
        };
        Apply(record, f);
        await using (var read = blobs.OpenRead(blob.Sha256))
        {
            var meta = RecordMetadata.Read(read);
            record.CaptureTime = meta.CaptureUtc;
            record.Latitude = meta.Latitude;
            record.Longitude = meta.Longitude;
        }
        await RecomputeAsync(record);
        db.Set<Record>().Add(record);
        // The file row (when new) and the record are written together, so a record never names a missing row.
        await db.SaveChangesAsync();
        return record;
    }

    /// <summary>Metadata corrections keep the file; the change is in the audit log like every save (REC-8).</summary>
    public async Task UpdateAsync(Record record, RecordInput input)
    {
        var facts = await ValidateAsync(record.AgencyId, input);
        Apply(record, facts);
        await RecomputeAsync(record);
        await db.SaveChangesAsync();
    }

    private static void Apply(Record r, RecordFacts f)
    {
        r.Kind = RecordRules.ParseKind(f.Kind)!.Value;
        r.Step = f.Step ?? "";
        r.StartedAt = ToUtc(f.StartedAt!.Value);
        r.EndedAt = ToUtc(f.EndedAt!.Value);
        r.Place = f.Place ?? "";
        r.CollectorOfficerId = f.CollectorOfficerId;
        r.Parties = f.Parties ?? "";
        r.Proves = f.Proves ?? "";
        r.DeviceNumber = f.DeviceNumber ?? "";
        r.Interruptions = f.Interruptions ?? "";
        r.InterruptionExplanation = f.InterruptionExplanation ?? "";
        r.LateApprovedInAdvance = f.LateApprovedInAdvance;
        r.LateApprovalNote = f.LateApprovedInAdvance ? f.LateApprovalNote ?? "" : "";
        r.Sensitive = f.Sensitive;
    }

    private async Task RecomputeAsync(Record r)
    {
        var cal = await calendar.GetAsync();
        r.Late = RecordRules.IsLate(cal, DateOnly.FromDateTime(ToChina(r.EndedAt)), DateOnly.FromDateTime(ToChina(r.RegisteredAt)), r.LateApprovedInAdvance);
        r.MetadataWarning = RecordRules.CaptureWarning(r.CaptureTime is { } t ? ToChina(t) : null, ToChina(r.StartedAt), ToChina(r.EndedAt));
    }

    /// <summary>A time without a zone is China Standard Time, as entered on the page.</summary>
    public static DateTime ToUtc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => TimeZoneInfo.ConvertTimeToUtc(t, China),
    };

    public static DateTime ToChina(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public async Task<List<RecordDto>> ListAsync(int caseId)
    {
        var rows = await db.Set<Record>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync();
        return await ToDtosAsync(rows);
    }

    /// <summary>REC-7: late registrations and unexplained interruptions in the agencies the user may see.</summary>
    public async Task<List<AttentionDto>> AttentionAsync()
    {
        var q = await db.Set<Record>().AsNoTracking().InScopeAsync(me, r => r.AgencyId);
        var rows = await q.Where(r => r.Late || (r.Interruptions != "" && r.InterruptionExplanation == ""))
            .OrderByDescending(r => r.RegisteredAt).Take(500).ToListAsync();
        var caseIds = rows.Select(r => r.CaseId).Distinct().ToList();
        var numbers = await cases.NumbersAsync(caseIds);
        var dtos = await ToDtosAsync(rows);
        return dtos.Select(d => new AttentionDto(d, numbers.GetValueOrDefault(d.CaseId, ""), Reasons(d))).ToList();
    }

    private static List<string> Reasons(RecordDto d)
    {
        var list = new List<string>();
        if (d.Late) list.Add(T("records.attention.late"));
        if (RecordRules.HasUnexplainedInterruption(d.Interruptions, d.InterruptionExplanation)) list.Add(T("records.attention.unexplained_interruption"));
        return list;
    }

    public async Task<List<RecordDto>> ToDtosAsync(IReadOnlyList<Record> rows)
    {
        var officerIds = rows.Where(r => r.CollectorOfficerId is not null).Select(r => r.CollectorOfficerId!.Value).Distinct().ToList();
        var names = await officerService.OfficerNamesAsync(officerIds);
        return rows.Select(r => ToDto(r, r.CollectorOfficerId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    public static RecordDto ToDto(Record r, string? collectorName) => new(
        r.Id, r.CaseId, r.AgencyId, r.Kind.ToString(), RecordRules.Label(r.Kind), r.Step, Utc(r.StartedAt), Utc(r.EndedAt), r.Place,
        r.CollectorOfficerId, collectorName, r.Parties, r.Proves, r.DeviceNumber, r.Interruptions, r.InterruptionExplanation,
        r.FileName, r.ContentType, r.Size, r.Sha256, r.CaptureTime is { } t ? Utc(t) : null, r.Latitude, r.Longitude,
        r.MetadataWarning, Utc(r.RegisteredAt), r.RegisteredBy, r.Late, r.LateApprovedInAdvance, r.LateApprovalNote, r.Sensitive);

    /// <summary>Opens the original for a user allowed to; each opening is written to the audit log first.</summary>
    public async Task<Stream?> OpenForDownloadAsync(Record r)
    {
        if (!blobs.Exists(r.Sha256)) return null;
        db.AddAuditEvent("record.downloaded", "Record", r.Id.ToString(CultureInfo.InvariantCulture), r.AgencyId, r.FileName);
        await db.SaveChangesAsync();
        return blobs.OpenRead(r.Sha256);
    }

    public static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    public static string SizeText(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
    };

    public DateTime Now => time.GetUtcNow().UtcDateTime;


    /// <summary>The records of the given cases whose files are not purged yet, tracked so the purge can mark them.</summary>
    public Task<List<Record>> UnpurgedOfCasesAsync(IReadOnlyCollection<int> caseIds, CancellationToken ct)
        => db.Set<Record>().Where(r => r.PurgedAt == null && caseIds.Contains(r.CaseId)).ToListAsync(ct);

    /// <summary>Whether a record still kept names the file.</summary>
    public Task<bool> KeepsFileAsync(string sha256, CancellationToken ct) => db.Set<Record>().AnyAsync(r => r.Sha256 == sha256 && r.PurgedAt == null, ct);

    /// <summary>The stored file's row, tracked, so that its deletion can be recorded.</summary>
    public Task<StoredFile?> StoredFileAsync(string sha256, CancellationToken ct) => db.Set<StoredFile>().FirstOrDefaultAsync(f => f.Sha256 == sha256, ct);
}
