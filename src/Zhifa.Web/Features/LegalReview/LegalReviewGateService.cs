using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Documents;
using Zhifa.Domain.LegalReview;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.LegalReview;

/// <summary>
/// LR-1, the one place that answers whether a case's decision may go ahead: the state machine (signing and issuing
/// the decision), the documents (printing the decision, the discussion minutes) and collective discussion all ask here.
/// It reads the case's catalogue, proposal, hearing record, manual flags and latest round; nothing is stored.
/// </summary>
public sealed class LegalReviewGateService(AppDbContext db, IReviewProposals proposals, CalendarService calendar, CaseService cases,
    Documents.DocumentIndex documents)
{
    public const string HearingRecordType = "hearing-record";

    public async Task<MajorDecisionCatalogue> CatalogueAsync(int agencyId)
        => await db.Set<MajorDecisionCatalogue>().AsNoTracking().FirstOrDefaultAsync(x => x.AgencyId == agencyId)
           ?? MajorDecisionCatalogue.Default(agencyId);

    /// <summary>LR-2: every reason the case's decision is major, automatic ones first, then people's flags.</summary>
    public async Task<IReadOnlyList<MajorReason>> ReasonsAsync(Case c)
    {
        var catalogue = await CatalogueAsync(c.AgencyId);
        var parties = await cases.PartyKindsAsync(c.Id);
        var proposal = await proposals.GetAsync(c.Id);
        bool heard = await documents.HasAsync(c.Id, HearingRecordType);
        var flags = await db.Set<ReviewFlag>().AsNoTracking().Where(f => f.CaseId == c.Id).ToListAsync();
        return MajorDecisionRules.Reasons(catalogue, new MajorDecisionFacts(c.Category, c.Procedure, parties, proposal, heard, flags));
    }

    public async Task<LegalReviewGate> GateAsync(Case c)
    {
        var reasons = await ReasonsAsync(c);
        if (reasons.Count == 0) return LegalReviewGate.NotRequired;
        var latest = await db.Set<ReviewSubmission>().AsNoTracking().Where(s => s.CaseId == c.Id).OrderByDescending(s => s.Round).FirstOrDefaultAsync();
        ReviewRules.LatestRound? round = null;
        if (latest is not null)
        {
            var opinion = await db.Set<ReviewOpinion>().AsNoTracking().FirstOrDefaultAsync(o => o.SubmissionId == latest.Id);
            round = new ReviewRules.LatestRound(latest.Round, latest.Status, opinion?.Outcome, opinion?.ProposalFingerprint ?? "",
                opinion?.ReviewedByName ?? "", opinion is null ? null : CaseService.ChinaDay(opinion.ReviewedAt), await DueAsync(latest),
                opinion?.LeaderAgrees, opinion?.LeaderOpinion ?? "");
        }
        var proposal = await proposals.GetAsync(c.Id);
        return ReviewRules.Gate(reasons, round, proposal?.Fingerprint(), await LeaderOpinionRequiredAsync(c.AgencyId));
    }

    /// <summary>LR-8: whether the agency's chain has the 分管领导's opinion after the review unit's 同意 (a decision setting, on by default).</summary>
    public Task<bool> LeaderOpinionRequiredAsync(int agencyId) => proposals.LeaderOpinionRequiredAsync(agencyId);

    /// <summary>LR-5: the due date of a submission, from the working-day calendar; none once returned.</summary>
    public async Task<DateOnly?> DueAsync(ReviewSubmission s)
    {
        if (s.Status == SubmissionStatus.Returned) return null;
        var cal = await calendar.GetAsync();
        return ReviewRules.Due(CaseService.ChinaDay(s.SubmittedAt), s.Extended, (d, n) => cal.AddWorkingDays(d, n).Date);
    }

    /// <summary>What the due date says when it was counted through a year whose holiday notice is not loaded; null when none was.</summary>
    public async Task<string?> DueNoteAsync(ReviewSubmission s, DateOnly due)
        => (await calendar.GetAsync()).NoteBetween(CaseService.ChinaDay(s.SubmittedAt), due);
}
