using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Access;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Access;

public sealed record AccessRequestInput(AccessPurpose? Purpose, string? Reason, bool IncludesSensitive, int? Days);

public sealed record AccessRequestView(int Id, int CaseId, string CaseNumber, string Requester, string Purpose, string PurposeLabel,
    string Reason, bool IncludesSensitive, int Days, string Status, string StatusLabel, DateTime CreatedAt, string DecidedBy,
    DateTime? DecidedAt, string DecisionNote, DateTime? ValidUntil);

/// <summary>调阅申请 (REC-10): anyone who may see the case asks; the head of its agency approves or refuses.</summary>
public sealed class AccessRequestService(AppDbContext db, CurrentUser me, TimeProvider time)
{
    public static bool MayDecide(CurrentUser user) => user.IsInRole(Roles.Head);

    public async Task<Case?> FindCaseAsync(int caseId)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    public async Task<AccessRequest?> FindAsync(int requestId)
    {
        var r = await db.Set<AccessRequest>().FirstOrDefaultAsync(x => x.Id == requestId);
        return r is not null && await me.CanSee(r.AgencyId) ? r : null;
    }

    public async Task<AccessRequest> CreateAsync(Case c, AccessRequestInput input)
    {
        var errors = AccessRequest.Validate(input.Reason, input.Days ?? 0);
        if (input.Purpose is null || !Enum.IsDefined(input.Purpose.Value)) errors.Add("purpose", "required", "请选择调阅用途");
        errors.ThrowIfAny();
        var request = new AccessRequest
        {
            AgencyId = c.AgencyId, CaseId = c.Id, RequesterUserId = me.UserId ?? 0, RequesterName = me.UserName,
            Purpose = input.Purpose!.Value, Reason = input.Reason!.Trim(), IncludesSensitive = input.IncludesSensitive, Days = input.Days!.Value,
            Status = AccessRequestStatus.Pending, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    public async Task DecideAsync(AccessRequest request, bool approve, string? note)
    {
        request.Decide(approve, me.UserName, me.UserId ?? 0, note, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task<List<AccessRequestView>> ListAsync(AccessRequestStatus? status, int? caseId = null)
    {
        var q = await db.Set<AccessRequest>().AsNoTracking().AsQueryable().InScopeAsync(me, r => r.AgencyId);
        if (status is { } s) q = q.Where(r => r.Status == s);
        if (caseId is { } id) q = q.Where(r => r.CaseId == id);
        var rows = await (from r in q join c in db.Cases on r.CaseId equals c.Id orderby r.Id descending select new { r, c.Number }).Take(500).ToListAsync();
        return rows.Select(x => View(x.r, x.Number)).ToList();
    }

    /// <summary>The approved, unexpired grants a user holds for a case; the record pages pass them to <see cref="RecordAccess"/>.</summary>
    public async Task<List<AccessGrant>> GrantsAsync(int userId, int caseId)
        => (await db.Set<AccessRequest>().AsNoTracking()
                .Where(r => r.RequesterUserId == userId && r.CaseId == caseId && r.Status == AccessRequestStatus.Approved).ToListAsync())
            .Select(r => r.AsGrant()!).ToList();

    public static AccessRequestView View(AccessRequest r, string caseNumber) => new(r.Id, r.CaseId, caseNumber, r.RequesterName,
        r.Purpose.ToString(), RecordAccess.Label(r.Purpose), r.Reason, r.IncludesSensitive, r.Days, r.Status.ToString(),
        AccessRequest.Label(r.Status), r.CreatedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote, r.ValidUntil);
}
