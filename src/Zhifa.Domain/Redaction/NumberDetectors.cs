using System.Text.RegularExpressions;
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Redaction;

/// <summary>A detection before overlaps are resolved.</summary>
internal readonly record struct Candidate(int Start, int Length, RedactionKind Kind)
{
    public int End => Start + Length;
}

/// <summary>
/// Detectors of numbers and codes: ID numbers, phones, e-mail, bank cards and accounts, plates, certificate numbers.
/// Every pattern refuses to start or end inside a longer run of letters or digits, so that document numbers, credit
/// codes, serial numbers and dates are never cut into a “phone number”.
/// </summary>
internal static partial class NumberDetectors
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{14}(?:[0-9]{2}[0-9Xx])?(?![0-9A-Za-z])", Options)]
    private static partial Regex IdRun();

    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:(?:\+|00)86[ \-－]?|86[ \-－])?1[3-9][0-9](?:[ \-－]?[0-9]{4}){2}(?![0-9A-Za-z])", Options)]
    private static partial Regex Mobile();

    // 010, 02x (3 digits) or 03xx–09xx (4 digits), then a local number of 7–8 digits that does not start with 0 or 1.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[(（](?:010|02[0-9]|0[3-9][0-9]{2})[)）] ?|(?:010|02[0-9]|0[3-9][0-9]{2})[ \-－—])[2-9][0-9]{6,7}(?:(?: ?(?:转|分机|ext\.?|EXT\.?) ?|[\-－])[0-9]{1,6})?(?![0-9A-Za-z])", Options)]
    private static partial Regex FixedWithSeparator();

    // After a phone word the area code may be missing or written without a separator.
    [GeneratedRegex(@"(?<=(?:电话|热线|座机|传真|联系方式|Tel|TEL|tel)(?:号码)?[:： ]{0,3})(?:010|02[0-9]|0[3-9][0-9]{2})?[2-9][0-9]{6,7}(?![0-9A-Za-z])", Options)]
    private static partial Regex FixedAfterCue();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", Options)]
    private static partial Regex Email();

    // 16–19 digits, written together or in groups of four.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{4}(?:[ \-]?[0-9]{4}){3}(?:[ \-]?[0-9]{1,3})?(?![0-9A-Za-z])", Options)]
    private static partial Regex CardRun();

    [GeneratedRegex(@"(?<strong>账号|帐号|账户|帐户|卡号)|(?<weak>开户行|开户银行|银行|信用社|信用联社)", Options)]
    private static partial Regex AccountCue();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9](?:[ \-]?[0-9]){7,31}(?![0-9A-Za-z])", Options)]
    private static partial Regex DigitGroup();

    // Province, issuing office (no I or O), then 5 characters (6 for new-energy vehicles) or 4 and a class character.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][ ·•・.\-－]?[A-HJ-NP-Z][ ·•・.\-－]?(?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学警使领港澳])(?![A-Za-z0-9])", Options)]
    private static partial Regex Plate();

    [GeneratedRegex(@"(?:不动产权证书|不动产权证|不动产权|不动产登记证明|不动产证明|房屋所有权证|房产证|房权证|土地使用权证|土地使用证|土地证|林权证|产权证|机动车登记证书)(?:号码|编号|号)?[ ]*[:：]?[ ]*(?:[^\n第，,。；;]{0,20}?第[ ]*(?<num>[0-9A-Za-z][0-9A-Za-z\-]{2,29})[ ]*号|(?<num>[0-9A-Za-z][0-9A-Za-z\-]{4,29}))", Options)]
    private static partial Regex PropertyCertificate();

    private static bool IsCue(ReadOnlySpan<char> before, ReadOnlySpan<string> cues)
    {
        // 身份证号 contains 证号, but says the opposite.
        if (before.IndexOf("身份", StringComparison.Ordinal) >= 0) return false;
        foreach (var cue in cues)
        {
            if (before.IndexOf(cue, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    // Words before a number that say it is a code of something other than a person.
    private static readonly string[] NotPersonalNumberCues = ["信用代码", "注册号", "编号", "证号", "许可证", "登记号", "代码", "单号", "批号", "索引号", "备案号", "文号", "流水号", "订单"];

    private static ReadOnlySpan<char> Before(string text, int start, int length)
    {
        int from = Math.Max(0, start - length);
        return text.AsSpan(from, start - from);
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        int n = 0;
        foreach (var c in s) if (char.IsAsciiDigit(c)) n++;
        return n;
    }

    public static void IdNumbers(string text, List<Candidate> found)
    {
        foreach (var m in IdRun().EnumerateMatches(text))
        {
            var s = text.AsSpan(m.Index, m.Length);
            if (m.Length == 18)
            {
                var number = s.ToString();
                if (IdentityCodes.CheckIdCardNumber(number) is not null) continue;
                // An all-digit credit code can pass the ID check by chance; its label tells them apart.
                if (IdentityCodes.IsValidCreditCode(number) && IsCue(Before(text, m.Index, 20), NotPersonalNumberCues)) continue;
                found.Add(new Candidate(m.Index, m.Length, RedactionKind.IdNumber));
            }
            else if (m.Length == 15 && IsOldIdNumber(s) && !IsCue(Before(text, m.Index, 16), NotPersonalNumberCues))
            {
                found.Add(new Candidate(m.Index, m.Length, RedactionKind.IdNumber));
            }
        }
    }

    private static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];

    /// <summary>The 15-digit numbers issued before 1999: region code, then yyMMdd of a birth in the 1900s.</summary>
    internal static bool IsOldIdNumber(ReadOnlySpan<char> s)
    {
        if (s.Length != 15) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        if (!Provinces.Contains((s[0] - '0') * 10 + (s[1] - '0'))) return false;
        int year = 1900 + (s[6] - '0') * 10 + (s[7] - '0');
        int month = (s[8] - '0') * 10 + (s[9] - '0');
        int day = (s[10] - '0') * 10 + (s[11] - '0');
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    public static void Phones(string text, List<Candidate> found, bool mobile, bool fixedLine)
    {
        if (mobile)
        {
            foreach (var m in Mobile().EnumerateMatches(text)) found.Add(new Candidate(m.Index, m.Length, RedactionKind.MobilePhone));
        }
        if (fixedLine)
        {
            foreach (var m in FixedWithSeparator().EnumerateMatches(text)) found.Add(new Candidate(m.Index, m.Length, RedactionKind.FixedPhone));
            foreach (var m in FixedAfterCue().EnumerateMatches(text)) found.Add(new Candidate(m.Index, m.Length, RedactionKind.FixedPhone));
        }
    }

    public static void Emails(string text, List<Candidate> found)
    {
        // Addresses are rare and the pattern would try every letter and digit: look around each '@' only.
        int end = 0;
        for (int at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            int from = Math.Max(end, at - 64);
            int length = Math.Min(text.Length, at + 256) - from;
            foreach (var m in Email().EnumerateMatches(text.AsSpan(from, length)))
            {
                if (m.Index + from > at || m.Index + from + m.Length <= at) continue;
                found.Add(new Candidate(from + m.Index, m.Length, RedactionKind.Email));
                end = from + m.Index + m.Length;
            }
        }
    }

    public static void BankNumbers(string text, List<Candidate> found, bool cards, bool accounts)
    {
        if (accounts)
        {
            // A number shortly after an account word, in the same sentence, is an account whatever its check digit.
            foreach (Match cue in AccountCue().Matches(text))
            {
                bool strong = cue.Groups["strong"].Success;
                int from = cue.Index + cue.Length;
                int limit = Math.Min(text.Length, from + 30);
                int stop = text.AsSpan(from, limit - from).IndexOfAny('\n', '。', '；');
                if (stop >= 0) limit = from + stop;
                var m = DigitGroup().Match(text, from, limit - from + Math.Min(70, text.Length - limit));
                if (!m.Success || m.Index >= limit) continue;
                int digits = CountDigits(m.ValueSpan);
                if (digits < (strong ? 9 : 12)) continue;
                var kind = cards && IsCardNumber(m.ValueSpan) ? RedactionKind.BankCard : RedactionKind.BankAccount;
                found.Add(new Candidate(m.Index, m.Length, kind));
            }
        }
        if (cards)
        {
            foreach (var m in CardRun().EnumerateMatches(text))
            {
                var s = text.AsSpan(m.Index, m.Length);
                if (!IsCardNumber(s) || IsCue(Before(text, m.Index, 20), NotPersonalNumberCues)) continue;
                found.Add(new Candidate(m.Index, m.Length, RedactionKind.BankCard));
            }
        }
    }

    /// <summary>UnionPay (62, 16–19 digits) or Visa/Mastercard (4/5, 16 digits) numbers with a valid Luhn digit.</summary>
    internal static bool IsCardNumber(ReadOnlySpan<char> s)
    {
        Span<char> digits = stackalloc char[40];
        int n = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) { if (n == digits.Length) return false; digits[n++] = c; }
        }
        if (n is < 16 or > 19) return false;
        bool unionPay = digits[0] == '6' && digits[1] == '2';
        if (!unionPay && !(n == 16 && digits[0] is '4' or '5')) return false;
        return Luhn(digits[..n]);
    }

    internal static bool Luhn(ReadOnlySpan<char> digits)
    {
        int sum = 0;
        bool twice = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (twice) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    public static void Plates(string text, List<Candidate> found)
    {
        foreach (var m in Plate().EnumerateMatches(text))
        {
            // A plate's serial has digits; words such as 新GB… or 云A级 do not.
            int digits = CountDigits(text.AsSpan(m.Index, m.Length));
            if (digits >= 2) found.Add(new Candidate(m.Index, m.Length, RedactionKind.VehiclePlate));
        }
    }

    public static void PropertyCertificates(string text, List<Candidate> found)
    {
        foreach (Match m in PropertyCertificate().Matches(text))
        {
            var g = m.Groups["num"];
            if (g.Success && g.ValueSpan.ContainsAnyInRange('0', '9')) found.Add(new Candidate(g.Index, g.Length, RedactionKind.PropertyCertificate));
        }
    }
}
