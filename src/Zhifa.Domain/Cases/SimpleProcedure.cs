using System.Globalization;

namespace Zhifa.Domain.Cases;

/// <summary>The kinds of administrative penalty of 行政处罚法 art. 9.</summary>
public enum PenaltyKind
{
    Warning,
    PublicCriticism,
    Fine,
    ConfiscateIllegalGains,
    ConfiscateIllegalProperty,
    SuspendLicence,
    LowerQualification,
    RevokeLicence,
    RestrictBusiness,
    SuspendBusiness,
    OrderClosure,
    RestrictPractice,
    Detention,
    Other,
}

/// <summary>
/// LAW-5 (行政处罚法 art. 51): the simple procedure (简易程序, 当场处罚) is only for a warning or a fine of at most
/// 200 yuan for a citizen or 3000 yuan for a legal person or other organisation.
/// </summary>
public static class SimpleProcedure
{
    public const decimal CitizenFineLimit = 200m;
    public const decimal OrganisationFineLimit = 3000m;

    public static string Label(PenaltyKind kind) => kind switch
    {
        PenaltyKind.Warning => "警告",
        PenaltyKind.PublicCriticism => "通报批评",
        PenaltyKind.Fine => "罚款",
        PenaltyKind.ConfiscateIllegalGains => "没收违法所得",
        PenaltyKind.ConfiscateIllegalProperty => "没收非法财物",
        PenaltyKind.SuspendLicence => "暂扣许可证件",
        PenaltyKind.LowerQualification => "降低资质等级",
        PenaltyKind.RevokeLicence => "吊销许可证件",
        PenaltyKind.RestrictBusiness => "限制开展生产经营活动",
        PenaltyKind.SuspendBusiness => "责令停产停业",
        PenaltyKind.OrderClosure => "责令关闭",
        PenaltyKind.RestrictPractice => "限制从业",
        PenaltyKind.Detention => "行政拘留",
        _ => "其他行政处罚",
    };

    /// <summary>Reads a kind from its name (Fine) or its label (罚款).</summary>
    public static PenaltyKind? ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var k in Enum.GetValues<PenaltyKind>())
            if (string.Equals(t, k.ToString(), StringComparison.OrdinalIgnoreCase) || t == Label(k)) return k;
        return null;
    }

    /// <summary>
    /// A 个体工商户 is a citizen in law (民法典 art. 54), so it has the citizen's limit; with several parties the
    /// lowest limit applies, since the one decision covers them all.
    /// </summary>
    public static decimal FineLimit(IReadOnlyList<PartyKind> parties) =>
        parties.Count == 0 || parties.Any(p => p is PartyKind.NaturalPerson or PartyKind.IndividualBusiness)
            ? CitizenFineLimit
            : OrganisationFineLimit;

    /// <summary>Every reason the proposed penalty cannot be imposed on the spot; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PenaltyKind> proposed, decimal? fineYuan, IReadOnlyList<PartyKind> parties)
    {
        var problems = new List<string>();
        if (proposed.Count == 0)
        {
            problems.Add("尚未填写拟作出的行政处罚种类");
            return problems;
        }
        var others = proposed.Where(k => k is not (PenaltyKind.Warning or PenaltyKind.Fine)).Distinct().ToList();
        if (others.Count > 0)
            problems.Add($"简易程序只能给予警告或者罚款，不能给予{string.Join("、", others.Select(Label))}（行政处罚法第五十一条）");
        if (proposed.Contains(PenaltyKind.Fine))
        {
            var limit = FineLimit(parties);
            var who = limit == CitizenFineLimit ? "公民" : "法人或者其他组织";
            if (fineYuan is not { } amount) problems.Add("拟罚款的，须填写罚款金额");
            else if (amount <= 0) problems.Add("罚款金额应大于零");
            else if (amount > limit)
                problems.Add($"对{who}当场罚款不得超过 {limit.ToString("0", CultureInfo.InvariantCulture)} 元，拟罚款 {amount.ToString("0.##", CultureInfo.InvariantCulture)} 元应适用普通程序（行政处罚法第五十一条）");
        }
        return problems;
    }

    public static bool IsEligible(IReadOnlyList<PenaltyKind> proposed, decimal? fineYuan, IReadOnlyList<PartyKind> parties)
        => Problems(proposed, fineYuan, parties).Count == 0;
}
