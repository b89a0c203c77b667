using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Matters;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// One decision's publication, all its versions read together: when it was triggered and is due (computed from the
/// official calendar, never stored), when it first went public, and where its latest version stands.
/// </summary>
public sealed record DecisionSeries(
    int SeriesId, int LatestId, int AgencyId, int? UnitId, int? CaseId, CaseCategory? Category, string Title, string DocumentNumber,
    DateOnly TriggeredOn, DateOnly DueOn, PublicationStatus Status, DateOnly? FirstPublishedOn,
    LegalStatus LegalStatus, DateOnly? LegalStatusChangedOn, DateOnly? WithdrawalDueOn, DateOnly? WithdrawnOn,
    NonDisclosureGround? NonDisclosureGround, string NonDisclosureReason)
{
    public bool IsNotDisclosed => Status == PublicationStatus.NotDisclosed;

    public Timeliness Timeliness(DateOnly today) => InspectionRules.Classify(DueOn, FirstPublishedOn, IsNotDisclosed, today);

    public DecisionTask Task => new(UnitId, Category, DueOn, FirstPublishedOn, IsNotDisclosed);
}

/// <summary>Reads the decision publication tasks of the given agencies, shared by the deadlines, the inspection and the annual report.</summary>
public static class DecisionTasks
{
    public static async Task<List<DecisionSeries>> LoadAsync(AppDbContext db, CaseService cases, MatterService matters, WorkingDayCalendar calendar, IReadOnlyCollection<int>? agencies,
        int? unitId = null, DateOnly? triggeredFrom = null, DateOnly? triggeredTo = null)
    {
        var q = db.Set<Publication>().AsNoTracking().Where(p => p.Kind == PublicationKind.Decision);
        if (agencies is not null) q = q.Where(p => agencies.Contains(p.AgencyId));
        var rows = await q.Select(p => new
        {
            p.Id, p.SeriesId, p.Version, p.AgencyId, p.UnitId, p.CaseId, p.Category, p.Title, p.DocumentNumber, p.TriggeredOn, p.Status,
            p.PublishedAt, p.LegalStatus, p.LegalStatusChangedOn, p.WithdrawnAt, p.NonDisclosureGround, p.NonDisclosureReason,
        }).ToListAsync();
        // 谁执法谁公示: the owner is the case's unit; a case opened without one belongs to the unit responsible for its matter.
        var caseIds = rows.Where(r => r.UnitId is null && r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var caseMatters = caseIds.Count == 0 ? [] : await cases.MatterIdsAsync(caseIds);
        var unitOfMatter = caseMatters.Count == 0 ? [] : await matters.ResponsibleUnitsAsync(caseMatters.Values);
        var matterUnits = caseMatters.ToDictionary(x => x.Key, x => unitOfMatter.GetValueOrDefault(x.Value));
        int? Owner(int? unit, int? caseId) => unit ?? (caseId is { } id && matterUnits.TryGetValue(id, out var mu) ? mu : null);

        var list = new List<DecisionSeries>();
        foreach (var g in rows.GroupBy(r => r.SeriesId))
        {
            var first = g.MinBy(r => r.Version)!;
            var latest = g.MaxBy(r => r.Version)!;
            if (first.TriggeredOn is not { } triggered) continue;
            var owner = Owner(latest.UnitId, latest.CaseId);
            if (unitId is { } u && owner != u) continue;
            if (triggeredFrom is { } from && triggered < from) continue;
            if (triggeredTo is { } to && triggered > to) continue;
            var published = g.Where(r => r.PublishedAt is not null).Select(r => r.PublishedAt!.Value).DefaultIfEmpty().Min();
            list.Add(new DecisionSeries(
                g.Key, latest.Id, latest.AgencyId, owner, latest.CaseId, first.Category, latest.Title, latest.DocumentNumber,
                triggered, PublicationRules.DueOn(calendar, triggered, first.Category), latest.Status,
                published == default ? null : CaseService.ChinaDay(published),
                latest.LegalStatus, latest.LegalStatusChangedOn,
                latest.LegalStatusChangedOn is { } changed && PublicationRules.NeedsWithdrawal(latest.LegalStatus) ? PublicationRules.WithdrawalDueOn(calendar, changed) : null,
                g.Where(r => r.WithdrawnAt is not null).Select(r => (DateTime?)r.WithdrawnAt!.Value).Min() is { } w ? CaseService.ChinaDay(w) : null,
                latest.NonDisclosureGround, latest.NonDisclosureReason));
        }
        return list;
    }
}
