using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

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
        CertificateStatus.Valid => Messages.Get("certificate.status.valid"),
        CertificateStatus.Suspended => Messages.Get("certificate.status.suspended"),
        CertificateStatus.Revoked => Messages.Get("certificate.status.revoked"),
        CertificateStatus.Expired => Messages.Get("certificate.status.expired"),
        CertificateStatus.NotYetValid => Messages.Get("certificate.status.not_yet_valid"),
        _ => status.ToString(),
    };

    public const int NumberMaxLength = 40;

    /// <summary>Numbers are kept trimmed and upper-case, so a lookup does not depend on how someone typed them.</summary>
    public static string NormalizeNumber(string? number) => (number ?? "").Trim().ToUpperInvariant();

    /// <summary>The checks of a certificate number alone; also guards the public lookup (ORG-3).</summary>
    public static ValidationErrors ValidateNumber(string? number, string field = "number")
    {
        var errors = new ValidationErrors().Required(field, number, Messages.Get("certificate.field.number")).MaxLength(field, number?.Trim(), NumberMaxLength, Messages.Get("certificate.field.number"));
        if (!string.IsNullOrWhiteSpace(number) && number.Trim().Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
            errors.Add(field, "invalid", Messages.Get("certificate.number_invalid"));
        return errors;
    }

    public static ValidationErrors Validate(string? number, string? issuer, DateOnly? validFrom, DateOnly? validUntil, string? domains, string numberField = "number")
    {
        var errors = ValidateNumber(number, numberField);
        errors.Required("issuer", issuer, Messages.Get("certificate.field.issuer")).MaxLength("issuer", issuer?.Trim(), 100, Messages.Get("certificate.field.issuer"));
        var normalized = NormalizeDomains(domains);
        if (normalized.Length == 0) errors.Add("domains", "required", Messages.Get("validation.required", Messages.Get("certificate.field.domains")));
        else errors.MaxLength("domains", normalized, 200, Messages.Get("certificate.field.domains"));
        if (validFrom is null) errors.Add("validFrom", "required", Messages.Get("validation.required", Messages.Get("certificate.field.valid_from")));
        if (validUntil is null) errors.Add("validUntil", "required", Messages.Get("validation.required", Messages.Get("certificate.field.valid_until")));
        if (validFrom is not null && validUntil is not null && validUntil < validFrom)
            errors.Add("validUntil", "before_start", Messages.Get("certificate.valid_until_before_start"));
        return errors;
    }

    private static readonly char[] DomainSeparators = [',', '，', '、', ';', '；', '\n', '\r', '\t', ' ', '　'];

    /// <summary>Domains as people type them (“卫生健康，公共场所卫生”, one per line …) stored one way: comma separated, without repeats.</summary>
    public static string NormalizeDomains(string? domains) => string.Join(",", SplitDomains(domains));

    public static IReadOnlyList<string> SplitDomains(string? domains)
        => (domains ?? "").Split(DomainSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The label of a state as an administrator sets it.</summary>
    public static string StateLabel(CertificateState state) => state switch
    {
        CertificateState.Active => Messages.Get("certificate.state.active"),
        CertificateState.Suspended => Messages.Get("certificate.status.suspended"),
        CertificateState.Revoked => Messages.Get("certificate.status.revoked"),
        _ => state.ToString(),
    };

    /// <summary>The action that leads to a state: 恢复 (back to normal), 暂扣, 注销.</summary>
    public static string ActionLabel(CertificateState state) => state == CertificateState.Active ? Messages.Get("certificate.action.restore") : StateLabel(state);

    /// <summary>Reads a state from its name (Suspended), its label (暂扣) or its action (恢复).</summary>
    public static CertificateState? ParseState(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var s in Enum.GetValues<CertificateState>())
        {
            if (string.Equals(t, s.ToString(), StringComparison.OrdinalIgnoreCase) || t == StateLabel(s) || t == ActionLabel(s)) return s;
        }
        return t == Label(CertificateStatus.Valid) ? CertificateState.Active : null;
    }

    /// <summary>Reads a status from its name (Expired) or its label (过期).</summary>
    public static CertificateStatus? ParseStatus(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var s in Enum.GetValues<CertificateStatus>())
        {
            if (string.Equals(t, s.ToString(), StringComparison.OrdinalIgnoreCase) || t == Label(s)) return s;
        }
        return null;
    }

    /// <summary>
    /// 暂扣 and 注销 need a reason; a suspended certificate may be restored or revoked; a revoked one is final (a new
    /// certificate is issued instead); setting the state it already has is refused rather than silently ignored.
    /// </summary>
    public static ValidationErrors CheckStateChange(CertificateState from, CertificateState? to, string? reason)
    {
        var errors = new ValidationErrors();
        if (to is null)
        {
            errors.Add("state", "required", Messages.Get("certificate.state.required"));
            return errors;
        }
        if (!Enum.IsDefined(to.Value)) return errors.Add("state", "invalid", Messages.Get("certificate.state.invalid"));
        if (from == to) errors.Add("state", "unchanged", Messages.Get("certificate.state.unchanged", StateLabel(from)));
        else if (from == CertificateState.Revoked) errors.Add("state", "revoked", Messages.Get("certificate.state.revoked"));
        if (to is CertificateState.Suspended or CertificateState.Revoked && string.IsNullOrWhiteSpace(reason))
            errors.Add("reason", "required", Messages.Get("certificate.reason.required", ActionLabel(to.Value)));
        errors.MaxLength("reason", reason?.Trim(), 200, Messages.Get("certificate.field.reason"));
        return errors;
    }

    /// <summary>Applies a change that <see cref="CheckStateChange"/> accepted.</summary>
    public void ChangeState(CertificateState to, string? reason)
    {
        CheckStateChange(State, to, reason).ThrowIfAny();
        State = to;
        StateReason = reason?.Trim() ?? "";
    }
}
