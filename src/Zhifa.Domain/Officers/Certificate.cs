using Zhifa.Domain.Common;

namespace Zhifa.Domain.Officers;

/// <summary>What an administrator sets on a certificate; expiry follows from the dates.</summary>
public enum CertificateState { Active, Suspended, Revoked }

/// <summary>What a certificate is on a given day (ORG-2).</summary>
public enum CertificateStatus { Valid, Suspended, Revoked, Expired, NotYetValid }

/// <summary>An enforcement certificate (执法证).</summary>
public sealed class Certificate
{
    public int Id { get; set; }
    public int OfficerId { get; set; }
    public string Number { get; set; } = "";
    public string Issuer { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>执法领域, comma separated, e.g. 卫生健康,公共场所卫生.</summary>
    public string Domains { get; set; } = "";
    public CertificateState State { get; set; }
    public string StateReason { get; set; } = "";

    public CertificateStatus StatusOn(DateOnly day) => State switch
    {
        CertificateState.Revoked => CertificateStatus.Revoked,
        CertificateState.Suspended => CertificateStatus.Suspended,
        _ when day > ValidUntil => CertificateStatus.Expired,
        _ when day < ValidFrom => CertificateStatus.NotYetValid,
        _ => CertificateStatus.Valid,
    };

    /// <summary>Valid today and expiring within <paramref name="days"/> calendar days.</summary>
    public bool ExpiresWithin(DateOnly today, int days)
        => StatusOn(today) == CertificateStatus.Valid && ValidUntil <= today.AddDays(days);

    public static string Label(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Suspended => "暂扣",
        CertificateStatus.Revoked => "注销",
        CertificateStatus.Expired => "过期",
        CertificateStatus.NotYetValid => "未生效",
        _ => status.ToString(),
    };

    public static ValidationErrors Validate(string? number, string? issuer, DateOnly? validFrom, DateOnly? validUntil, string? domains)
    {
        var errors = new ValidationErrors()
            .Required("number", number, "执法证号").MaxLength("number", number, 40, "执法证号")
            .Required("issuer", issuer, "发证机关").MaxLength("issuer", issuer, 100, "发证机关")
            .Required("domains", domains, "执法领域").MaxLength("domains", domains, 200, "执法领域");
        if (number is not null && number.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
            errors.Add("number", "invalid", "执法证号只能包含字母、数字和连字符");
        if (validFrom is null) errors.Add("validFrom", "required", "有效期起始日期不能为空");
        if (validUntil is null) errors.Add("validUntil", "required", "有效期截止日期不能为空");
        if (validFrom is not null && validUntil is not null && validUntil < validFrom)
            errors.Add("validUntil", "before_start", "有效期截止日期不能早于起始日期");
        return errors;
    }
}
