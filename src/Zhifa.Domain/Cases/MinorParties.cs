using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>Where a natural person's age on the day of the act puts them under 行政处罚法第三十条.</summary>
public enum AgeBand { UnderFourteen, FourteenToEighteen, Adult }

/// <summary>A natural-person party and their age (周岁) on the day of the act, from the birth date in the ID number.</summary>
public sealed record PartyAge(string Name, DateOnly ActDay, int Age, AgeBand Band)
{
    /// <summary>How the rules and the proposal page name the party, e.g. 刘某（违法行为发生时 13 周岁）.</summary>
    public string Label => Messages.Get("party.age_label", Name, Age);
}

/// <summary>
/// 行政处罚法第三十条: 不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教；已满十四周岁不满十八周岁的未成年人
/// 有违法行为的，应当从轻或者减轻行政处罚. The age counts on the day of the act (or the day it ended), not the day of the decision.
/// </summary>
public static class MinorParties
{
    public const int NoPenaltyBelow = 14;
    public const int AdultFrom = 18;

    public static AgeBand BandOf(int age) => age < NoPenaltyBelow ? AgeBand.UnderFourteen : age < AdultFrom ? AgeBand.FourteenToEighteen : AgeBand.Adult;

    /// <summary>The natural persons among <paramref name="parties"/> with their age on <paramref name="actDay"/>; organisations have no age.</summary>
    public static IReadOnlyList<PartyAge> Of(IEnumerable<Party> parties, DateOnly actDay)
    {
        var list = new List<PartyAge>();
        foreach (var p in parties.Where(p => p.Kind == PartyKind.NaturalPerson))
        {
            if (IdentityCodes.BirthDateOf(p.IdNumber) is not { } birth) continue;
            int age = IdentityCodes.AgeOn(birth, actDay);
            list.Add(new PartyAge(p.Name, actDay, age, BandOf(age)));
        }
        return list;
    }

    /// <summary>
    /// A proposal respects art. 30 for a party aged 14 to 18 when it imposes no penalty, is 从轻 or 减轻, or says in its
    /// departure reason (shown to the legal reviewer) why it is neither.
    /// </summary>
    public static bool Lightened(DecisionOutcome outcome, DiscretionTier? tier, string outsideRangeReason)
        => outcome != DecisionOutcome.Penalty || tier is DiscretionTier.Lighter or DiscretionTier.Mitigated || !string.IsNullOrWhiteSpace(outsideRangeReason);

    /// <summary>The statutory circumstances the parties' ages establish, which the recommendation applies whether or not they were ticked.</summary>
    public static IReadOnlyList<string> Circumstances(IReadOnlyList<PartyAge> ages)
    {
        var list = new List<string>();
        if (ages.Any(a => a.Band == AgeBand.UnderFourteen)) list.Add(StatutoryCircumstance.UnderFourteen.Text);
        if (ages.Any(a => a.Band == AgeBand.FourteenToEighteen)) list.Add(StatutoryCircumstance.Minor.Text);
        return list;
    }

    /// <summary>What the proposal page says of each minor party.</summary>
    public static string Finding(PartyAge a) => a.Band switch
    {
        AgeBand.UnderFourteen => Messages.Get("party.finding.under_fourteen", a.Label),
        AgeBand.FourteenToEighteen => Messages.Get("party.finding.minor", a.Label),
        _ => a.Label,
    };
}
