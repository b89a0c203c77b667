using System.Security.Cryptography;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Complaints;

public enum ComplaintKind { Complaint, Report, Suggestion }

public enum ComplaintStatus { Pending, Accepted, Handling, Replied, CaseOpened, Rejected }

/// <summary>
/// SUP-4 投诉举报: what a member of the public submitted to an agency on the portal, and how the agency handled it. The
/// contact is personal data (SEC-3): it is shown only to the agency's own staff, and never on the public status page.
/// </summary>
public sealed class Complaint
{
    public const int ContentMaxLength = 2000;
    public const int SubjectMaxLength = 200;
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 30;
    public const int ReplyMaxLength = 2000;

    /// <summary>办理期限 when the agency set none: 15 working days from receipt.</summary>
    public const int DefaultHandlingWorkingDays = 15;

    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string ReceiptNumber { get; set; } = "";
    public ComplaintKind Kind { get; set; }
    public string Content { get; set; } = "";
    /// <summary>The matter or party the complaint concerns, as the person wrote it.</summary>
    public string Subject { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public ComplaintStatus Status { get; set; }
    public int? UnitId { get; set; }
    public int? OfficerId { get; set; }
    public string Notes { get; set; } = "";
    public string Reply { get; set; } = "";
    public DateTime? RepliedAt { get; set; }
    public string RejectionReason { get; set; } = "";
    public DateTime? ClosedAt { get; set; }
    public int? CaseId { get; set; }

    public bool Anonymous => ContactName.Length == 0 && ContactPhone.Length == 0;

    public static string Label(ComplaintKind kind) => kind switch
    {
        ComplaintKind.Complaint => "投诉",
        ComplaintKind.Report => "举报",
        ComplaintKind.Suggestion => "意见建议",
        _ => kind.ToString(),
    };

    public static string Label(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Pending => "待受理",
        ComplaintStatus.Accepted => "已受理",
        ComplaintStatus.Handling => "办理中",
        ComplaintStatus.Replied => "已答复",
        ComplaintStatus.CaseOpened => "已转立案",
        ComplaintStatus.Rejected => "不予受理",
        _ => status.ToString(),
    };

    /// <summary>Handling is finished: replied, turned into a case or refused. The due date no longer runs.</summary>
    public static bool IsClosed(ComplaintStatus s) => s is ComplaintStatus.Replied or ComplaintStatus.CaseOpened or ComplaintStatus.Rejected;

    /// <summary>Which moves are allowed: refusal only before handling starts; a reply or a case from any open state.</summary>
    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) => (from, to) switch
    {
        (ComplaintStatus.Pending, ComplaintStatus.Accepted) => true,
        (ComplaintStatus.Pending or ComplaintStatus.Accepted, ComplaintStatus.Handling) => true,
        (ComplaintStatus.Pending, ComplaintStatus.Rejected) => true,
        (ComplaintStatus.Pending or ComplaintStatus.Accepted or ComplaintStatus.Handling, ComplaintStatus.Replied) => true,
        (ComplaintStatus.Pending or ComplaintStatus.Accepted or ComplaintStatus.Handling, ComplaintStatus.CaseOpened) => true,
        _ => false,
    };

    /// <summary>The last day of handling: the Nth working day after the day of receipt (China date).</summary>
    public static DateOnly DueOn(WorkingDayCalendar calendar, DateOnly receivedOn, int workingDays = DefaultHandlingWorkingDays)
        => calendar.AddWorkingDays(receivedOn, workingDays).Date;

    public static bool IsOverdue(ComplaintStatus status, DateOnly dueOn, DateOnly today) => !IsClosed(status) && today > dueOn;

    private const string ReceiptAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int ReceiptRandomLength = 8;

    /// <summary>
    /// 受理回执号 TS + China date + "-" + 8 random characters (32 symbols, no 0/O/1/I). The random part makes the number
    /// unguessable, so it can serve as the only key to the public status page.
    /// </summary>
    public static string NewReceiptNumber(DateOnly receivedOn)
    {
        Span<char> random = stackalloc char[ReceiptRandomLength];
        for (int i = 0; i < random.Length; i++) random[i] = ReceiptAlphabet[RandomNumberGenerator.GetInt32(ReceiptAlphabet.Length)];
        return $"TS{receivedOn:yyyyMMdd}-{random}";
    }

    public static bool IsReceiptNumber(string? value)
    {
        if (value is null || value.Length != 2 + 8 + 1 + ReceiptRandomLength || !value.StartsWith("TS", StringComparison.Ordinal) || value[10] != '-')
            return false;
        if (!DateOnly.TryParseExact(value[2..10], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            return false;
        foreach (var ch in value[11..]) if (!ReceiptAlphabet.Contains(ch, StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>Checks a public submission; every refused field is named. <paramref name="website"/> is the honeypot.</summary>
    public static ValidationErrors ValidateSubmission(int? agencyId, bool agencyExists, string? kind, string? content, string? subject,
        string? contactName, string? contactPhone, string? website)
    {
        var errors = new ValidationErrors();
        // Bots fill every field; a person never sees this one.
        if (!string.IsNullOrEmpty(website)) errors.Add("website", "spam", "提交未通过校验，请勿填写隐藏字段");
        if (agencyId is null) errors.Add("agencyId", "required", "请选择受理的执法主体");
        else if (!agencyExists) errors.Add("agencyId", "unknown", "所选执法主体不存在");
        if (!TryParseKind(kind, out _)) errors.Add("kind", "required", "请选择类别：投诉、举报或意见建议");
        errors.Required("content", content, "内容");
        if (content is not null && content.Trim().Length is > 0 and < 10) errors.Add("content", "too_short", "内容不能少于 10 个字，请写明事实经过");
        errors.MaxLength("content", content?.Trim(), ContentMaxLength, "内容");
        errors.MaxLength("subject", subject?.Trim(), SubjectMaxLength, "涉及事项或对象");
        errors.MaxLength("contactName", contactName?.Trim(), NameMaxLength, "联系人姓名");
        var phone = contactPhone?.Trim() ?? "";
        if (phone.Length > 0 && !IsPhone(phone)) errors.Add("contactPhone", "invalid", "联系电话格式不正确：请填写手机号或带区号的固定电话");
        return errors;
    }

    public static bool TryParseKind(string? value, out ComplaintKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        foreach (var k in Enum.GetValues<ComplaintKind>())
            if (string.Equals(value.Trim(), k.ToString(), StringComparison.OrdinalIgnoreCase) || value.Trim() == Label(k))
            {
                kind = k;
                return true;
            }
        return false;
    }

    /// <summary>A mobile number (1 + 10 digits) or a fixed line with area code (e.g. 0731-12345678).</summary>
    public static bool IsPhone(string phone)
        => System.Text.RegularExpressions.Regex.IsMatch(phone, @"^(1\d{10}|0\d{2,3}-?\d{7,8})$");

    private void Move(ComplaintStatus to)
    {
        if (!CanMove(Status, to))
            throw new DomainValidationException("status", "not_allowed", $"当前状态为“{Label(Status)}”，不能改为“{Label(to)}”");
        Status = to;
    }

    public void Accept() => Move(ComplaintStatus.Accepted);

    public void Assign(int? unitId, int? officerId)
    {
        if (IsClosed(Status)) throw new DomainValidationException("status", "closed", $"已{Label(Status).TrimStart('已')}的件不能再分派");
        if (unitId is null && officerId is null) throw new DomainValidationException("unitId", "required", "请选择承办科室或承办人");
        UnitId = unitId;
        OfficerId = officerId;
        if (Status != ComplaintStatus.Handling) Move(ComplaintStatus.Handling);
    }

    public void AddNote(string? note, string by, DateTime at)
    {
        var errors = new ValidationErrors().Required("note", note, "办理记录").MaxLength("note", note?.Trim(), 1000, "办理记录");
        errors.ThrowIfAny();
        var line = $"[{at:yyyy-MM-dd HH:mm}] {by}：{note!.Trim()}";
        Notes = Notes.Length == 0 ? line : Notes + "\n" + line;
    }

    public void ReplyWith(string? reply, DateTime at)
    {
        var errors = new ValidationErrors().Required("reply", reply, "答复内容").MaxLength("reply", reply?.Trim(), ReplyMaxLength, "答复内容");
        errors.ThrowIfAny();
        Move(ComplaintStatus.Replied);
        Reply = reply!.Trim();
        RepliedAt = at;
        ClosedAt = at;
    }

    public void Reject(string? reason, DateTime at)
    {
        var errors = new ValidationErrors().Required("reason", reason, "不予受理理由").MaxLength("reason", reason?.Trim(), 1000, "不予受理理由");
        errors.ThrowIfAny();
        Move(ComplaintStatus.Rejected);
        RejectionReason = reason!.Trim();
        ClosedAt = at;
    }

    public void OpenedCase(int caseId, DateTime at)
    {
        Move(ComplaintStatus.CaseOpened);
        CaseId = caseId;
        ClosedAt = at;
    }
}

/// <summary>An agency's own 办理期限 for complaints, in working days; without one the default of 15 applies.</summary>
public sealed class ComplaintPolicy
{
    public const int MaxWorkingDays = 60;

    public int AgencyId { get; set; }
    public int HandlingWorkingDays { get; set; } = Complaint.DefaultHandlingWorkingDays;

    public static ValidationErrors Validate(int? workingDays)
    {
        var errors = new ValidationErrors();
        if (workingDays is null) errors.Add("handlingWorkingDays", "required", "办理期限不能为空");
        else if (workingDays is < 1 or > MaxWorkingDays)
            errors.Add("handlingWorkingDays", "out_of_range", $"办理期限应为 1 至 {MaxWorkingDays} 个工作日");
        return errors;
    }
}
