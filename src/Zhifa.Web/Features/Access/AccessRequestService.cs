using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Access;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Access;

public sealed record AccessRequestInput(AccessPurpose? Purpose, string? Reason, bool IncludesSensitive, int? Days);

public sealed record AccessDecisionInput(bool Approve, string? Note);

public sealed record AccessRequestView(int Id, int CaseId, string CaseNumber, string Requester, string Purpose, string PurposeLabel,
    string Reason, bool IncludesSensitive, int Days, string Status, string StatusLabel, DateTime CreatedAt, string DecidedBy,
    DateTime? DecidedAt, string DecisionNote, DateTime? ValidUntil);

/// <summary>调阅申请 (REC-10): anyone who may see the case asks; the head of its agency approves or refuses, as <see cref="AccessLifecycle"/> says.</summary>
public sealed class AccessRequestService(AppDbContext db, CurrentUser me, TimeProvider time, CaseService cases)
{
    public const int ReasonMaxLength = 500;

    public Task<Case?> FindCaseAsync(int caseId) => cases.FindVisibleAsync(caseId);

    public async Task<AccessRequest?> FindAsync(int requestId)
    {
        var r = await db.Set<AccessRequest>().FirstOrDefaultAsync(x => x.Id == requestId);
        return r is not null && await me.CanSee(r.AgencyId) ? r : null;
    }

    /// <summary>The facts of an act on <paramref name="r"/> (null: a new request on a case of <paramref name="agencyId"/>).</summary>
    public static AccessFacts Facts(int agencyId, AccessRequest? r, AccessRequestInput? asked, string? note, string requester) => new()
    {
        AgencyId = agencyId, State = r?.Status.ToString() ?? AccessLifecycle.New, RequesterUserName = r?.RequesterName ?? requester,
        PurposeChosen = (asked?.Purpose ?? r?.Purpose) is { } p && Enum.IsDefined(p),
        Reason = asked is null ? r?.Reason ?? "" : asked.Reason?.Trim() ?? "", Days = asked is null ? r?.Days : asked.Days,
        Note = note?.Trim() ?? "",
    };

    /// <summary>Registers a request when the table allows it; refused, nothing is saved and every reason is returned.</summary>
    public async Task<Outcome<AccessRequest>> CreateAsync(Case c, AccessRequestInput input)
    {
        new ValidationErrors().MaxLength("reason", input.Reason?.Trim(), ReasonMaxLength, Messages.Get("access.field.reason")).ThrowIfAny();
        var check = AccessLifecycle.Check(AccessActs.Request, Facts(c.AgencyId, null, input, null, me.UserName), await me.ActorAsync());
        if (!check.IsAllowed) return Outcome<AccessRequest>.Refused(check);
        var request = new AccessRequest
        {
            AgencyId = c.AgencyId, CaseId = c.Id, RequesterUserId = me.UserId ?? 0, RequesterName = me.UserName,
            Purpose = input.Purpose!.Value, Reason = input.Reason!.Trim(), IncludesSensitive = input.IncludesSensitive, Days = input.Days!.Value,
            Status = Enum.Parse<AccessRequestStatus>(check.To), CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(request);
        await db.SaveChangesAsync();
        return Outcome<AccessRequest>.Done(request);
    }

    /// <summary>The head approves (the grant runs for the days asked) or refuses with a reason, as the table allows.</summary>
    public async Task<Outcome<AccessRequest>> DecideAsync(AccessRequest request, AccessDecisionInput input)
    {
        var act = input.Approve ? AccessActs.Approve : AccessActs.Refuse;
        var check = AccessLifecycle.Check(act, Facts(request.AgencyId, request, null, input.Note, me.UserName), await me.ActorAsync());
        if (!check.IsAllowed) return Outcome<AccessRequest>.Refused(check);
        var now = time.GetUtcNow().UtcDateTime;
        request.Status = Enum.Parse<AccessRequestStatus>(check.To);
        request.DecidedBy = me.UserName;
        request.DecidedAt = now;
        request.DecisionNote = input.Note?.Trim() ?? "";
        request.ValidUntil = input.Approve ? now.AddDays(request.Days) : null;
        await db.SaveChangesAsync();
        return Outcome<AccessRequest>.Done(request);
    }

    /// <summary>
    /// The pending ones of <paramref name="requestIds"/>, each with why the signed-in account may not decide it (empty
    /// when it may): the page offers every decision, disabled beside these reasons.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<UnmetCondition>>> DecisionsAsync(IReadOnlyCollection<int> requestIds)
    {
        var actor = await me.ActorAsync();
        var pending = await db.Set<AccessRequest>().AsNoTracking().Where(r => requestIds.Contains(r.Id) && r.Status == AccessRequestStatus.Pending).ToListAsync();
        return pending.ToDictionary(r => r.Id, r => AccessLifecycle.Check(AccessActs.Approve, Facts(r.AgencyId, r, null, null, me.UserName), actor).Forbidden);
    }

    public async Task<List<AccessRequestView>> ListAsync(AccessRequestStatus? status, int? caseId = null)
    {
        var q = await db.Set<AccessRequest>().AsNoTracking().AsQueryable().InScopeAsync(me, r => r.AgencyId);
        if (status is { } s) q = q.Where(r => r.Status == s);
        if (caseId is { } id) q = q.Where(r => r.CaseId == id);
        var rows = await q.OrderByDescending(r => r.Id).Take(500).ToListAsync();
        var numbers = await cases.NumbersAsync(rows.Select(r => r.CaseId).Distinct().ToList());
        return rows.Where(r => numbers.ContainsKey(r.CaseId)).Select(r => View(r, numbers[r.CaseId])).ToList();
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
