using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Common;

/// <summary>Check-character rules of the national identifier standards.</summary>
public static class IdentityCodes
{
    // GB 32100-2015: the code alphabet leaves out I, O, Z, S and V.
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11643-1999.
    private static readonly int[] IdCardWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCardCheckChars = "10X98765432";

    /// <summary>Returns null when <paramref name="code"/> is a well-formed unified social credit code, else the reason in Chinese.</summary>
    public static string? CheckCreditCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return Messages.Get("identity_code.credit.required");
        if (code.Length != 18) return Messages.Get("identity_code.credit.length");
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            int v = CreditCodeAlphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (v < 0) return Messages.Get("identity_code.credit.character", i + 1, code[i]);
            sum += v * CreditCodeWeights[i];
        }
        int check = (31 - sum % 31) % 31;
        if (code[17] != CreditCodeAlphabet[check]) return Messages.Get("identity_code.check_digit", CreditCodeAlphabet[check]);
        return null;
    }

    public static bool IsValidCreditCode(string? code) => CheckCreditCode(code) is null;

    /// <summary>Completes the first 17 characters of a credit code with its check character (used for demo data and tests).</summary>
    public static string CompleteCreditCode(string first17)
    {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CreditCodeAlphabet.IndexOf(first17[i], StringComparison.Ordinal) * CreditCodeWeights[i];
        return first17 + CreditCodeAlphabet[(31 - sum % 31) % 31];
    }

    /// <summary>Returns null when <paramref name="number"/> is a well-formed 18-digit resident identity card number, else the reason.</summary>
    public static string? CheckIdCardNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return Messages.Get("identity_code.id.required");
        if (number.Length != 18) return Messages.Get("identity_code.id.length");
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            if (number[i] is < '0' or > '9') return Messages.Get("identity_code.id.digit", i + 1);
            sum += (number[i] - '0') * IdCardWeights[i];
        }
        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", out _)) return Messages.Get("identity_code.id.birth_date");
        char expected = IdCardCheckChars[sum % 11];
        if (char.ToUpperInvariant(number[17]) != expected) return Messages.Get("identity_code.check_digit", expected);
        return null;
    }

    /// <summary>The birth date in digits 7–14 of an 18-digit ID number (GB 11643-1999); null when they are no date.</summary>
    public static DateOnly? BirthDateOf(string? idNumber)
        => idNumber is { Length: 18 } && DateOnly.TryParseExact(idNumber.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// Full years of age (周岁) on <paramref name="day"/>. 周岁 are counted by the calendar and one has 已满 N 周岁 from the
    /// day after the Nth birthday, not on the birthday itself (最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释
    /// 第二条：“周岁”按照公历的年、月、日计算，从周岁生日的第二天起算; 民法典第二百零一条: the first day is not counted).
    /// A birthday of 29 February falls on 28 February in other years (民法典第二百零二条: 没有对应日的，月末日为最后一日).
    /// </summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        if (day <= birth) return 0;
        int years = day.Year - birth.Year;
        // DateOnly.AddYears moves 29 February to 28 February in a common year.
        if (day <= birth.AddYears(years)) years--;
        return years;
    }

    public static string CompleteIdCardNumber(string first17)
    {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17[i] - '0') * IdCardWeights[i];
        return first17 + IdCardCheckChars[sum % 11];
    }
}
