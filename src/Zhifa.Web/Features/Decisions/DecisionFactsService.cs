using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Decisions;

/// <summary>
/// What the notice, statement, hearing, discussion and decision steps tell the state machine, read from the database
/// on every call; the periods are computed from the service dates with the working-day calendar, never stored.
/// </summary>
public sealed class DecisionFactsService(AppDbContext db, CalendarService calendar, TimeProvider time, ProposalService proposals)
{
    public DateOnly Today => DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));

    public static DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(Display.ToChina(utc));

    public async Task<Zhifa.Domain.Calendar.WorkingDayCalendar> CalendarAsync() => await calendar.GetAsync();

    public async Task<Func<DateOnly, int, DateOnly>> WorkingDaysAsync()
    {
        var cal = await calendar.GetAsync();
        return (d, n) => cal.AddWorkingDays(d, n).Date;
    }

    public static bool Applies(Case c) => c.Category == CaseCategory.Penalty && c.Procedure == CaseProcedure.General;

    public async Task<DecisionSettings> SettingsAsync(int agencyId)
        => await db.Set<DecisionSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.AgencyId == agencyId) ?? new DecisionSettings { AgencyId = agencyId };

    /// <summary>The case's latest notice, and the latest one served (the party's period runs from that one).</summary>
    public async Task<(Notice? Latest, Notice? LatestServed)> NoticesAsync(int caseId)
    {
        var notices = await db.Set<Notice>().AsNoTracking().Where(n => n.CaseId == caseId).OrderByDescending(n => n.Id).ToListAsync();
        return (notices.FirstOrDefault(), notices.FirstOrDefault(n => n.ServedAt is not null));
    }

    public static PenaltyTerms Terms(Notice n) => new(n.Outcome, n.Kinds, n.FineYuan, n.ConfiscationYuan);

    public static PenaltyTerms Terms(DecisionProposal p) => new(p.Outcome, p.Kinds, p.FineYuan, p.ConfiscationYuan);

    /// <summary>
    /// What the notice, statement, hearing, discussion and proposal steps tell the case's table; a case outside the
    /// general penalty procedure has none of them (no proposal, no notice).
    /// </summary>
    public async Task<DecisionStepFacts> StepFactsAsync(Case c, LegalReviewGate gate)
    {
        var settings = await SettingsAsync(c.AgencyId);
        if (!Applies(c)) return DecisionStepFacts.None(settings.DeputyHeadMaySign);
        var add = await WorkingDaysAsync();
        var (latest, served) = await NoticesAsync(c.Id);
        var proposal = await proposals.GetAsync(c.Id);
        bool hearingPending = await db.Set<Hearing>().AnyAsync(h => h.CaseId == c.Id && h.HeldAt == null && h.WithdrawnAt == null);
        int unanswered = await db.Set<Statement>().CountAsync(s => s.CaseId == c.Id && s.Answer == StatementAnswer.Pending);
        var discussed = await db.Set<CollectiveDiscussion>().Where(d => d.CaseId == c.Id).Select(d => d.ProposalFingerprint).ToListAsync();
        var discussion = !gate.Required ? DiscussionState.NotRequired
            : DecisionRules.DiscussedAsProposed(discussed, proposal) ? DiscussionState.Concluded
            : discussed.Count == 0 ? DiscussionState.Missing : DiscussionState.ProposalChangedSince;
        DateOnly? servedOn = served?.ServedAt is { } at ? ChinaDay(at) : null;
        return new DecisionStepFacts(
            ProposalMade: proposal is not null,
            ProposalHasDecisionDocument: proposal is not null && DecisionRules.DecisionDocumentType(proposal.Outcome) is not null,
            LegalBasisGiven: !string.IsNullOrWhiteSpace(proposal?.LegalBasis),
            MissingReasons: proposal is null ? [] : DecisionRules.MissingReasons(proposal).Select(e => e.Field).ToList(),
            NoticeServed: latest?.ServedAt is not null,
            StatementPeriodEnds: servedOn is { } d ? DecisionRules.StatementPeriodEnds(d, add) : null,
            StatementPeriodOverOrWaived: servedOn is { } s && DecisionRules.PeriodOverOrWaived(s, served!.WaivedAt is not null, Today, add),
            UnansweredStatements: unanswered,
            HearingPending: hearingPending,
            Discussion: discussion,
            HeavierThanNotice: proposal is null || served is null ? []
                : DecisionRules.HeavierThanNotice(Terms(served), Terms(proposal)).Select(r => $"{served.Number} {r}").ToList(),
            DeputyHeadMaySign: settings.DeputyHeadMaySign);
    }

    /// <summary>
    /// An agency's decision figures between two instants, for its annual report: each decision issued (outcome, fine,
    /// case), and how many collective discussions and hearings were held.
    /// </summary>
    public async Task<(List<(DecisionOutcome Outcome, decimal? FineYuan, int CaseId)> Decisions, int Discussions, int Hearings)> YearFiguresAsync(
        int agencyId, DateTime start, DateTime end)
    {
        var decisions = (await db.Set<Decision>().AsNoTracking().Where(d => d.AgencyId == agencyId && d.IssuedAt >= start && d.IssuedAt < end)
            .OrderBy(d => d.Id).Select(d => new { d.Outcome, d.FineYuan, d.CaseId }).ToListAsync()).Select(d => (d.Outcome, d.FineYuan, d.CaseId)).ToList();
        int discussions = await db.Set<CollectiveDiscussion>().CountAsync(d => d.AgencyId == agencyId && d.HeldAt >= start && d.HeldAt < end);
        int hearings = await db.Set<Hearing>().CountAsync(h => h.AgencyId == agencyId && h.HeldAt != null && h.HeldAt >= start && h.HeldAt < end);
        return (decisions, discussions, hearings);
    }

    // ---- for publicity: the decisions it publishes, without its reading these tables ----

    /// <summary>The case's latest decision, untracked; null before one is issued.</summary>
    public async Task<Decision?> LatestDecisionAsync(int caseId)
        => await db.Set<Decision>().AsNoTracking().Where(d => d.CaseId == caseId).OrderByDescending(d => d.Id).FirstOrDefaultAsync();

    public async Task<Decision?> DecisionAsync(int decisionId) => await db.Set<Decision>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId);
}
