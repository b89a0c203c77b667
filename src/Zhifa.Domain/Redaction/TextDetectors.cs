using System.Text.RegularExpressions;

namespace Zhifa.Domain.Redaction;

/// <summary>Home addresses of natural persons and the financial status of natural persons.</summary>
internal static partial class TextDetectors
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Labels that always introduce a natural person's address, and generic ones whose owner depends on the party block.
    // “，住湖南省…” right after a person's sex or birth, as party blocks are often written.
    [GeneratedRegex(@"(?<person>家庭住址|家庭地址|户籍地址|户籍所在地|户籍地|现住址|现住所|现居住地|居住地址|居住地|暂住地|家住|现住)|(?<generic>住所[ ]*[(（][ ]*住址[ ]*[)）]|住址|住所|地址)|(?<=[,，] ?)(?<bare>住)(?![所址院宿房])", Options)]
    private static partial Regex AddressLabel();

    // Where an address ends: end of line or clause, or the next field of the party block.
    [GeneratedRegex(@"[\n\r，,。;；|]|  |联系电话|电话|手机|邮编|邮政编码|身份证|职务|联系方式|性别|民族|出生|统一社会信用代码|法定代表人", Options)]
    private static partial Regex AddressEnd();

    [GeneratedRegex(@"统一社会信用代码|信用代码|法定代表人|营业执照|注册号|有限公司|有限责任公司|股份|经营者|投资人|名称[:：]|被处罚单位|单位名称|主体资格|负责人", Options)]
    private static partial Regex OrganisationMarker();

    [GeneratedRegex(@"性别|[,，、 ]\s*[男女]\s*[,，、 ]|民族|[汉回满藏苗壮]族|出生|公民身份号码|被处罚人姓名|姓名[:：]", Options)]
    private static partial Regex StrongPersonMarker();

    private const string AddressUnits = "省市县区镇乡村路街道号组巷弄栋幢室楼社屯";

    public static void HomeAddresses(string text, List<Candidate> found)
    {
        foreach (Match label in AddressLabel().Matches(text))
        {
            bool explicitPerson = label.Groups["person"].Success;
            bool bare = label.Groups["bare"].Success;
            int i = label.Index + label.Length;
            if (bare && !BelongsToPerson(text, label.Index, label.Value, needPersonMarker: true)) continue;
            explicitPerson |= bare;
            while (i < text.Length && text[i] is ' ' or '\u3000' or '\t') i++;
            bool colon = i < text.Length && text[i] is ':' or '：';
            if (colon) i++;
            else if (!explicitPerson) continue; // “在住所内” is not a field
            while (i < text.Length && text[i] is ' ' or '\u3000' or '\t') i++;
            if (!explicitPerson && !BelongsToPerson(text, label.Index, label.Value)) continue;

            int limit = Math.Min(text.Length, i + 80);
            var end = AddressEnd().Match(text, i, limit - i);
            int stop = end.Success ? end.Index : limit;
            while (stop > i && char.IsWhiteSpace(text[stop - 1])) stop--;
            var body = text.AsSpan(i, stop - i);
            if (body.Length < 4 || body.IndexOfAny(AddressUnits) < 0) continue;
            // Already masked by the publisher (浙江省龙泉市****): nothing left to hide.
            if (body.Count('*') + body.Count('＊') + body.Count('×') + body.Count("XX") >= 3) continue;
            found.Add(new Candidate(i, stop - i, RedactionKind.HomeAddress));
        }
    }

    /// <summary>
    /// Whether a generic 住址/住所/地址 field belongs to a natural person: the party block before it (about 250
    /// characters) names an organisation (credit code, legal representative, licence …) unless a person's own fields
    /// (sex, ethnicity, birth, a valid ID number) follow the last organisation marker; with no marker at all, 住址 (an ID-card field) is a
    /// person's, 住所 and 地址 an organisation's.
    /// </summary>
    private static bool BelongsToPerson(string text, int labelStart, string label, bool needPersonMarker = false)
    {
        int from = Math.Max(0, labelStart - 250);
        int lastOrg = -1, lastPerson = -1;
        foreach (var m in OrganisationMarker().EnumerateMatches(text.AsSpan(from, labelStart - from))) lastOrg = m.Index;
        foreach (var m in StrongPersonMarker().EnumerateMatches(text.AsSpan(from, labelStart - from))) lastPerson = m.Index;
        int lastId = LastIdNumber(text, from, labelStart);
        if (lastId > lastPerson) lastPerson = lastId;
        if (lastOrg < 0 && lastPerson < 0) return label == "住址" && !needPersonMarker;
        return lastPerson > lastOrg;
    }

    /// <summary>Where the last valid 18-digit ID number between <paramref name="from"/> and <paramref name="to"/> starts, relative to <paramref name="from"/>.</summary>
    private static int LastIdNumber(string text, int from, int to)
    {
        var list = new List<Candidate>();
        NumberDetectors.IdNumbers(text.Substring(from, to - from), list);
        return list.Count == 0 ? -1 : list[^1].Start;
    }

    // Income, savings or debts followed by an amount; business figures (营业收入, 违法所得 …) are facts of the case.
    [GeneratedRegex(@"(?<!营业|销售|经营|违法|主营|业务|非税|财政|税|营收|总)(?:年收入|月收入|个人收入|家庭收入|工资收入|收入|存款|储蓄|负债|债务|欠款|工资|月薪|年薪|积蓄)[ ]*(?:约|为|是|达|共|计|仅|只有|每月|每年|[:：])?[ ]*(?:约|为)?[ ]*(?<amount>(?:人民币)?[ ]*(?:[0-9][0-9,，.]*[ ]*(?:万|千|百|亿)?余?元|[零〇一二三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+余?元整?))", Options)]
    private static partial Regex Financial();

    public static void FinancialStatus(string text, List<Candidate> found)
    {
        foreach (Match m in Financial().Matches(text))
        {
            var g = m.Groups["amount"];
            found.Add(new Candidate(g.Index, g.Length, RedactionKind.FinancialStatus));
        }
    }
}
