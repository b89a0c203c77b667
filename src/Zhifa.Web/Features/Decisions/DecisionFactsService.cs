using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Features.Calendar;
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

    /// <summary>Fills the facts of the decision steps into what the case step service read; other categories are left as they are.</summary>
    public async Task<CaseFacts> ApplyAsync(Case c, CaseFacts facts, LegalReviewGate gate)
    {
        if (!Applies(c)) return facts;
        var add = await WorkingDaysAsync();
        var (latest, served) = await NoticesAsync(c.Id);
        var proposal = await proposals.GetAsync(c.Id);
        bool hearingOpen = await db.Set<Hearing>().AnyAsync(h => h.CaseId == c.Id && h.HeldAt == null && h.WithdrawnAt == null);
        bool discussed = DecisionRules.DiscussedAsProposed(
            await db.Set<CollectiveDiscussion>().Where(d => d.CaseId == c.Id).Select(d => d.ProposalFingerprint).ToListAsync(), proposal);
        bool issued = await db.Set<Decision>().AnyAsync(d => d.CaseId == c.Id);
        return facts with
        {
            NoticeServed = latest?.ServedAt is not null,
            NoticePeriodOverOrWaived = served is not null
                && DecisionRules.PeriodOverOrWaived(ChinaDay(served.ServedAt!.Value), served.WaivedAt is not null, Today, add),
            HearingSettled = !hearingOpen,
            CollectiveDiscussionConcludedOrNotRequired = !gate.Required || discussed,
            NotHeavierThanNotice = proposal is null || served is null || DecisionRules.HeavierThanNotice(Terms(served), Terms(proposal)).Count == 0,
            DecisionReasonsGiven = proposal is not null && DecisionRules.MissingReasons(proposal).Count == 0,
            DecisionDocumentIssued = issued,
        };
    }
}
