using Zhifa.Domain.Accounts;

namespace Zhifa.Domain.Access;

/// <summary>Why a record is wanted (调阅用途, REC-10).</summary>
public enum AccessPurpose { AdministrativeReconsideration, Petition, Litigation, InternalSupervision, Other }

/// <summary>A granted access request: who may see which case's records, until when.</summary>
public sealed record AccessGrant(int UserId, int CaseId, DateTime ValidFrom, DateTime ValidUntil, bool IncludesSensitive);

/// <summary>The viewer, as the rule needs them.</summary>
public sealed record Viewer(int UserId, int? OfficerId, IReadOnlyCollection<string> Roles, bool SeesAgency);

/// <summary>The record and its case, as the rule needs them.</summary>
public sealed record RecordFacts(int CaseId, bool Sensitive, IReadOnlyCollection<int> HandlingOfficerIds);

public sealed record AccessDecision(bool Allowed, string Code, string Reason);

/// <summary>
/// Who may view or download a record (REC-10, seed 003 art. 24): the case's own handlers, supervisors for real-time
/// oversight, and anyone holding an approved, unexpired access request. Sensitive records (secrets, privacy, minors)
/// need a request that covers them, even for the handlers. Everything else is refused — and the caller audits both.
/// </summary>
public static class RecordAccess
{
    public static string Label(AccessPurpose purpose) => purpose switch
    {
        AccessPurpose.AdministrativeReconsideration => "行政复议",
        AccessPurpose.Petition => "信访",
        AccessPurpose.Litigation => "行政诉讼",
        AccessPurpose.InternalSupervision => "内部监督",
        AccessPurpose.Other => "其他",
        _ => purpose.ToString(),
    };

    public static AccessDecision Decide(Viewer viewer, RecordFacts record, IEnumerable<AccessGrant> grants, DateTime now)
    {
        if (!viewer.SeesAgency) return new(false, "out_of_scope", "无权查看其他执法主体的记录");
        var grant = grants.FirstOrDefault(g => g.UserId == viewer.UserId && g.CaseId == record.CaseId && g.ValidFrom <= now && now < g.ValidUntil);
        if (record.Sensitive)
        {
            return grant is { IncludesSensitive: true }
                ? new(true, "grant", "依经批准的调阅申请查看（含涉密、隐私或未成年人记录）")
                : new(false, "sensitive_needs_request", "该记录涉及国家秘密、个人隐私或未成年人，须经负责人批准的调阅申请方可查看");
        }
        if (viewer.OfficerId is { } officer && record.HandlingOfficerIds.Contains(officer))
            return new(true, "handler", "本案承办人员");
        if (viewer.Roles.Contains(Roles.Supervisor)) return new(true, "supervisor", "监督人员实时调阅");
        if (grant is not null) return new(true, "grant", "依经批准的调阅申请查看");
        return new(false, "needs_request", "查看该记录须经负责人批准的调阅申请");
    }
}
