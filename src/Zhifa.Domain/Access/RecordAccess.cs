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
    public static string Label(AccessPurpose purpose) => purpose switch
    {
        AccessPurpose.AdministrativeReconsideration => "行政复议",
        AccessPurpose.Petition => "信访",
        AccessPurpose.Litigation => "行政诉讼",
        AccessPurpose.InternalSupervision => "内部监督",
        AccessPurpose.Other => "其他",
        _ => purpose.ToString(),
    };

    public static AccessDecision Decide(Viewer viewer, RecordAccessFacts record, IEnumerable<AccessGrant> grants, DateTime now)
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
        // The head approves every request, so he needs none for ordinary records.
        if (viewer.Roles.Contains(Roles.Head)) return new(true, "head", "主要负责人");
        if (grant is not null) return new(true, "grant", "依经批准的调阅申请查看");
        return new(false, "needs_request", "查看该记录须经负责人批准的调阅申请");
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

    public static Common.ValidationErrors Validate(string? reason, int days)
    {
        var errors = new Common.ValidationErrors().Required("reason", reason, "调阅事由").MaxLength("reason", reason, 500, "调阅事由");
        if (days is < 1 or > MaxDays) errors.Add("days", "out_of_range", $"调阅期限应为 1 至 {MaxDays} 天");
        return errors;
    }

    /// <summary>The head decides; a decided request cannot be decided again, and nobody approves their own request.</summary>
    public void Decide(bool approve, string decidedBy, int deciderUserId, string? note, DateTime now)
    {
        if (Status != AccessRequestStatus.Pending) throw new Common.DomainValidationException("status", "already_decided", "该申请已处理，不能重复审批");
        if (deciderUserId == RequesterUserId) throw new Common.DomainValidationException("status", "own_request", "不能审批本人提出的调阅申请");
        if (!approve && string.IsNullOrWhiteSpace(note)) throw new Common.DomainValidationException("note", "required", "不予批准时须写明理由");
        Status = approve ? AccessRequestStatus.Approved : AccessRequestStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionNote = note?.Trim() ?? "";
        ValidUntil = approve ? now.AddDays(Days) : null;
    }

    public AccessGrant? AsGrant() => Status == AccessRequestStatus.Approved && DecidedAt is { } from && ValidUntil is { } until
        ? new AccessGrant(RequesterUserId, CaseId, from, until, IncludesSensitive)
        : null;

    public static string Label(AccessRequestStatus status) => status switch
    {
        AccessRequestStatus.Pending => "待审批",
        AccessRequestStatus.Approved => "已批准",
        AccessRequestStatus.Rejected => "不予批准",
        _ => status.ToString(),
    };
}
