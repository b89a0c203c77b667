namespace Zhifa.Domain.Redaction;

/// <summary>
/// What a redacted span is (PUB-5, seed 003 art. 16). Organisations' names, unified social credit codes and the legal
/// representative's name are published and never belong to any kind.
/// </summary>
public enum RedactionKind
{
    /// <summary>居民身份证号码: 18 digits with a valid check character, or a 15-digit number with a valid birth date.</summary>
    IdNumber,
    /// <summary>手机号码 (1[3-9]x, with or without +86, spaces or dashes).</summary>
    MobilePhone,
    /// <summary>固定电话 (area code, number, optional extension).</summary>
    FixedPhone,
    /// <summary>电子邮箱 (a means of contact like a phone).</summary>
    Email,
    /// <summary>银行卡号: Luhn-valid card numbers.</summary>
    BankCard,
    /// <summary>银行账号: a number introduced by 账号, 开户行, 银行 …</summary>
    BankAccount,
    /// <summary>家庭住址 of a natural person (not the registered address of an organisation).</summary>
    HomeAddress,
    /// <summary>不动产/动产权属证书编号 (不动产权证, 房产证, 土地使用证 …).</summary>
    PropertyCertificate,
    /// <summary>车牌号码.</summary>
    VehiclePlate,
    /// <summary>自然人姓名 other than a legal representative's or an enforcement officer's.</summary>
    PersonName,
    /// <summary>财产状况 of a natural person: income, savings, debts tied to a person.</summary>
    FinancialStatus,
}

public static class RedactionKinds
{
    public static IReadOnlyList<RedactionKind> All { get; } = Enum.GetValues<RedactionKind>();

    public static string Label(RedactionKind kind) => kind switch
    {
        RedactionKind.IdNumber => "居民身份证号码",
        RedactionKind.MobilePhone => "手机号码",
        RedactionKind.FixedPhone => "固定电话",
        RedactionKind.Email => "电子邮箱",
        RedactionKind.BankCard => "银行卡号",
        RedactionKind.BankAccount => "银行账号",
        RedactionKind.HomeAddress => "家庭住址",
        RedactionKind.PropertyCertificate => "权属证书编号",
        RedactionKind.VehiclePlate => "车牌号码",
        RedactionKind.PersonName => "自然人姓名",
        RedactionKind.FinancialStatus => "财产状况",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Which detection wins when two overlap: the more specific and the more harmful first, names last, so that a
    /// number is never split by a name and an address keeps the village name inside it.
    /// </summary>
    internal static int Priority(RedactionKind kind) => kind switch
    {
        RedactionKind.IdNumber => 100,
        RedactionKind.BankCard => 95,
        RedactionKind.BankAccount => 90,
        RedactionKind.MobilePhone => 85,
        RedactionKind.FixedPhone => 80,
        RedactionKind.Email => 75,
        RedactionKind.PropertyCertificate => 70,
        RedactionKind.VehiclePlate => 65,
        RedactionKind.HomeAddress => 60,
        RedactionKind.FinancialStatus => 55,
        RedactionKind.PersonName => 50,
        _ => 0,
    };
}
