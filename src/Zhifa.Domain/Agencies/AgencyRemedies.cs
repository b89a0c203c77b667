// Data, not messages: the parts of administrative division and organ names that the rule matches and composes.
using Zhifa.Domain.Common;

namespace Zhifa.Domain.Agencies;

/// <summary>What the rule suggests an agency names as 复议机关 and court, each null where the rule cannot tell, with why.</summary>
public sealed record RemedySuggestion(string? ReconsiderationOrgan, string OrganReason, string? CompetentCourt, string CourtReason);

/// <summary>
/// LAW-9: the 行政复议机关 and the court every decision names. The law decides them, but from facts the platform does not
/// hold (which government the agency belongs to, where it sits, whether the province concentrates administrative cases in
/// designated courts), so each agency sets them; <see cref="Suggest"/> proposes what the rule gives from the agency's name
/// and level.
/// </summary>
public static class AgencyRemedies
{
    public const int MaxLength = 100;

    /// <summary>行政复议法第二十七条: 海关、金融、外汇管理等实行垂直领导的行政机关、税务和国家安全机关.</summary>
    private static readonly string[] VerticalMarks = ["海关", "税务", "国家安全", "外汇管理", "金融监督管理", "金融监管", "中国人民银行"];

    /// <summary>
    /// 行政复议法 (2023) 第二十四条: a department (or an organisation it manages, 第一款第四项) of a 县级以上 government is
    /// reviewed by 本级人民政府, a township government by the county (第一款第二项); 第二十七条: the vertically led organs,
    /// tax and state security by 上一级主管部门. 行政诉讼法第十八条第一款 with 第十四条: the basic court where the agency that
    /// first acted sits; for a county agency that is the county's court.
    /// </summary>
    public static RemedySuggestion Suggest(string name, AgencyType type, AgencyLevel level)
    {
        var courtRule = Rules.Messages.Get("remedies.suggest.court");
        var concentrated = Rules.Messages.Get("remedies.suggest.concentrated");
        var n = name.Trim();
        if (VerticalMarks.Any(m => n.Contains(m, StringComparison.Ordinal)))
            return new(null, Rules.Messages.Get("remedies.suggest.vertical"),
                null, courtRule + Rules.Messages.Get("remedies.suggest.court_unknown") + concentrated);
        if (type == AgencyType.EntrustedOrganization)
            return new(null, Rules.Messages.Get("remedies.suggest.entrusted"),
                null, Rules.Messages.Get("remedies.suggest.entrusted_court") + concentrated);
        if (n.EndsWith("人民政府", StringComparison.Ordinal) && level != AgencyLevel.Township)
            return new(null, Rules.Messages.Get("remedies.suggest.government"),
                null, Rules.Messages.Get("remedies.suggest.government_court") + concentrated);

        // A township body belongs to its county: its 复议机关 and court are the county's.
        var division = Division(n, level == AgencyLevel.Township ? AgencyLevel.County : level);
        string? organ = division is null ? null : division + "人民政府";
        string organReason = division is null
            ? Rules.Messages.Get("remedies.suggest.department_unknown")
            : level == AgencyLevel.Township
                ? Rules.Messages.Get("remedies.suggest.township", organ)
                : Rules.Messages.Get("remedies.suggest.department", organ);
        string? court = level is AgencyLevel.County or AgencyLevel.Township && division is not null ? division + "人民法院" : null;
        string courtReason = court is null ? courtRule + Rules.Messages.Get("remedies.suggest.court_unknown") + concentrated : $"{courtRule}：{court}{concentrated}";
        return new(organ, organReason, court, courtReason);
    }

    /// <summary>
    /// The administrative division that starts the agency's name at its level: 永兴县 of 永兴县卫生健康局, 北京市朝阳区 of
    /// 北京市朝阳区市场监督管理局, 资兴市 of a county-level city's 资兴市市场监督管理局; null when the name does not start so.
    /// </summary>
    public static string? Division(string name, AgencyLevel level)
    {
        // Where the first of the marks ends the division; the 区 of an 自治区 does not end a county's.
        int End(params string[] marks)
        {
            var found = new List<int>();
            foreach (var mark in marks)
                for (int i = name.IndexOf(mark, 1, StringComparison.Ordinal); i > 0; i = name.IndexOf(mark, i + 1, StringComparison.Ordinal))
                    if (!(mark == "区" && i >= 2 && name.AsSpan(i - 2, 2).SequenceEqual("自治")))
                    {
                        found.Add(i + 1);
                        break;
                    }
            return found.Count == 0 ? -1 : found.Min();
        }
        int end = level switch
        {
            // A county-level city (县级市) has no 县/区/旗 in its name: then the first 市 ends it.
            AgencyLevel.County => End("县", "区", "旗") is > 0 and var e ? e : End("市"),
            // 郴州市: the 州 of 郴州 is part of the name; an 自治州 or 盟 has no 市.
            AgencyLevel.City => End("市") is > 0 and var m ? m : End("州", "盟"),
            AgencyLevel.Province => name.IndexOf("自治区", StringComparison.Ordinal) is > 0 and var z ? z + 3 : End("省") is > 0 and var p ? p : End("市"),
            _ => -1,
        };
        return end > 1 && end < name.Length ? name[..end] : null;
    }

    public static ValidationErrors Validate(string? reconsiderationOrgan, string? competentCourt)
    {
        var organLabel = Rules.Messages.Get("remedies.field.reconsideration_organ");
        var courtLabel = Rules.Messages.Get("remedies.field.competent_court");
        var errors = new ValidationErrors()
            .Required("reconsiderationOrgan", reconsiderationOrgan, organLabel).MaxLength("reconsiderationOrgan", reconsiderationOrgan?.Trim(), MaxLength, organLabel)
            .Required("competentCourt", competentCourt, courtLabel).MaxLength("competentCourt", competentCourt?.Trim(), MaxLength, courtLabel);
        if (!string.IsNullOrWhiteSpace(competentCourt) && !competentCourt.Trim().EndsWith("法院", StringComparison.Ordinal))
            errors.Add("competentCourt", "invalid", Rules.Messages.Get("remedies.competent_court_invalid"));
        return errors;
    }

    /// <summary>
    /// A decision cannot be issued while its agency names no 复议机关 or no court: the party would not be told where to
    /// turn (行政处罚法第五十九条第一款第五项, 行政复议法第二十条第三款).
    /// </summary>
    public static IReadOnlyList<ValidationError> Problems(Agency agency)
    {
        var problems = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(agency.ReconsiderationOrgan))
            problems.Add(new("reconsiderationOrgan", "agency.reconsideration_organ_missing", Rules.Messages.Get("agency.reconsideration_organ_missing", agency.Name)));
        if (string.IsNullOrWhiteSpace(agency.CompetentCourt))
            problems.Add(new("competentCourt", "agency.competent_court_missing", Rules.Messages.Get("agency.competent_court_missing", agency.Name)));
        return problems;
    }
}
