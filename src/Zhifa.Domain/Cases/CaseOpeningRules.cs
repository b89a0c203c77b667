using Zhifa.Domain.Calendar;
using Zhifa.Domain.Common;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Cases;

/// <summary>An officer as seen on the opening day: what the qualification check needs and nothing more.</summary>
public sealed record OfficerOnDay(int Id, string Name, bool Active, CertificateStatus? BestStatus)
{
    public static OfficerOnDay Of(Officer o, DateOnly day)
        => new(o.Id, o.Name, o.Active, o.Certificates.Count == 0 ? null : o.Certificates.Select(c => c.StatusOn(day)).Min());
}

/// <summary>
/// The checks of opening a case (立案, REC-1): category and procedure, the matter's family, two qualified officers
/// (LAW-3), the limitation period and one penalty per act (LAW-2).
/// </summary>
public static class CaseOpeningRules
{
    public const int MinimumOfficers = 2;

    public static string Label(CaseCategory category) => category switch
    {
        CaseCategory.Penalty => Messages.Get("cases.category.penalty"),
        CaseCategory.Coercion => Messages.Get("cases.category.coercion"),
        CaseCategory.Inspection => Messages.Get("cases.category.inspection"),
        CaseCategory.Licensing => Messages.Get("cases.category.licensing"),
        CaseCategory.Expropriation => Messages.Get("cases.category.expropriation"),
        CaseCategory.Confirmation => Messages.Get("cases.category.confirmation"),
        _ => category.ToString(),
    };

    public static string Label(CaseProcedure procedure) => procedure switch
    {
        CaseProcedure.Simple => Messages.Get("cases.procedure.simple"),
        CaseProcedure.General => Messages.Get("cases.procedure.general"),
        _ => "—",
    };

    /// <summary>Reads a category from its name (Penalty), its label (行政处罚) or the short word (处罚).</summary>
    public static CaseCategory? ParseCategory(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var c in Enum.GetValues<CaseCategory>())
            if (string.Equals(t, c.ToString(), StringComparison.OrdinalIgnoreCase) || t == Label(c) || CaseInputWords.CategoryPrefix + t == Label(c)) return c;
        return CaseInputWords.Expropriation.Contains(t) ? CaseCategory.Expropriation : null;
    }

    public static CaseProcedure? ParseProcedure(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var p in new[] { CaseProcedure.Simple, CaseProcedure.General })
            if (string.Equals(t, p.ToString(), StringComparison.OrdinalIgnoreCase) || t == Label(p) || t + CaseInputWords.ProcedureSuffix == Label(p)) return p;
        return null;
    }

    /// <summary>A case may only be opened for a matter of its own family: a penalty for a penalty matter, and so on.</summary>
    public static bool MatterFits(CaseCategory category, MatterCategory matter) => (category, matter) switch
    {
        (CaseCategory.Penalty, MatterCategory.Penalty) => true,
        (CaseCategory.Coercion, MatterCategory.Coercion) => true,
        (CaseCategory.Inspection, MatterCategory.Inspection) => true,
        (CaseCategory.Licensing, MatterCategory.Licensing) => true,
        (CaseCategory.Expropriation, MatterCategory.Expropriation) => true,
        (CaseCategory.Confirmation, MatterCategory.Confirmation) => true,
        _ => false,
    };

    /// <summary>Category and procedure: a penalty needs 简易 or 普通; other categories have no choice.</summary>
    public static (CaseCategory? Category, CaseProcedure Procedure) CheckCategory(string? category, string? procedure, ValidationErrors errors)
    {
        var c = ParseCategory(category);
        if (string.IsNullOrWhiteSpace(category)) errors.Add("category", "required", Messages.Get("cases.opening.category_required"));
        else if (c is null) errors.Add("category", "invalid", Messages.Get("cases.opening.category_invalid"));
        if (c != CaseCategory.Penalty) return (c, CaseProcedure.Standard);
        var p = ParseProcedure(procedure);
        if (string.IsNullOrWhiteSpace(procedure)) errors.Add("procedure", "required", Messages.Get("cases.opening.procedure_required"));
        else if (p is null) errors.Add("procedure", "invalid", Messages.Get("cases.opening.procedure_invalid"));
        return (c, p ?? CaseProcedure.General);
    }

    public static void CheckMatter(CaseCategory? category, Matter? matter, ValidationErrors errors)
    {
        if (matter is null) { errors.Add("matterId", "required", Messages.Get("cases.opening.matter_required")); return; }
        if (category is { } c && !MatterFits(c, matter.Category))
            errors.Add("matterId", "wrong_category", Messages.Get("cases.opening.matter_wrong_category", matter.Name, Matter.Label(matter.Category), Label(c)));
    }

    /// <summary>
    /// LAW-3 (行政处罚法 art. 42): at least two officers of the agency, each with a certificate valid on the opening day.
    /// Every unqualified officer is named, with the reason.
    /// </summary>
    public static void CheckOfficers(IReadOnlyList<int> requested, IReadOnlyList<OfficerOnDay> found, ValidationErrors errors)
    {
        var distinct = requested.Distinct().ToList();
        var byId = found.ToDictionary(o => o.Id);
        if (distinct.Any(id => !byId.ContainsKey(id)))
            errors.Add("officerIds", "unknown", Messages.Get("cases.opening.officer_unknown"));
        foreach (var o in distinct.Where(byId.ContainsKey).Select(id => byId[id]))
            if (Unqualified(o) is { } reason) errors.Add("officerIds", "not_qualified", Messages.Get("officer.add.not_qualified", o.Name, reason));
        if (distinct.Count < MinimumOfficers)
            errors.Add("officerIds", "too_few", Messages.Get("cases.opening.officers_too_few"));
    }

    /// <summary>Why the officer may not handle a case on the day (行政处罚法第四十二条: 具有行政执法资格); null when they may.</summary>
    private static string? Unqualified(OfficerOnDay o) => !o.Active ? Messages.Get("officer.unqualified.inactive")
        : o.BestStatus switch
        {
            null => Messages.Get("officer.unqualified.none"),
            CertificateStatus.Valid => null,
            CertificateStatus.Expired => Messages.Get("officer.unqualified.expired"),
            CertificateStatus.Revoked => Messages.Get("officer.unqualified.revoked"),
            CertificateStatus.Suspended => Messages.Get("officer.unqualified.suspended"),
            CertificateStatus.NotYetValid => Messages.Get("officer.unqualified.not_yet_valid"),
            _ => Messages.Get("officer.unqualified.invalid"),
        };

    /// <summary>
    /// Assigning one more officer to an open case (e.g. after a recusal left too few): an officer of the agency,
    /// qualified today as at the opening (行政处罚法第四十二条), not already handling it, and not one whose recusal from
    /// this case was granted (行政处罚法第四十三条).
    /// </summary>
    public static void CheckAddedOfficer(OfficerOnDay? officer, bool alreadyHandling, bool recused, ValidationErrors errors)
    {
        if (officer is null) { errors.Add("officerId", "unknown", Messages.Get("officer.add.unknown")); return; }
        if (recused) errors.Add("officerId", "recused", Messages.Get("officer.add.recused", officer.Name));
        else if (alreadyHandling) errors.Add("officerId", "duplicate", Messages.Get("officer.add.duplicate", officer.Name));
        if (Unqualified(officer) is { } reason) errors.Add("officerId", "not_qualified", Messages.Get("officer.add.not_qualified", officer.Name, reason));
    }

    /// <summary>
    /// LAW-2 (行政处罚法 art. 36): no penalty once 2 years have passed since the act ended, 5 where life, health or financial
    /// security was harmed. The date the act ended is required of penalties and cannot lie after the opening day.
    /// </summary>
    public static void CheckLimitation(CaseCategory? category, DateOnly? actEndedOn, bool seriousHarm, DateOnly openingDay, ValidationErrors errors)
    {
        if (category != CaseCategory.Penalty)
        {
            if (actEndedOn > openingDay) errors.Add("actEndedOn", "in_future", Messages.Get("cases.opening.act_ended_in_future"));
            return;
        }
        if (actEndedOn is not { } ended) { errors.Add("actEndedOn", "required", Messages.Get("cases.opening.act_ended_required")); return; }
        if (ended > openingDay) { errors.Add("actEndedOn", "in_future", Messages.Get("cases.opening.act_ended_in_future")); return; }
        if (IsTimeBarred(ended, seriousHarm, openingDay))
        {
            int years = seriousHarm ? 5 : 2;
            errors.Add("actEndedOn", "time_barred", Messages.Get("cases.opening.time_barred", years));
        }
    }

    public static bool IsTimeBarred(DateOnly actEndedOn, bool seriousHarm, DateOnly day) => day > LegalPeriods.Prescription(seriousHarm).LastDay(actEndedOn);

    /// <summary>
    /// LAW-2 (行政处罚法 art. 29, 一事不再罚): a penalty case for the same act — same matter, same party, same day the act
    /// ended — already open refuses a second one. <paramref name="sameActCaseNumbers"/> are the numbers of such cases.
    /// </summary>
    public static void CheckDuplicate(CaseCategory? category, IReadOnlyList<string> sameActCaseNumbers, ValidationErrors errors)
    {
        if (category != CaseCategory.Penalty || sameActCaseNumbers.Count == 0) return;
        errors.Add("parties", "duplicate_penalty",
            Messages.Get("cases.opening.duplicate_penalty", string.Join("、", sameActCaseNumbers)));
    }
}
