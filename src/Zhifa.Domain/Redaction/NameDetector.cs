using System.Text.RegularExpressions;

namespace Zhifa.Domain.Redaction;

/// <summary>
/// Names of natural persons. Three sources, then every occurrence of each name found is redacted:
/// <list type="number">
/// <item>names the case knows (parties, witnesses, people named), passed in;</item>
/// <item>names after a cue that introduces a person: a field label (当事人：, 姓名：, 经营者：, 委托代理人：…) or a
/// role in a sentence (负责人谷某某一起…, 统计人员王某在…);</item>
/// <item>names before a cue that only follows a person (…居民身份证, …的询问笔录, …，男，).</item>
/// </list>
/// Kept in clear: legal representatives (法定代表人：X, and those passed in) and enforcement officers, whose names
/// are published with their certificate numbers (执法人员X（证号）…).
/// </summary>
internal static partial class NameDetector
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Roles whose holder is a natural person. 当事人 and 被处罚人 introduce a name only as a field label.
    [GeneratedRegex(@"(?<label>当事人|被处罚人|被处罚人姓名|姓名|户名|申请人|被申请人|举报人|投诉人|被检查人|被调查人|被询问人|询问对象|受送达人|签收人|收件人)|(?<role>委托代理人|法定代理人|代理人|受委托人|被委托人|委托人|证人|经营者|负责人|主要负责人|投资人|实际控制人|股东|业主|户主|监护人|见证人|驾驶员|驾驶人|司机|员工|职工|店员|营业员|收银员|雇员|承租人|出租人|房东|统计人员|工作人员|管理人员|从业人员|安全员|安管员|操作人员|技术人员|销售人员|执业药师|药师|医师|医生|护士|厨师|店长|经理|会计|出纳|保安|业务员|销售员|仓管员|保管员|电工|焊工)", Options)]
    private static partial Regex PersonCue();

    // Cues that follow a name.
    [GeneratedRegex(@"居民身份证|身份证复印件|身份证明|的身份证|的询问笔录|的调查询问笔录|询问笔录|的授权委托书|的陈述|的证言|证言", Options)]
    private static partial Regex AfterCue();

    [GeneratedRegex(@"[,，] ?[男女][,，。 ]|[(（][男女][,，)）]|性别", Options)]
    private static partial Regex GenderCue();

    [GeneratedRegex(@"法定代表人|法人代表|法定代表", Options)]
    private static partial Regex LegalRepresentativeCue();

    [GeneratedRegex(@"(?<!被)(?:执法人员|执法员|执法队员|监察人员|稽查人员|检查人员|监督员|执法监督员|承办人员|承办人|调查人员|办案人员|参加人员|询问人|记录人)", Options)]
    private static partial Regex OfficerCue();

    // An officer's certificate number after the name: (湘09001700106), （执法证号：12345）.
    [GeneratedRegex(@"\G[ ]*[(（](?:执法证号|证号|执法证)?[:：]?[ ]*[A-Za-z\u4E00-\u9FFF]?[0-9A-Za-z\-]{5,20}[)）]", Options)]
    private static partial Regex CertificateAfterName();

    // A person addressed on a line of its own, as decisions open: “张三：”.
    [GeneratedRegex(@"^[ \t\u3000]*(?<name>[\u4E00-\u9FFF]{2,4})[:：][ \t\u3000]*\r?$", Options | RegexOptions.Multiline)]
    private static partial Regex AddresseeLine();

    public static void Detect(string text, RedactionOptions options, List<Candidate> found)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in options.LegalRepresentatives) if (Usable(n)) kept.Add(n.Trim());
        foreach (Match m in LegalRepresentativeCue().Matches(text))
        {
            int at = SkipLabel(text, m.Index + m.Length, allowParenthesisLabel: true);
            if (NameAt(text, at, lenient: true) is { } name) kept.Add(name);
        }
        foreach (Match m in OfficerCue().Matches(text)) OfficerList(text, m.Index + m.Length, kept);

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in options.KnownNames) if (Usable(n)) names.Add(n.Trim());

        foreach (Match m in PersonCue().Matches(text))
        {
            bool labelOnly = m.Groups["label"].Success;
            int end = m.Index + m.Length;
            int at = SkipLabel(text, end, allowParenthesisLabel: false);
            bool isField = at > end; // a colon, a bracket or a space separates the label from the name
            if (labelOnly && !isField) continue;
            if (NameAt(text, at, lenient: isField) is { } name) names.Add(name);
        }
        foreach (Match m in AfterCue().Matches(text)) if (NameBefore(text, m.Index) is { } name) names.Add(name);
        foreach (Match m in AddresseeLine().Matches(text))
        {
            var g = m.Groups["name"];
            if (ChineseNames.LooksLikeName(g.ValueSpan) && (g.Length < 4 || ChineseNames.SurnameLength(g.ValueSpan, 0) == 2)) names.Add(g.Value);
        }
        foreach (Match m in GenderCue().Matches(text)) if (NameBefore(text, m.Index) is { } name) names.Add(name);

        // Detected (not known) names that are ordinary words: 周边, 高度, 程序 …
        names.RemoveWhere(n => ChineseNames.IsCommonWord(n) && !options.KnownNames.Contains(n));
        names.ExceptWith(kept);
        if (names.Count == 0) return;

        // Every occurrence of every name, except inside a kept name (杨飞 inside the officer 杨飞虎).
        var keptRanges = new List<(int Start, int End)>();
        foreach (var k in kept) foreach (var at in Occurrences(text, k)) keptRanges.Add((at, at + k.Length));
        foreach (var name in names)
        {
            foreach (var at in Occurrences(text, name))
            {
                if (keptRanges.Exists(r => at < r.End && r.Start < at + name.Length)) continue;
                found.Add(new Candidate(at, name.Length, RedactionKind.PersonName));
            }
        }
    }

    private static bool Usable(string? name) => name is not null && name.Trim().Length >= 2 && name.IndexOfAny(['某', '*', '×', '＊']) < 0;

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            yield return at;
    }

    /// <summary>Skips a field separator after a label: spaces, a colon, an opening bracket, (负责人) style sub-labels.</summary>
    private static int SkipLabel(string text, int i, bool allowParenthesisLabel)
    {
        if (allowParenthesisLabel && i < text.Length && text[i] is '(' or '（')
        {
            int close = text.AsSpan(i, Math.Min(16, text.Length - i)).IndexOfAny(')', '）');
            if (close > 0 && (i + close + 1 >= text.Length || text[i + close + 1] is ':' or '：' or ' ')) i += close + 1;
        }
        while (i < text.Length && text[i] is ' ' or '\u3000' or '\t' or ':' or '：' or '(' or '（') i++;
        return i;
    }

    /// <summary>
    /// The name starting at <paramref name="at"/>, if there is one. A field (after a colon or bracket) must end at a
    /// separator; in running text the character after the name must be one that usually follows a name.
    /// </summary>
    private static string? NameAt(string text, int at, bool lenient)
    {
        var s = text.AsSpan();
        int surname = ChineseNames.SurnameLength(s, at);
        if (surname == 0) return null;
        int given = 0;
        while (given < 2 && at + surname + given < s.Length && ChineseNames.CanBeGivenNameChar(s[at + surname + given])) given++;
        for (; given >= 1; given--)
        {
            int end = at + surname + given;
            bool boundary = end >= s.Length || (lenient ? !ChineseNames.IsHan(s[end]) || StartsPersonField(s[end..]) : ChineseNames.TypicallyFollowsName(s[end]));
            if (boundary) return s.Slice(at, surname + given).ToString();
        }
        return null;
    }

    // Fields written right after a name without a separator: 周某居民身份证…, 张某性别…
    private static bool StartsPersonField(ReadOnlySpan<char> s)
        => s.StartsWith("居民") || s.StartsWith("身份证") || s.StartsWith("性别") || s.StartsWith("的") || s.StartsWith("男") || s.StartsWith("女");

    /// <summary>The name that ends right before <paramref name="end"/>: the longest surname-and-given-name that fits.</summary>
    private static string? NameBefore(string text, int end)
    {
        var s = text.AsSpan();
        while (end > 0 && s[end - 1] is ' ' or '\u3000' or '\t') end--;
        for (int length = 4; length >= 2; length--)
        {
            int start = end - length;
            if (start < 0) continue;
            var candidate = s.Slice(start, length);
            if (!ChineseNames.LooksLikeName(candidate)) continue;
            // 2+2 is only a double surname with a two-character given name.
            if (length == 4 && ChineseNames.SurnameLength(candidate, 0) != 2) continue;
            if (start > 0 && ChineseNames.IsHan(s[start - 1]) && !PrecedesName(s[start - 1])) continue;
            return candidate.ToString();
        }
        return null;
    }

    // Characters that end the word before a name (…负责人张三…, 对张三…, 取得张三…).
    private static bool PrecedesName(char c) => "人者员对的及和与了得取供由向经将把被称、".Contains(c);

    private static void OfficerList(string text, int i, HashSet<string> kept)
    {
        for (int count = 0; count < 8; count++)
        {
            i = SkipLabel(text, i, allowParenthesisLabel: false);
            var name = NameAt(text, i, lenient: false) ?? NameAt(text, i, lenient: true);
            if (name is null) return;
            kept.Add(name);
            i += name.Length;
            var cert = CertificateAfterName().Match(text, i);
            if (cert.Success) i += cert.Length;
            if (i < text.Length && text[i] is '、' or ',' or '，' or ' ') { i++; continue; }
            if (i < text.Length && text[i] is '和' or '及' or '与') { i++; continue; }
            return;
        }
    }
}
