using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Complaints;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.LegalReview;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Cases;

namespace Zhifa.Web.Features.Publicity;

/// <summary>
/// Gathers one agency's year from the data into the plain inputs of AnnualReportRules (PUB-8, SUP-3): counts only,
/// no party ever named. Also serialises the figures, which are what a report version stores and publishes.
/// </summary>
public sealed class AnnualReportFiguresQuery(AppDbContext db, CalendarService calendar, TimeProvider time, AgencyService agencies,
    CaseService caseService, Matters.MatterService matterService)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(AnnualReportFigures f) => JsonSerializer.Serialize(f, Json);

    public static AnnualReportFigures? Deserialize(string body) => body.Length == 0 ? null : JsonSerializer.Deserialize<AnnualReportFigures>(body, Json);

    public static string Digest(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>The UTC instants at which the China year begins and ends.</summary>
    private static (DateTime From, DateTime To) Bounds(int year)
        => (new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8));

    public async Task<AnnualReportFigures> ComputeAsync(int agencyId, int year)
    {
        var (start, end) = Bounds(year);
        var today = CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);
        var cal = await calendar.GetAsync();
        var agency = await agencies.NameAsync(agencyId);

        var cases = await db.Cases.AsNoTracking().Where(c => c.AgencyId == agencyId && c.OpenedAt >= start && c.OpenedAt < end)
            .Select(c => c.Category).ToListAsync();
        var decisions = await (from d in db.Set<Decision>().AsNoTracking()
                               where d.AgencyId == agencyId && d.IssuedAt >= start && d.IssuedAt < end
                               join c in db.Cases on d.CaseId equals c.Id
                               join m in db.Matters on c.MatterId equals m.Id
                               select new { d.Outcome, d.FineYuan, Matter = m.Name }).ToListAsync();
        var reviews = await (from o in db.Set<ReviewOpinion>().AsNoTracking()
                             where o.AgencyId == agencyId && o.ReviewedAt >= start && o.ReviewedAt < end
                             join s in db.Set<ReviewSubmission>() on o.SubmissionId equals s.Id
                             select new { o.Outcome, s.SubmittedAt, o.ReviewedAt }).ToListAsync();
        int discussions = await db.Set<CollectiveDiscussion>().CountAsync(d => d.AgencyId == agencyId && d.HeldAt >= start && d.HeldAt < end);
        int hearings = await db.Set<Hearing>().CountAsync(h => h.AgencyId == agencyId && h.HeldAt != null && h.HeldAt >= start && h.HeldAt < end);
        var tasks = await DecisionTasks.LoadAsync(db, caseService, matterService, cal, [agencyId], triggeredFrom: new DateOnly(year, 1, 1), triggeredTo: new DateOnly(year, 12, 31));
        var complaints = await db.Set<Complaint>().AsNoTracking().Where(c => c.AgencyId == agencyId && c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => c.Status).ToListAsync();

        return AnnualReportRules.Compute(new AnnualReportInput(
            year, agencyId, agency, cases,
            [.. decisions.Select(d => d.Outcome)],
            [.. decisions.Where(d => d.FineYuan is > 0).Select(d => (d.Matter, d.FineYuan!.Value))],
            [.. reviews.Select(r => new ReportReview(r.Outcome, cal.CountWorkingDays(CaseService.ChinaDay(r.SubmittedAt), CaseService.ChinaDay(r.ReviewedAt))))],
            discussions, hearings,
            [.. tasks.Select(t => new ReportPublication(t.LegalStatus, t.Timeliness(today)))],
            [.. complaints.Select(s => s is ComplaintStatus.Replied or ComplaintStatus.CaseOpened or ComplaintStatus.Rejected)]));
    }
}
