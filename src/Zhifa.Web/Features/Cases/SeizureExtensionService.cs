using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Cases;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

public sealed record SeizureExtensionInput(int? Days, string? Reason);

/// <summary>The head's answer to a request: approve, or refuse with a note saying why.</summary>
public sealed record HeadDecisionInput(bool Approve, string? Note);

public sealed record SeizureExtensionView(int Id, int CaseId, int Days, string Reason, string RequestedBy, DateTime RequestedAt,
    string Status, string StatusLabel, string DecidedBy, DateTime? DecidedAt, string DecisionNote);

/// <summary>
/// The seizure of a case as it stands: when it was carried out, when its 30 days end, the end with the approved
/// extension, and every request. Dates are Chinese calendar days; null while the seizure was not carried out.
/// </summary>
public sealed record SeizureTermView(int CaseId, bool InForce, DateOnly? StartedOn, DateOnly? EndsOn, DateOnly? ExtendedEndsOn, int ExtensionDays,
    IReadOnlyList<SeizureExtensionView> Extensions);

/// <summary>LAW-8 art. 25: one extension of a 查封、扣押, requested by a handler and decided by the head of the agency.</summary>
public sealed class SeizureExtensionService(AppDbContext db, CurrentUser me, TimeProvider time)
{
    private DateOnly Today => CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);

    /// <summary>The head of the case's own agency decides; a head of a supervising agency only sees.</summary>
    public bool MayDecide(Case c) => me.IsInRole(Roles.Head) && me.AgencyId == c.AgencyId;

    public async Task<SeizureExtension?> FindAsync(int extensionId)
    {
        var x = await db.Set<SeizureExtension>().FirstOrDefaultAsync(e => e.Id == extensionId);
        return x is not null && await me.CanSee(x.AgencyId) ? x : null;
    }

    /// <summary>The day the seizure was carried out: the case's first move to 实施.</summary>
    public async Task<DateOnly?> StartedOnAsync(Case c)
    {
        if (c.Category != CaseCategory.Coercion) return null;
        var at = await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == c.Id && h.ToStep == CaseSteps.CoercionImplemented)
            .OrderBy(h => h.At).Select(h => (DateTime?)h.At).FirstOrDefaultAsync();
        return at is { } t ? CaseService.ChinaDay(t) : null;
    }

    private Task<List<SeizureExtension>> OfCaseAsync(int caseId)
        => db.Set<SeizureExtension>().AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.Id).ToListAsync();

    public async Task<SeizureTermView> TermAsync(Case c)
    {
        var start = await StartedOnAsync(c);
        var list = await OfCaseAsync(c.Id);
        int days = SeizureExtension.ApprovedDays(list);
        return new SeizureTermView(c.Id, start is not null && SeizureExtension.SeizureInForce(c.Category, c.Step), start,
            start is { } s ? CaseDeadlines.SeizureEnds(s) : null,
            start is { } s2 && days > 0 ? CaseDeadlines.SeizureEnds(s2, days) : null, days, list.Select(View).ToList());
    }

    public async Task<SeizureExtension> RequestAsync(Case c, SeizureExtensionInput input)
    {
        var start = await StartedOnAsync(c);
        SeizureExtension.CheckRequest(c.Category, c.Step, start, Today, await OfCaseAsync(c.Id), input.Days, input.Reason).ThrowIfAny();
        var x = new SeizureExtension
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Days = input.Days!.Value, Reason = input.Reason!.Trim(),
            RequestedByUserId = me.UserId ?? 0, RequestedBy = me.UserName, RequestedAt = time.GetUtcNow().UtcDateTime,
            Status = SeizureExtensionStatus.Pending,
        };
        db.Add(x);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (UniqueViolations.Of(ex, SeizureExtensionConfiguration.OneLivePerCaseIndex, "SeizureExtensions", "CaseId"))
        {
            // A second request arrived at the same moment and was saved first.
            db.ChangeTracker.Clear();
            throw new DomainValidationException("case", "pending", T("cases.seizure_extension.only_once"));
        }
        return x;
    }

    public async Task DecideAsync(Case c, SeizureExtension x, HeadDecisionInput input)
    {
        var start = await StartedOnAsync(c);
        DateOnly? ends = start is { } s && SeizureExtension.SeizureInForce(c.Category, c.Step) ? CaseDeadlines.SeizureEnds(s) : null;
        x.Decide(input.Approve, me.UserName, me.UserId ?? 0, input.Note, time.GetUtcNow().UtcDateTime, Today, ends);
        await db.SaveChangesAsync();
    }

    public static SeizureExtensionView View(SeizureExtension x) => new(x.Id, x.CaseId, x.Days, x.Reason, x.RequestedBy, x.RequestedAt,
        x.Status.ToString(), SeizureExtension.Label(x.Status), x.DecidedBy, x.DecidedAt, x.DecisionNote);
}
