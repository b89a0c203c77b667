namespace Zhifa.Domain.Redaction;

/// <summary>
/// What replaces each kind of span. The mask keeps the shape readable (a reader still sees that a name, an ID number
/// or a phone number stood there) while hiding what identifies the person:
/// <list type="bullet">
/// <item>names: the surname and one 某 per given-name character — 张某某, 欧阳某;</item>
/// <item>ID numbers: the first 3 and last 4 characters — 430***********1234;</item>
/// <item>mobile numbers: the first 3 digits — 138********, separators and +86 kept;</item>
/// <item>fixed-line numbers: the area code — 0735-*******;</item>
/// <item>bank cards and accounts: the last 4 digits (none when shorter than 12) — ************1234;</item>
/// <item>addresses: the region up to the county level — 湖南省永兴县*********;</item>
/// <item>plates: the province and the issuing office — 湘A·*****;</item>
/// <item>e-mail: the domain — *****@qq.com;</item>
/// <item>certificate numbers and amounts: every character starred, 元 kept.</item>
/// </list>
/// Whitespace and separators inside a span stay as they are; every other hidden character becomes one '*'.
/// </summary>
public static class Masks
{
    public const char Star = '*';

    public static string For(RedactionKind kind, string original) => kind switch
    {
        RedactionKind.PersonName => Name(original),
        RedactionKind.IdNumber => KeepEnds(original, 3, 4),
        RedactionKind.MobilePhone => Mobile(original),
        RedactionKind.FixedPhone => Fixed(original),
        RedactionKind.BankCard or RedactionKind.BankAccount => KeepEnds(original, 0, CountDigits(original) >= 12 ? 4 : 0),
        RedactionKind.HomeAddress => Address(original),
        RedactionKind.VehiclePlate => Plate(original),
        RedactionKind.Email => Email(original),
        RedactionKind.FinancialStatus => StarAllBut(original, c => c == '元'),
        _ => StarAllBut(original, _ => false),
    };

    private static string Name(string name)
    {
        if (name.Length <= 1) return "某";
        int surname = ChineseNames.SurnameLengthOf(name);
        return name[..surname] + new string('某', name.Length - surname);
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '－' or '—' or '·' or '•' or '・' or '.' or '(' or ')' or '（' or '）' or '+' or '\u3000' or '\t';

    /// <summary>Keeps the first <paramref name="head"/> and last <paramref name="tail"/> significant characters.</summary>
    private static string KeepEnds(string s, int head, int tail)
    {
        int significant = 0;
        foreach (var c in s) if (!IsSeparator(c)) significant++;
        if (head + tail >= significant) { head = 0; tail = 0; }
        var chars = s.ToCharArray();
        int seen = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            if (IsSeparator(chars[i])) continue;
            if (seen >= head && seen < significant - tail) chars[i] = Star;
            seen++;
        }
        return new string(chars);
    }

    private static int CountDigits(string s) => s.Count(char.IsAsciiDigit);

    private static string Mobile(string s)
    {
        // The national prefix (+86 / 0086 / 86 ) is not personal: find where the subscriber number starts.
        int start = 0;
        var digitsOnly = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (digitsOnly.Length > 11)
        {
            int skip = digitsOnly.Length - 11;
            for (int i = 0; i < s.Length && skip > 0; i++)
            {
                if (char.IsAsciiDigit(s[i])) skip--;
                start = i + 1;
            }
        }
        return s[..start] + KeepEnds(s[start..], 3, 0);
    }

    private static string Fixed(string s)
    {
        // The area code runs to the first separator or closing bracket; without one, 010/02x are 3 digits, others 4.
        int i = 0;
        while (i < s.Length && !char.IsAsciiDigit(s[i])) i++;
        int areaStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        int areaEnd = i;
        if (areaEnd - areaStart > 4)
            areaEnd = areaStart + (s[areaStart + 1] is '1' or '2' ? 3 : 4);
        return s[..areaEnd] + StarAllBut(s[areaEnd..], IsSeparator);
    }

    private static readonly string[] FineUnits = ["街道", "社区", "乡", "镇", "村", "路", "街", "巷", "弄", "组", "号", "屯", "栋", "幢", "室", "楼", "大道", "小区", "花园", "苑"];

    private static string Address(string s)
    {
        // Keep the region (省/市/县/区 …) written before the first street-level unit; hide everything after it.
        int fine = s.Length;
        foreach (var unit in FineUnits)
        {
            int at = s.IndexOf(unit, StringComparison.Ordinal);
            if (at >= 0 && at < fine) fine = at;
        }
        int keep = 0;
        for (int i = 0; i < fine; i++)
        {
            if (s[i] is '省' or '市' or '县' or '区' or '旗' or '州' or '盟') keep = i + 1;
        }
        return s[..keep] + StarAllBut(s[keep..], c => char.IsWhiteSpace(c));
    }

    private static string Plate(string s)
    {
        // Province character and issuing-office letter stay; separators stay.
        var chars = s.ToCharArray();
        int significant = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            if (IsSeparator(chars[i])) continue;
            if (significant >= 2) chars[i] = Star;
            significant++;
        }
        return new string(chars);
    }

    private static string Email(string s)
    {
        int at = s.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? StarAllBut(s, _ => false) : new string(Star, at) + s[at..];
    }

    private static string StarAllBut(string s, Func<char, bool> keep)
    {
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (!keep(chars[i])) chars[i] = Star;
        }
        return new string(chars);
    }
}
