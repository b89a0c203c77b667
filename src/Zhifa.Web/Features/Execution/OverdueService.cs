using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Execution;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Execution;

/// <summary>One overdue item: kind service / payment / decision-limit, the case, the due date and what is late.</summary>
public sealed record OverdueRow(string Kind, string KindLabel, int CaseId, string CaseNumber, string AgencyName, DateOnly Due, int DaysOverdue, string Detail);

/// <summary>SUP-1: the decisions not served in time, the fines overdue and the cases past their decision limit, for heads and supervisors.</summary>
public sealed class OverdueService(AppDbContext db, ExecutionStateService state, TimeProvider time,
    Cases.CaseService caseService, Decisions.ProposalService proposals, Agencies.AgencyService agencies)
{
    private const int Limit = 500;

    public static bool MayView(CurrentUser user) => user.IsAdministrator || user.IsInRole(Roles.Head) || user.IsInRole(Roles.DeputyHead)
        || user.IsInRole(Roles.UnitHead) || user.IsInRole(Roles.Supervisor);

    public async Task<List<OverdueRow>> ListAsync(int? agencyId)
    {
        var today = state.Today;
        var cases = await caseService.VisibleQueryAsync();
        if (agencyId is { } a) cases = cases.Where(c => c.AgencyId == a);
        var names = await agencies.NamesAsync();
        var rows = new List<OverdueRow>();

        // Served, executed or waiting for service: each is read in full, so the candidates are narrowed in the query first.
        string[] executing = [CaseSteps.Decided, CaseSteps.Served, CaseSteps.Executed];
        var withFine = proposals.CasesWithFine();
        var candidates = await cases.Where(c => c.Category == CaseCategory.Penalty && executing.Contains(c.Step)
                && (c.Step == CaseSteps.Decided || withFine.Contains(c.Id)))
            .OrderBy(c => c.Id).Take(Limit).ToListAsync();
        foreach (var c in candidates)
        {
            var s = await state.SummaryAsync(c);
            if (s.ServiceOverdue && s.ServiceDue is { } due)
                rows.Add(new("service", T("execution.overdue.service"), c.Id, c.Number, names.GetValueOrDefault(c.AgencyId, ""), due, today.DayNumber - due.DayNumber,
                    T("execution.overdue.service.detail", Display.Date(s.DecidedAt), due)));
            if (s.Payment is { Overdue: true } p)
                rows.Add(new("payment", T("execution.overdue.payment"), c.Id, c.Number, names.GetValueOrDefault(c.AgencyId, ""), today.AddDays(-p.DaysOverdue), p.DaysOverdue,
                    T("execution.overdue.payment.detail", PaymentRules.Yuan(p.OverduePrincipalYuan), PaymentRules.Yuan(p.LateFeeOutstandingYuan), PaymentRules.Yuan(p.TotalOutstandingYuan))));
        }

        // Art. 60: general-procedure penalties not decided within 90 days of filing plus approved extensions.
        string[] beforeDecision = [CaseSteps.Filed, CaseSteps.Investigation, CaseSteps.InternalReview, CaseSteps.Notice, CaseSteps.Statement];
        var latestOpening = time.GetUtcNow().UtcDateTime.AddDays(-89);
        var open = await cases.Where(c => c.Category == CaseCategory.Penalty && c.Procedure == CaseProcedure.General && beforeDecision.Contains(c.Step)
                && c.OpenedAt < latestOpening)
            .OrderBy(c => c.OpenedAt).Take(Limit).ToListAsync();
        var ids = open.Select(c => c.Id).ToList();
        var extensions = await db.Set<DecisionLimitExtension>().AsNoTracking().Where(x => ids.Contains(x.CaseId))
            .GroupBy(x => x.CaseId).Select(g => new { CaseId = g.Key, Days = g.Sum(x => x.Days) }).ToDictionaryAsync(x => x.CaseId, x => x.Days);
        foreach (var c in open)
        {
            int ext = extensions.GetValueOrDefault(c.Id);
            var due = CaseDeadlines.PenaltyDecisionDue(ExecutionStateService.ChinaDay(c.OpenedAt), ext);
            if (today > due)
                rows.Add(new("decision-limit", T("execution.overdue.decision_limit"), c.Id, c.Number, names.GetValueOrDefault(c.AgencyId, ""), due, today.DayNumber - due.DayNumber,
                    T("execution.overdue.decision_limit.detail", Display.Date(c.OpenedAt), due, (ext > 0 ? T("execution.overdue.decision_limit.extended", ext) : ""), CaseSteps.Label(c.Step))));
        }
        return rows.OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.CaseId).ToList();
    }
}
