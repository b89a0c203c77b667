using Zhifa.Domain.Accounts;

namespace Zhifa.Domain.Access;

/// <summary>Why a record is wanted (调阅用途, REC-10).</summary>
public enum AccessPurpose { AdministrativeReconsideration, Petition, Litigation, InternalSupervision, Other }

/// <summary>A granted access request: who may see which case's records, until when.</summary>
public sealed record AccessGrant(int UserId, int CaseId, DateTime ValidFrom, DateTime ValidUntil, bool IncludesSensitive);

/// <summary>The viewer, as the rule needs them.</summary>
public sealed record Viewer(int UserId, int? OfficerId, IReadOnlyCollection<string> Roles, bool SeesAgency);

/// <summary>The record and its case, as the rule needs them.</summary>
public sealed record RecordAccessFacts(int CaseId, bool Sensitive, IReadOnlyCollection<int> HandlingOfficerIds);

public sealed record AccessDecision(bool Allowed, string Code, string Reason);

/// <summary>
/// Who may view or download a record (REC-10, seed 003 art. 24): the case's own handlers, the head, supervisors for
/// real-time oversight, and anyone holding an approved, unexpired access request. Sensitive records (secrets, privacy, minors)
/// need a request that covers them, even for the handlers. Everything else is refused — and the caller audits both.
/// </summary>
public static class RecordAccess
{
    public static string Label(AccessPurpose purpose) => Rules.Messages.Get("access.purpose." + purpose);

    public static AccessDecision Decide(Viewer viewer, RecordAccessFacts record, IEnumerable<AccessGrant> grants, DateTime now)
    {
        if (!viewer.SeesAgency) return new(false, "out_of_scope", Rules.Messages.Get("access.decision.out_of_scope"));
        var grant = grants.FirstOrDefault(g => g.UserId == viewer.UserId && g.CaseId == record.CaseId && g.ValidFrom <= now && now < g.ValidUntil);
        if (record.Sensitive)
        {
            return grant is { IncludesSensitive: true }
                ? new(true, "grant", Rules.Messages.Get("access.decision.grant_sensitive"))
                : new(false, "sensitive_needs_request", Rules.Messages.Get("access.decision.sensitive_needs_request"));
        }
        if (viewer.OfficerId is { } officer && record.HandlingOfficerIds.Contains(officer))
            return new(true, "handler", Rules.Messages.Get("access.decision.handler"));
        if (viewer.Roles.Contains(Roles.Supervisor)) return new(true, "supervisor", Rules.Messages.Get("access.decision.supervisor"));
        // The head approves every request, so he needs none for ordinary records.
        if (viewer.Roles.Contains(Roles.Head)) return new(true, "head", Rules.Messages.Get("access.decision.head"));
        if (grant is not null) return new(true, "grant", Rules.Messages.Get("access.decision.grant"));
        return new(false, "needs_request", Rules.Messages.Get("access.decision.needs_request"));
    }
}

public enum AccessRequestStatus { Pending, Approved, Rejected }

/// <summary>
/// 调阅申请 (REC-10): providing records for 复议, 信访, 诉讼 or supervision needs the head's approval, is registered, and
/// grants a time-limited right to view the case's records.
/// </summary>
public sealed class AccessRequest
{
    public const int MaxDays = 30;

    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public int RequesterUserId { get; set; }
    public string RequesterName { get; set; } = "";
    public AccessPurpose Purpose { get; set; }
    public string Reason { get; set; } = "";
    public bool IncludesSensitive { get; set; }
    public int Days { get; set; }
    public AccessRequestStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string DecisionNote { get; set; } = "";
    public DateTime? ValidUntil { get; set; }

    public AccessGrant? AsGrant() => Status == AccessRequestStatus.Approved && DecidedAt is { } from && ValidUntil is { } until
        ? new AccessGrant(RequesterUserId, CaseId, from, until, IncludesSensitive)
        : null;

    public static string Label(AccessRequestStatus status) => Rules.Messages.Get("access.status." + status);
}
