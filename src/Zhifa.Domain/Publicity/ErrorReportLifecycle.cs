using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>What the rules need to know to close an error report: the report, and the resolution and reply given. Every member is required.</summary>
public sealed record ErrorReportFacts : IFacts
{
    public required int AgencyId { get; init; }
    public required ErrorReportStatus Status { get; init; }
    /// <summary>The resolution chosen: <see cref="ErrorReportStatus.Corrected"/> or <see cref="ErrorReportStatus.Rejected"/>; null when none (or another) was.</summary>
    public required ErrorReportStatus? Resolution { get; init; }
    /// <summary>The reply, trimmed ("" when none).</summary>
    public required string Reply { get; init; }
}

public static class ErrorReportActs
{
    public const string Resolve = "resolve";
}

/// <summary>
/// PUB-10 纠错 as a table of moves. 政府信息公开条例第四十一条: a person who finds the published information about him
/// inaccurate may ask for it to be corrected, and the agency corrects it or tells him why not; here the public reports
/// an error in a published decision and the decision's own agency closes the report, corrected or rejected, always with
/// a reply. A closed report is not closed again.
/// </summary>
public static class ErrorReportLifecycle
{
    /// <summary>The state a report moves to; the resolution chosen says which (<see cref="ErrorReportStatus.Corrected"/> or <see cref="ErrorReportStatus.Rejected"/>).</summary>
    public const string Resolved = "Resolved";

    private static readonly Who<ErrorReportFacts>[] AgencyStaff = [new("errorreports.actor.not_agency_staff", (a, f) => a.AgencyId == f.AgencyId)];

    public static ActTable<ErrorReportFacts> Table { get; } = new([
        new(nameof(ErrorReportStatus.Pending), Resolved, AgencyStaff, [
            new("errorreports.resolution_missing", "status", f => f.Resolution is ErrorReportStatus.Corrected or ErrorReportStatus.Rejected),
            new("errorreports.reply_missing", "reply", f => f.Reply.Length > 0),
        ], ErrorReportActs.Resolve),
    ], (from, _) => new UnmetCondition("errorreports.closed",
        Messages.Get("errorreports.closed", PublicationErrorReportRules.Label(Enum.Parse<ErrorReportStatus>(from))), "status"));

    public static MoveCheck Check(ErrorReportFacts facts, Actor? actor) => Table.Check(ErrorReportActs.Resolve, facts.Status.ToString(), facts, actor);
}
