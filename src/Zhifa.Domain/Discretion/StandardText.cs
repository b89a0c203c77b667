// Data, not messages: the words of published discretion standards that the parser recognises (amounts, units, tiers, persons).
using System.Globalization;
using System.Text.RegularExpressions;

namespace Zhifa.Domain.Discretion;

/// <summary>What a published 裁量标准 sentence sets: no penalty, a warning, fine ranges, multiples of illegal gains.</summary>
public sealed record ParsedStandard(bool NoPenalty, bool Warning, bool MentionsFine,
    decimal? FineMinYuan, decimal? FineMaxYuan, decimal? CitizenFineMinYuan, decimal? CitizenFineMaxYuan,
    decimal? GainsMultipleMin, decimal? GainsMultipleMax)
{
    public bool HasFine => FineMaxYuan is not null || CitizenFineMaxYuan is not null || GainsMultipleMax is not null;
}

/// <summary>
/// Reads the standards as published benchmarks word them: "处1千元以上不超过1万元的罚款", "处以二百元的罚款",
/// "处以罚款300元", "对个人处500元以下的罚款,对企业或者其他组织处1000元以下的罚款", "并处违法所得二倍以上五倍以下的罚款".
/// Fines on responsible persons (对主管人员、负责人 …) are not fines on the party and are left to the text.
/// </summary>
public static partial class StandardText
{
    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*(?<u>[千万]?)\s*(?<k>元|倍)(?<after>以上|以下)?")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"[;；。]|[,，、](?=\s*对)")]
    private static partial Regex ClauseBreak();

    public static ParsedStandard Parse(string? text)
    {
        var t = (text ?? "").Trim();
        bool noPenalty = Regex.IsMatch(t, "不予(行政)?处罚|不予罚款|免予(行政)?处罚");
        bool warning = t.Contains("警告", StringComparison.Ordinal);
        bool mentionsFine = !noPenalty && t.Contains("罚款", StringComparison.Ordinal);
        (decimal?, decimal?) general = (null, null), citizen = (null, null), multiple = (null, null);
        foreach (var clause in ClauseBreak().Split(t))
        {
            if (Regex.IsMatch(clause, "主管人员|负责人|直接责任人员|其他人员|从业人员")) continue;
            bool forCitizen = Regex.IsMatch(clause, "个人|个体|公民|自然人");
            var (yuan, times) = RangesIn(clause);
            if (yuan.Max is not null)
            {
                if (forCitizen) citizen = citizen.Item2 is null ? yuan : citizen;
                else general = general.Item2 is null ? yuan : general;
            }
            if (times.Max is not null && multiple.Item2 is null) multiple = times;
        }
        return new ParsedStandard(noPenalty, warning, mentionsFine, general.Item1, general.Item2, citizen.Item1, citizen.Item2, multiple.Item1, multiple.Item2);
    }

    private static ((decimal? Min, decimal? Max) Yuan, (decimal? Min, decimal? Max) Times) RangesIn(string clause)
    {
        decimal? minY = null, maxY = null, fixedY = null, minT = null, maxT = null;
        foreach (Match m in AmountPattern().Matches(clause))
        {
            if (Number(m.Groups["n"].Value, m.Groups["u"].Value) is not { } value) continue;
            bool times = m.Groups["k"].Value == "倍";
            var after = m.Groups["after"].Value;
            // "1千元以上不超过1万元": the amount after 不超过 is an upper bound although no 以下 follows.
            bool capped = m.Index >= 3 && clause.AsSpan(m.Index - 3, 3).SequenceEqual("不超过");
            if (times)
            {
                if (after == "以上") minT ??= value; else if (after == "以下" || capped) maxT ??= value;
                continue;
            }
            if (after == "以上") minY ??= value;
            else if (after == "以下" || capped) maxY ??= value;
            else if (clause.Contains("罚款", StringComparison.Ordinal)) fixedY ??= value;
        }
        (decimal?, decimal?) yuan = maxY is not null ? (minY ?? 0, maxY) : fixedY is not null ? (fixedY, fixedY) : (null, null);
        (decimal?, decimal?) multiple = maxT is not null ? (minT ?? 0, maxT) : (null, null);
        return (yuan, multiple);
    }

    /// <summary>Arabic digits with an optional 千/万, or Chinese numerals: 500, 1千, 2万, 二百, 三千, 一万五千, 十万.</summary>
    public static decimal? Number(string digits, string unit = "")
    {
        decimal multiplier = unit switch { "千" => 1000m, "万" => 10000m, _ => 1m };
        if (decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var arabic)) return arabic * multiplier;
        decimal total = 0, section = 0, digit = 0;
        bool any = false;
        foreach (var ch in digits)
        {
            int d = "零一二三四五六七八九".IndexOf(ch, StringComparison.Ordinal);
            if (ch == '〇') d = 0;
            if (ch == '两') d = 2;
            if (d >= 0) { digit = d; any = true; continue; }
            decimal place = ch switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => -1 };
            if (place < 0) return null;
            any = true;
            if (place == 10000)
            {
                total = (total + section + digit) * 10000;
                section = digit = 0;
                continue;
            }
            section += (digit == 0 && place == 10 ? 1 : digit) * place;
            digit = 0;
        }
        return any ? (total + section + digit) * multiplier : null;
    }
}
