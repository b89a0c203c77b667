using System.Security.Cryptography;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Publicity;

/// <summary>PUB-10: the public's report of an error in a published decision, and its handling by the owner unit.</summary>
public static class PublicationErrorReportRules
{
    public const int ContactMaxLength = 100;
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static ValidationErrors ValidateReport(string? content, string? contact, string? honeypot)
    {
        var errors = new ValidationErrors();
        errors.Required("content", content, "错误内容").MaxLength("content", content?.Trim(), PublicationErrorReport.ContentMaxLength, "错误内容");
        if (content is not null && content.Trim().Length is > 0 and < 5) errors.Add("content", "too_short", "请具体说明错误之处（至少 5 个字）");
        errors.MaxLength("contact", contact?.Trim(), ContactMaxLength, "联系方式");
        if (!string.IsNullOrEmpty(honeypot)) errors.Add("website", "spam", "提交未通过校验，请刷新页面后重试");
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

    public static ValidationErrors ValidateResolution(string? status, string? reply, out ErrorReportStatus resolved)
    {
        var errors = new ValidationErrors();
        resolved = ErrorReportStatus.Pending;
        if (!Enum.TryParse(status?.Trim(), true, out resolved) || resolved == ErrorReportStatus.Pending || int.TryParse(status, out _))
            errors.Add("status", "invalid", "请选择“已更正”或“不予更正”");
        errors.Required("reply", reply, "答复").MaxLength("reply", reply?.Trim(), 2000, "答复");
        return errors;
    }

    public static string Label(ErrorReportStatus s) => s switch
    {
        ErrorReportStatus.Pending => "待处理",
        ErrorReportStatus.Corrected => "已更正",
        ErrorReportStatus.Rejected => "不予更正",
        _ => s.ToString(),
    };
}
