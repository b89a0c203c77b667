using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Complaints;

/// <summary>
/// What the rules need to know to handle a complaint: the complaint, and what the act brings with it (the text written,
/// the unit, officer or case chosen, and whether those belong to the complaint's agency). Every member is required:
/// <c>ComplaintService.FactsAsync</c> fills them all for every act.
/// </summary>
public sealed record ComplaintFacts : IFacts
{
    public required int AgencyId { get; init; }
    public required ComplaintStatus Status { get; init; }
    /// <summary>The note, reply or reason the act writes, trimmed ("" when the act writes none).</summary>
    public required string Text { get; init; }
    public required int? UnitId { get; init; }
    /// <summary>The chosen unit is one of the agency's (false when none is chosen).</summary>
    public required bool UnitOfAgency { get; init; }
    public required int? OfficerId { get; init; }
    public required bool OfficerOfAgency { get; init; }
    public required int? CaseId { get; init; }
    /// <summary>The case is one of the agency's that the user may see (false when none is given).</summary>
    public required bool CaseOfAgency { get; init; }
}

/// <summary>The acts of handling a complaint; each is a move of <see cref="ComplaintLifecycle"/>.</summary>
public static class ComplaintActs
{
    public const string Accept = "accept";
    public const string Assign = "assign";
    public const string Note = "note";
    public const string Reply = "reply";
    public const string Reject = "reject";
    public const string LinkCase = "case";

    public static readonly IReadOnlyList<string> All = [Accept, Assign, Note, Reply, Reject, LinkCase];
}

/// <summary>
/// SUP-4 投诉举报 as one table of moves. 行政处罚法第七十五条第二款: the public may complain about or report an enforcement
/// act, and the agency examines it carefully; only the complaint's own agency handles it (a supervising agency looks).
/// Refusal (不予受理) is possible only before handling starts and needs its reason, which the public status page shows.
/// </summary>
public static class ComplaintLifecycle
{
    private static Rule<ComplaintFacts> R(string code, string field, Func<ComplaintFacts, bool> holds) => new(code, field, holds);

    private static readonly Who<ComplaintFacts> AgencyStaff = new("complaints.actor.not_agency_staff", (a, f) => a.AgencyId == f.AgencyId);
    private static readonly Who<ComplaintFacts>[] Staff = [AgencyStaff];

    private static readonly Rule<ComplaintFacts> AssigneeChosen = R("complaints.assignee_missing", "unitId", f => f.UnitId is not null || f.OfficerId is not null);
    private static readonly Rule<ComplaintFacts> UnitKnown = R("complaints.unit_unknown", "unitId", f => f.UnitId is null || f.UnitOfAgency);
    private static readonly Rule<ComplaintFacts> OfficerKnown = R("complaints.officer_unknown", "officerId", f => f.OfficerId is null || f.OfficerOfAgency);
    private static readonly Rule<ComplaintFacts> NoteWritten = R("complaints.note_missing", "note", f => f.Text.Length > 0);
    private static readonly Rule<ComplaintFacts> ReplyWritten = R("complaints.reply_missing", "reply", f => f.Text.Length > 0);
    private static readonly Rule<ComplaintFacts> ReasonWritten = R("complaints.reason_missing", "reason", f => f.Text.Length > 0);
    private static readonly Rule<ComplaintFacts> CaseGiven = R("complaints.case_missing", "caseId", f => f.CaseId is not null);
    private static readonly Rule<ComplaintFacts> CaseKnown = R("complaints.case_unknown", "caseId", f => f.CaseId is null || f.CaseOfAgency);

    private const string Pending = nameof(ComplaintStatus.Pending), Accepted = nameof(ComplaintStatus.Accepted), Handling = nameof(ComplaintStatus.Handling);
    private static readonly string[] Open = [Pending, Accepted, Handling];

    private static IEnumerable<Move<ComplaintFacts>> FromEach(IEnumerable<string> from, ComplaintStatus to, string act, params Rule<ComplaintFacts>[] conditions)
        => from.Select(s => new Move<ComplaintFacts>(s, to.ToString(), Staff, conditions, act));

    public static ActTable<ComplaintFacts> Table { get; } = new([
        .. FromEach([Pending], ComplaintStatus.Accepted, ComplaintActs.Accept),
        .. FromEach(Open, ComplaintStatus.Handling, ComplaintActs.Assign, AssigneeChosen, UnitKnown, OfficerKnown),
        .. FromEach(Open, ComplaintStatus.Handling, ComplaintActs.Note, NoteWritten),
        .. FromEach(Open, ComplaintStatus.Replied, ComplaintActs.Reply, ReplyWritten),
        .. FromEach([Pending], ComplaintStatus.Rejected, ComplaintActs.Reject, ReasonWritten),
        .. FromEach(Open, ComplaintStatus.CaseOpened, ComplaintActs.LinkCase, CaseGiven, CaseKnown),
    ], (from, act) => new UnmetCondition("complaints.status_not_allowed",
        Messages.Get("complaints.status_not_allowed", Complaint.Label(Enum.Parse<ComplaintStatus>(from)), ActLabel(act)), "status"));

    public static string ActLabel(string act) => Messages.Get("complaints.act." + act);

    /// <summary>May <paramref name="actor"/> make <paramref name="act"/> on the complaint the facts describe?</summary>
    public static MoveCheck Check(string act, ComplaintFacts facts, Actor? actor) => Table.Check(act, facts.Status.ToString(), facts, actor);

    /// <summary>The status the act leaves the complaint in (a note or assignment keeps a complaint 办理中).</summary>
    public static ComplaintStatus To(MoveCheck allowed) => Enum.Parse<ComplaintStatus>(allowed.To);
}
