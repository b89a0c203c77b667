using System.Security.Cryptography;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

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

    public static string Label(ComplaintKind kind) => Messages.Get("complaints.kind." + kind);

    public static string Label(ComplaintStatus status) => Messages.Get("complaints.status." + status);

    /// <summary>Handling is finished: replied, turned into a case or refused. The due date no longer runs.</summary>
    public static bool IsClosed(ComplaintStatus s) => s is ComplaintStatus.Replied or ComplaintStatus.CaseOpened or ComplaintStatus.Rejected;

    /// <summary>Whether some act of <see cref="ComplaintLifecycle"/> leads from one status to the other.</summary>
    public static bool CanMove(ComplaintStatus from, ComplaintStatus to)
        => ComplaintLifecycle.Table.Moves.Any(m => m.From == from.ToString() && m.To == to.ToString());

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
        if (!string.IsNullOrEmpty(website)) errors.Add("website", "spam", Messages.Get("complaints.submit.spam"));
        if (agencyId is null) errors.Add("agencyId", "required", Messages.Get("complaints.submit.agency_required"));
        else if (!agencyExists) errors.Add("agencyId", "unknown", Messages.Get("complaints.submit.agency_unknown"));
        if (!TryParseKind(kind, out _)) errors.Add("kind", "required", Messages.Get("complaints.submit.kind_required"));
        errors.Required("content", content, Messages.Get("complaints.field.content"));
        if (content is not null && content.Trim().Length is > 0 and < 10) errors.Add("content", "too_short", Messages.Get("complaints.submit.content_too_short"));
        errors.MaxLength("content", content?.Trim(), ContentMaxLength, Messages.Get("complaints.field.content"));
        errors.MaxLength("subject", subject?.Trim(), SubjectMaxLength, Messages.Get("complaints.field.subject"));
        errors.MaxLength("contactName", contactName?.Trim(), NameMaxLength, Messages.Get("complaints.field.contact_name"));
        var phone = contactPhone?.Trim() ?? "";
        if (phone.Length > 0 && !IsPhone(phone)) errors.Add("contactPhone", "invalid", Messages.Get("complaints.submit.phone_invalid"));
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

    /// <summary>The longest note, reply or reason the handling accepts (a longer one is bad input, not an unmet condition).</summary>
    public static int TextMaxLength(string act) => act == ComplaintActs.Reply ? ReplyMaxLength : 1000;

    /// <summary>Appends one line of the 办理记录: when (China time), who, what.</summary>
    public void AddNote(string note, string by, DateTime at)
    {
        var line = $"[{at:yyyy-MM-dd HH:mm}] {by}：{note}";
        Notes = Notes.Length == 0 ? line : Notes + "\n" + line;
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
        if (workingDays is null) errors.Add("handlingWorkingDays", "required", Messages.Get("complaints.policy.required"));
        else if (workingDays is < 1 or > MaxWorkingDays)
            errors.Add("handlingWorkingDays", "out_of_range", Messages.Get("complaints.policy.out_of_range", MaxWorkingDays));
        return errors;
    }
}
