namespace Zhifa.Domain.Retention;

/// <summary>REC-9: records used as evidence are kept as long as the case file; other records at least six months.</summary>
public enum RetentionClass { Evidence, Other }

/// <summary>Why a record is held beyond every rule (seed 003 art. 22–23).</summary>
public enum HoldReason { ObjectionOrComplaint, ObstructionOrViolence, MassIncidentOrEmergency, Other }

public sealed record LegalHoldFacts(HoldReason Reason, string Note, DateOnly PlacedOn, DateOnly? ReleasedOn);

/// <summary>What decides how long one record is kept.</summary>
public sealed record RetentionFacts(
    RetentionClass Class,
    DateOnly RecordedOn,
    /// <summary>When the case closed; null while it is open (nothing of an open case expires).</summary>
    DateOnly? CaseClosedOn,
    IReadOnlyList<LegalHoldFacts> Holds);

/// <summary>The outcome: held, kept until a date, or kept while the case is open; with the rule that decided it.</summary>
public sealed record RetentionDecision(bool Held, DateOnly? KeepUntil, string Rule)
{
    public bool ExpiredOn(DateOnly today) => !Held && KeepUntil is { } until && today > until;
}

/// <summary>
/// The retention rules as one function: every applicable rule gives a date, the longest wins, and an active hold beats
/// them all. Purging is two-step: an expired record is first marked, and deleted only after the recovery window.
/// </summary>
public sealed record RetentionPolicy(int CaseFileYears = 30, int OtherMonths = 6, int RecoveryDays = 30)
{
    public static string Label(HoldReason reason) => Rules.Messages.Get("retention.reason." + reason);

    public RetentionDecision Decide(RetentionFacts facts, DateOnly today)
    {
        var hold = facts.Holds.FirstOrDefault(h => h.PlacedOn <= today && (h.ReleasedOn is null || h.ReleasedOn > today));
        if (hold is not null) return new RetentionDecision(true, null, Rules.Messages.Get("retention.rule.held", Label(hold.Reason)));
        if (facts.CaseClosedOn is null) return new RetentionDecision(false, null, Rules.Messages.Get("retention.rule.case_open"));

        var caseFileUntil = facts.CaseClosedOn.Value.AddYears(CaseFileYears);
        var otherUntil = facts.RecordedOn.AddMonths(OtherMonths);
        // The longest applicable rule wins: evidence follows the case file, everything keeps at least the minimum.
        return facts.Class == RetentionClass.Evidence
            ? new RetentionDecision(false, Max(caseFileUntil, otherUntil), Rules.Messages.Get("retention.rule.evidence", CaseFileYears))
            : new RetentionDecision(false, otherUntil, Rules.Messages.Get("retention.rule.other", OtherMonths));
    }

    /// <summary>A record marked for purge on <paramref name="markedOn"/> may be deleted once the recovery window has passed and it is still expired.</summary>
    public bool MayDelete(RetentionFacts facts, DateOnly markedOn, DateOnly today)
        => Decide(facts, today).ExpiredOn(today) && today >= markedOn.AddDays(RecoveryDays);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>A long-term hold on all records of a case (长期保存, REC-9); it beats every retention rule until released.</summary>
public sealed class LegalHold
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public HoldReason Reason { get; set; }
    public string Note { get; set; } = "";
    public string PlacedBy { get; set; } = "";
    public DateOnly PlacedOn { get; set; }
    public string ReleasedBy { get; set; } = "";
    public DateOnly? ReleasedOn { get; set; }

    public LegalHoldFacts Facts => new(Reason, Note, PlacedOn, ReleasedOn);
}
