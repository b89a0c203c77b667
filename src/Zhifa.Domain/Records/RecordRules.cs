using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Records;

/// <summary>What a user states about a record; times are China Standard Time as entered.</summary>
public sealed record RecordFacts(
    string? Kind, string? Step, DateTime? StartedAt, DateTime? EndedAt, string? Place, int? CollectorOfficerId,
    string? Parties, string? Proves, string? DeviceNumber, string? Interruptions, string? InterruptionExplanation,
    bool LateApprovedInAdvance, string? LateApprovalNote, bool Sensitive);

/// <summary>The pure rules of audio-video and electronic records (REC-5 … REC-8).</summary>
public static class RecordRules
{
    /// <summary>Capture times this far outside the activity span are still accepted (device clocks drift).</summary>
    public static readonly TimeSpan CaptureTolerance = TimeSpan.FromMinutes(10);
    /// <summary>REC-7: registered within 2 working days after the activity ended.</summary>
    public const int RegistrationWorkingDays = 2;
    public const long MaxFileSize = 64L * 1024 * 1024 * 1024;

    public static string Label(RecordKind kind) => kind switch
    {
        RecordKind.Photo => Messages.Get("records.kind.photo"),
        RecordKind.Audio => Messages.Get("records.kind.audio"),
        RecordKind.Video => Messages.Get("records.kind.video"),
        RecordKind.ElectronicData => Messages.Get("records.kind.electronic_data"),
        _ => Messages.Get("records.kind.other"),
    };

    /// <summary>Accepts the enum name or the Chinese label.</summary>
    public static RecordKind? ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var k in Enum.GetValues<RecordKind>())
            if (string.Equals(k.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase) || Label(k) == text.Trim()) return k;
        return null;
    }

    /// <summary>REC-5: steps that must be recorded on audio-video (<see cref="RecordingSteps"/>).</summary>
    public static readonly IReadOnlyList<string> MandatoryRecordingSteps = RecordingSteps.Mandatory;

    public static bool RequiresRecording(string step) => MandatoryRecordingSteps.Any(s => step.Contains(s, StringComparison.Ordinal));

    public static IReadOnlyList<ValidationError> Validate(RecordFacts f)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(f.Kind)) errors.Add(new("kind", "required", Messages.Get("records.kind.required")));
        else if (ParseKind(f.Kind) is null) errors.Add(new("kind", "invalid", Messages.Get("records.kind.invalid")));
        if (string.IsNullOrWhiteSpace(f.Step)) errors.Add(new("step", "required", Messages.Get("records.step.required")));
        else if (f.Step.Length > 40) errors.Add(new("step", "too_long", Messages.Get("records.step.too_long")));
        if (f.StartedAt is null) errors.Add(new("startedAt", "required", Messages.Get("records.started_at.required")));
        if (f.EndedAt is null) errors.Add(new("endedAt", "required", Messages.Get("records.ended_at.required")));
        if (f.StartedAt is { } s && f.EndedAt is { } e && e < s) errors.Add(new("endedAt", "before_start", Messages.Get("records.ended_at.before_start")));
        if (string.IsNullOrWhiteSpace(f.Place)) errors.Add(new("place", "required", Messages.Get("records.place.required")));
        else if (f.Place.Length > 200) errors.Add(new("place", "too_long", Messages.Get("records.place.too_long")));
        if (string.IsNullOrWhiteSpace(f.Proves)) errors.Add(new("proves", "required", Messages.Get("records.proves.required")));
        if ((f.Parties?.Length ?? 0) > 1000) errors.Add(new("parties", "too_long", Messages.Get("records.parties.too_long")));
        if ((f.Proves?.Length ?? 0) > 2000) errors.Add(new("proves", "too_long", Messages.Get("records.proves.too_long")));
        if ((f.DeviceNumber?.Length ?? 0) > 60) errors.Add(new("deviceNumber", "too_long", Messages.Get("records.device_number.too_long")));
        if ((f.Interruptions?.Length ?? 0) > 2000) errors.Add(new("interruptions", "too_long", Messages.Get("records.interruptions.too_long")));
        if ((f.InterruptionExplanation?.Length ?? 0) > 2000) errors.Add(new("interruptionExplanation", "too_long", Messages.Get("records.interruption_explanation.too_long")));
        if (f.LateApprovedInAdvance && string.IsNullOrWhiteSpace(f.LateApprovalNote))
            errors.Add(new("lateApprovalNote", "required", Messages.Get("records.late_approval_note.required")));
        return errors;
    }

    public static IReadOnlyList<ValidationError> ValidateUpload(string? fileName, long? size)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(fileName)) errors.Add(new("fileName", "required", Messages.Get("records.file_name.required")));
        else if (fileName.Length > 255) errors.Add(new("fileName", "too_long", Messages.Get("records.file_name.too_long")));
        if (size is null) errors.Add(new("size", "required", Messages.Get("records.size.required")));
        else if (size <= 0) errors.Add(new("size", "empty", Messages.Get("records.size.empty")));
        else if (size > MaxFileSize) errors.Add(new("size", "too_large", Messages.Get("records.size.too_large")));
        return errors;
    }

    /// <summary>REC-7: registered after the second working day following the day the activity ended (dates in China time).</summary>
    public static bool IsLate(WorkingDayCalendar calendar, DateOnly endedOn, DateOnly registeredOn, bool approvedInAdvance)
        => !approvedInAdvance && registeredOn > RegistrationDeadline(calendar, endedOn);

    public static DateOnly RegistrationDeadline(WorkingDayCalendar calendar, DateOnly endedOn)
        => calendar.AddWorkingDays(endedOn, RegistrationWorkingDays).Date;

    /// <summary>
    /// REC-6: the capture time read from the file against the activity span, all as China local times. Returns the
    /// warning text, or "" when they agree within <see cref="CaptureTolerance"/> or the file has no capture time.
    /// </summary>
    public static string CaptureWarning(DateTime? captureLocal, DateTime startedLocal, DateTime endedLocal)
    {
        if (captureLocal is not { } c) return "";
        if (c >= startedLocal - CaptureTolerance && c <= endedLocal + CaptureTolerance) return "";
        string F(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return Messages.Get("records.capture_mismatch", F(c), F(startedLocal), F(endedLocal));
    }

    /// <summary>Interruptions stated without an explanation (REC-6).</summary>
    public static bool HasUnexplainedInterruption(string interruptions, string explanation)
        => !string.IsNullOrWhiteSpace(interruptions) && string.IsNullOrWhiteSpace(explanation);
}
