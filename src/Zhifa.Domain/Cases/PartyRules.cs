using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>A party as entered on the case form or sent by a terminal; kinds are read from names or Chinese labels.</summary>
public sealed class PartyInput
{
    /// <summary>NaturalPerson / 自然人, IndividualBusiness / 个体工商户, LegalPerson / 法人, OtherOrganization / 其他组织.</summary>
    public string? Kind { get; set; }
    public string? Name { get; set; }
    /// <summary>居民身份证号码 of a natural person or of the operator of an 个体工商户.</summary>
    public string? IdNumber { get; set; }
    /// <summary>统一社会信用代码: required of organisations, optional for an 个体工商户.</summary>
    public string? CreditCode { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    /// <summary>未成年人: natural persons only; set anyway when the ID number shows a minor.</summary>
    public bool IsMinor { get; set; }

    public bool IsBlank()
        => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber)
           && string.IsNullOrWhiteSpace(CreditCode) && string.IsNullOrWhiteSpace(LegalRepresentative)
           && string.IsNullOrWhiteSpace(Address) && string.IsNullOrWhiteSpace(Phone) && !IsMinor;
}

/// <summary>
/// The rules of parties (REC-1): who must carry which identifier, with its check character verified; the legal
/// representative of a legal person; the minor flag, which follows from the birth date in the ID number.
/// </summary>
public static class PartyRules
{
    public static string Label(PartyKind kind) => kind switch
    {
        PartyKind.NaturalPerson => Messages.Get("cases.party.kind.natural_person"),
        PartyKind.IndividualBusiness => Messages.Get("cases.party.kind.individual_business"),
        PartyKind.LegalPerson => Messages.Get("cases.party.kind.legal_person"),
        PartyKind.OtherOrganization => Messages.Get("cases.party.kind.other_organization"),
        _ => kind.ToString(),
    };

    public static PartyKind? ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var k in Enum.GetValues<PartyKind>())
            if (string.Equals(t, k.ToString(), StringComparison.OrdinalIgnoreCase) || t == Label(k)) return k;
        return null;
    }

    /// <summary>Identifiers are kept trimmed and upper-case (the X of an ID number), so the same party is found again.</summary>
    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>The birth date encoded in a well-formed 18-digit ID number.</summary>
    public static DateOnly? BirthDateOf(string? idNumber) => IdentityCodes.BirthDateOf(idNumber);

    /// <summary>
    /// 不满十八周岁 on <paramref name="day"/>, counted as the minors' rules count 周岁: one is 已满十八周岁 from the day after
    /// the eighteenth birthday (<see cref="IdentityCodes.AgeOn"/>), so the birthday itself is still a minor's day.
    /// </summary>
    public static bool IsMinorOn(string? idNumber, DateOnly day)
        => BirthDateOf(idNumber) is { } birth && IdentityCodes.AgeOn(birth, day) < 18;

    /// <summary>Shows the first and last four characters only, e.g. 4310**********1234 (SEC-3).</summary>
    public static string Mask(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        if (code.Length <= 8) return new string('*', code.Length);
        return code[..4] + new string('*', code.Length - 8) + code[^4..];
    }

    /// <summary>
    /// Checks one party and returns it normalised (kind resolved, codes upper-case, minor flag from the ID number) when
    /// nothing was refused; each problem is named with <paramref name="prefix"/> (e.g. parties[1].).
    /// </summary>
    public static Party? Check(PartyInput input, DateOnly day, string prefix, ValidationErrors errors)
    {
        int before = errors.Items.Count;
        var kind = ParseKind(input.Kind);
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add(prefix + "kind", "required", Messages.Get("cases.party.kind_required"));
        else if (kind is null) errors.Add(prefix + "kind", "invalid", Messages.Get("cases.party.kind_invalid"));

        var name = input.Name?.Trim();
        errors.Required(prefix + "name", name, Messages.Get("cases.party.field.name")).MaxLength(prefix + "name", name, 200, Messages.Get("cases.party.field.name"));
        var id = NormalizeCode(input.IdNumber);
        var credit = NormalizeCode(input.CreditCode);
        var rep = input.LegalRepresentative?.Trim() ?? "";
        errors.MaxLength(prefix + "legalRepresentative", rep, 50, Messages.Get("cases.party.field.legal_representative"))
            .MaxLength(prefix + "address", input.Address?.Trim(), 200, Messages.Get("cases.party.field.address"))
            .MaxLength(prefix + "phone", input.Phone?.Trim(), 30, Messages.Get("cases.party.field.phone"));

        bool minor = false;
        if (kind is PartyKind.NaturalPerson or PartyKind.IndividualBusiness)
        {
            var who = kind == PartyKind.NaturalPerson ? "" : Messages.Get("cases.party.operator");
            if (id.Length == 0) errors.Add(prefix + "idNumber", "required", Messages.Get("cases.party.id_required", who));
            else if (IdentityCodes.CheckIdCardNumber(id) is { } reason) errors.Add(prefix + "idNumber", "invalid", Messages.Get("cases.party.id_invalid", who, reason));
            else if (BirthDateOf(id) > day) errors.Add(prefix + "idNumber", "invalid", Messages.Get("cases.party.id_born_after_filing", who));
            else minor = kind == PartyKind.NaturalPerson && IsMinorOn(id, day);
        }
        else if (kind is not null && id.Length > 0)
        {
            errors.Add(prefix + "idNumber", "not_applicable", Messages.Get("cases.party.id_not_applicable"));
        }

        if (kind is PartyKind.LegalPerson or PartyKind.OtherOrganization)
        {
            if (credit.Length == 0) errors.Add(prefix + "creditCode", "required", Messages.Get("cases.party.credit_code_required"));
            else if (IdentityCodes.CheckCreditCode(credit) is { } reason) errors.Add(prefix + "creditCode", "invalid", Messages.Get("cases.party.credit_code_invalid", reason));
        }
        else if (credit.Length > 0)
        {
            if (kind == PartyKind.NaturalPerson) errors.Add(prefix + "creditCode", "not_applicable", Messages.Get("cases.party.credit_code_not_applicable"));
            else if (IdentityCodes.CheckCreditCode(credit) is { } reason) errors.Add(prefix + "creditCode", "invalid", Messages.Get("cases.party.credit_code_invalid", reason));
        }

        if (kind == PartyKind.LegalPerson && rep.Length == 0) errors.Add(prefix + "legalRepresentative", "required", Messages.Get("cases.party.legal_representative_required"));

        if (input.IsMinor && kind is not null && kind != PartyKind.NaturalPerson)
            errors.Add(prefix + "isMinor", "not_applicable", Messages.Get("cases.party.minor_not_applicable"));
        else if (input.IsMinor && kind == PartyKind.NaturalPerson && !minor && BirthDateOf(id) is not null && errors.Items.Count == before)
            errors.Add(prefix + "isMinor", "contradicts_id", Messages.Get("cases.party.minor_contradicts_id"));

        if (errors.Items.Count > before || kind is null) return null;
        return new Party
        {
            Kind = kind.Value,
            Name = name!,
            IdNumber = id,
            CreditCode = credit,
            LegalRepresentative = kind == PartyKind.LegalPerson ? rep : "",
            Address = input.Address?.Trim() ?? "",
            Phone = input.Phone?.Trim() ?? "",
            IsMinor = minor,
        };
    }

    /// <summary>
    /// 集中存储: a party is the same person or organisation when its credit code matches, or, without one, its ID number.
    /// Returns the key used to look it up among the agency's parties.
    /// </summary>
    public static (string? CreditCode, string? IdNumber) IdentityKey(Party p)
        => p.CreditCode.Length > 0 ? (p.CreditCode, null) : (null, p.IdNumber.Length > 0 ? p.IdNumber : null);
}
