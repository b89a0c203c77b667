using System.Globalization;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;

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
        RecordKind.Photo => "照片",
        RecordKind.Audio => "录音",
        RecordKind.Video => "录像",
        RecordKind.ElectronicData => "电子数据",
        _ => "其他",
    };

    /// <summary>Accepts the enum name or the Chinese label.</summary>
    public static RecordKind? ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var k in Enum.GetValues<RecordKind>())
            if (string.Equals(k.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase) || Label(k) == text.Trim()) return k;
        return null;
    }

    /// <summary>
    /// REC-5 (万州区 全过程记录制度): steps that must be recorded on audio-video — on-site inspections and
    /// evidence-taking, seizure and sealing, service of documents on site, hearings, enforcement on site.
    /// </summary>
    public static readonly IReadOnlyList<string> MandatoryRecordingSteps =
        ["现场检查", "调查取证", "查封扣押", "现场送达", "听证", "强制执行", "先行登记保存"];

    public static bool RequiresRecording(string step) => MandatoryRecordingSteps.Any(s => step.Contains(s, StringComparison.Ordinal));

    public static IReadOnlyList<ValidationError> Validate(RecordFacts f)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(f.Kind)) errors.Add(new("kind", "required", "请选择记录类型"));
        else if (ParseKind(f.Kind) is null) errors.Add(new("kind", "invalid", "记录类型应为照片、录音、录像、电子数据或其他"));
        if (string.IsNullOrWhiteSpace(f.Step)) errors.Add(new("step", "required", "请填写所属环节"));
        else if (f.Step.Length > 40) errors.Add(new("step", "too_long", "所属环节不能超过 40 个字"));
        if (f.StartedAt is null) errors.Add(new("startedAt", "required", "请填写开始时间"));
        if (f.EndedAt is null) errors.Add(new("endedAt", "required", "请填写结束时间"));
        if (f.StartedAt is { } s && f.EndedAt is { } e && e < s) errors.Add(new("endedAt", "before_start", "结束时间不能早于开始时间"));
        if (string.IsNullOrWhiteSpace(f.Place)) errors.Add(new("place", "required", "请填写地点"));
        else if (f.Place.Length > 200) errors.Add(new("place", "too_long", "地点不能超过 200 个字"));
        if (string.IsNullOrWhiteSpace(f.Proves)) errors.Add(new("proves", "required", "请填写证明对象"));
        if ((f.Parties?.Length ?? 0) > 1000) errors.Add(new("parties", "too_long", "当事人不能超过 1000 个字"));
        if ((f.Proves?.Length ?? 0) > 2000) errors.Add(new("proves", "too_long", "证明对象不能超过 2000 个字"));
        if ((f.DeviceNumber?.Length ?? 0) > 60) errors.Add(new("deviceNumber", "too_long", "设备编号不能超过 60 个字"));
        if ((f.Interruptions?.Length ?? 0) > 2000) errors.Add(new("interruptions", "too_long", "中断情况不能超过 2000 个字"));
        if ((f.InterruptionExplanation?.Length ?? 0) > 2000) errors.Add(new("interruptionExplanation", "too_long", "中断说明不能超过 2000 个字"));
        if (f.LateApprovedInAdvance && string.IsNullOrWhiteSpace(f.LateApprovalNote))
            errors.Add(new("lateApprovalNote", "required", "经事先批准延期登记的，请填写批准情况"));
        return errors;
    }

    public static IReadOnlyList<ValidationError> ValidateUpload(string? fileName, long? size)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(fileName)) errors.Add(new("fileName", "required", "请选择文件"));
        else if (fileName.Length > 255) errors.Add(new("fileName", "too_long", "文件名不能超过 255 个字"));
        if (size is null) errors.Add(new("size", "required", "请给出文件大小"));
        else if (size <= 0) errors.Add(new("size", "empty", "文件不能为空"));
        else if (size > MaxFileSize) errors.Add(new("size", "too_large", "文件不能超过 64 GiB"));
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
        return $"拍摄时间与记录时间不一致：文件记载的拍摄时间为 {F(c)}，登记的记录时间为 {F(startedLocal)} 至 {F(endedLocal)}";
    }

    /// <summary>Interruptions stated without an explanation (REC-6).</summary>
    public static bool HasUnexplainedInterruption(string interruptions, string explanation)
        => !string.IsNullOrWhiteSpace(interruptions) && string.IsNullOrWhiteSpace(explanation);
}
