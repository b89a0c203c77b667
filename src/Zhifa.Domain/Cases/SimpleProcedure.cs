using System.Globalization;
using Zhifa.Domain.Rules;

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
        PenaltyKind.Warning => Messages.Get("cases.penalty_kind.warning"),
        PenaltyKind.PublicCriticism => Messages.Get("cases.penalty_kind.public_criticism"),
        PenaltyKind.Fine => Messages.Get("cases.penalty_kind.fine"),
        PenaltyKind.ConfiscateIllegalGains => Messages.Get("cases.penalty_kind.confiscate_illegal_gains"),
        PenaltyKind.ConfiscateIllegalProperty => Messages.Get("cases.penalty_kind.confiscate_illegal_property"),
        PenaltyKind.SuspendLicence => Messages.Get("cases.penalty_kind.suspend_licence"),
        PenaltyKind.LowerQualification => Messages.Get("cases.penalty_kind.lower_qualification"),
        PenaltyKind.RevokeLicence => Messages.Get("cases.penalty_kind.revoke_licence"),
        PenaltyKind.RestrictBusiness => Messages.Get("cases.penalty_kind.restrict_business"),
        PenaltyKind.SuspendBusiness => Messages.Get("cases.penalty_kind.suspend_business"),
        PenaltyKind.OrderClosure => Messages.Get("cases.penalty_kind.order_closure"),
        PenaltyKind.RestrictPractice => Messages.Get("cases.penalty_kind.restrict_practice"),
        PenaltyKind.Detention => Messages.Get("cases.penalty_kind.detention"),
        _ => Messages.Get("cases.penalty_kind.other"),
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
            problems.Add(Messages.Get("cases.simple.no_penalty_kind"));
            return problems;
        }
        var others = proposed.Where(k => k is not (PenaltyKind.Warning or PenaltyKind.Fine)).Distinct().ToList();
        if (others.Count > 0)
            problems.Add(Messages.Get("cases.simple.kind_not_allowed", string.Join("、", others.Select(Label))));
        if (proposed.Contains(PenaltyKind.Fine))
        {
            var limit = FineLimit(parties);
            var who = limit == CitizenFineLimit ? Messages.Get("cases.simple.who.citizen") : Messages.Get("cases.simple.who.organisation");
            if (fineYuan is not { } amount) problems.Add(Messages.Get("cases.simple.fine_amount_required"));
            else if (amount <= 0) problems.Add(Messages.Get("cases.simple.fine_amount_positive"));
            else if (amount > limit)
                problems.Add(Messages.Get("cases.simple.fine_over_limit", who, limit.ToString("0", CultureInfo.InvariantCulture), amount.ToString("0.##", CultureInfo.InvariantCulture)));
        }
        return problems;
    }

    public static bool IsEligible(IReadOnlyList<PenaltyKind> proposed, decimal? fineYuan, IReadOnlyList<PartyKind> parties)
        => Problems(proposed, fineYuan, parties).Count == 0;
}
