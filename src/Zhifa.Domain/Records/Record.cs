namespace Zhifa.Domain.Records;

/// <summary>The kinds of audio-video and electronic records (REC-5).</summary>
public enum RecordKind { Photo, Audio, Video, ElectronicData, Other }

/// <summary>
/// One stored original (REC-8): the database's list of what the file store must hold, one row per distinct content.
/// Nothing deletes a row; <c>verify</c> re-hashes each file it names, except those the retention purge deleted.
/// </summary>
public sealed class StoredFile
{
    /// <summary>Lower-case hex SHA-256 of the bytes; also the file's name in the store.</summary>
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the retention purge deleted the bytes (REC-9); the row stays as the trace that they existed.</summary>
    public DateTime? PurgedAt { get; set; }
}

/// <summary>A photo, recording, video or electronic data file registered to a case with what it shows (REC-5, REC-6, REC-7).</summary>
public sealed class Record
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public RecordKind Kind { get; set; }
    /// <summary>The case step it belongs to (a CaseSteps value; free text is allowed until the steps are settled).</summary>
    public string Step { get; set; } = "";
    /// <summary>Start and end of the on-site activity recorded, UTC.</summary>
    public DateTime StartedAt { get; set; }
    public DateTime EndedAt { get; set; }
    public string Place { get; set; } = "";
    public int? CollectorOfficerId { get; set; }
    public string Parties { get; set; } = "";
    /// <summary>证明对象: what the record proves.</summary>
    public string Proves { get; set; } = "";
    /// <summary>执法记录仪 or device number.</summary>
    public string DeviceNumber { get; set; } = "";
    /// <summary>Interruptions of the recording (REC-6); each needs an explanation.</summary>
    public string Interruptions { get; set; } = "";
    public string InterruptionExplanation { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    /// <summary>Capture time read from the file itself, UTC; null when the file carries none.</summary>
    public DateTime? CaptureTime { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string MetadataWarning { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    /// <summary>Registered more than 2 working days after the activity without approval in advance (REC-7).</summary>
    public bool Late { get; set; }
    public bool LateApprovedInAdvance { get; set; }
    public string LateApprovalNote { get; set; } = "";
    public bool Sensitive { get; set; }
    /// <summary>REC-9: evidence is kept with the case file, other records at least six months.</summary>
    public Retention.RetentionClass RetentionClass { get; set; } = Retention.RetentionClass.Evidence;
    /// <summary>The day the purge found the record expired; it is deleted only after the recovery window.</summary>
    public DateOnly? PurgeMarkedOn { get; set; }
    /// <summary>When the file was deleted by the purge; the row stays so that the case shows what existed.</summary>
    public DateTime? PurgedAt { get; set; }
}

/// <summary>A resumable upload in progress; persisted so that a resume works after a restart.</summary>
public sealed class UploadSession
{
    /// <summary>A random GUID in "N" format; unguessable, so it is the only handle the client needs.</summary>
    public string Id { get; set; } = "";
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public long Received { get; set; }
    public string TempPath { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
