using System.Security.Cryptography;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>PUB-10: the public's report of an error in a published decision, and its handling by the owner unit.</summary>
public static class PublicationErrorReportRules
{
    public const int ContactMaxLength = 100;
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static ValidationErrors ValidateReport(string? content, string? contact, string? honeypot)
    {
        var errors = new ValidationErrors();
        var label = Messages.Get("errorreports.field.content");
        errors.Required("content", content, label).MaxLength("content", content?.Trim(), PublicationErrorReport.ContentMaxLength, label);
        if (content is not null && content.Trim().Length is > 0 and < 5) errors.Add("content", "too_short", Messages.Get("errorreports.content_too_short"));
        errors.MaxLength("contact", contact?.Trim(), ContactMaxLength, Messages.Get("errorreports.field.contact"));
        if (!string.IsNullOrEmpty(honeypot)) errors.Add("website", "spam", Messages.Get("errorreports.spam"));
        return errors;
    }

    /// <summary>JC + the China date + 8 random characters without look-alikes: unique and not guessable.</summary>
    public static string NewReceiptNumber(DateOnly on)
    {
        Span<char> random = stackalloc char[8];
        for (int i = 0; i < random.Length; i++) random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"JC{on:yyyyMMdd}-{random}";
    }

    /// <summary>Due within <see cref="PublicationErrorReport.DueWorkingDays"/> working days of receipt.</summary>
    public static DateOnly DueOn(WorkingDayCalendar calendar, DateOnly receivedOn) => calendar.AddWorkingDays(receivedOn, PublicationErrorReport.DueWorkingDays).Date;

    public static bool IsOverdue(ErrorReportStatus status, DateOnly dueOn, DateOnly today) => status == ErrorReportStatus.Pending && today > dueOn;

    /// <summary>The resolution a form or API body names: Corrected or Rejected (by name, any case); null for anything else.</summary>
    public static ErrorReportStatus? ParseResolution(string? status)
        => Enum.TryParse<ErrorReportStatus>(status?.Trim(), true, out var s) && s != ErrorReportStatus.Pending && !int.TryParse(status, out _) ? s : null;

    public static string Label(ErrorReportStatus s) => Messages.Get("errorreports.status." + s);
}
