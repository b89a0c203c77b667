using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Zhifa.Data;
using Zhifa.Domain.Complaints;
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
    CaseService caseService, Matters.MatterService matterService, Decisions.DecisionFactsService decisionFacts, LegalReview.LegalReviewService legalReview,
    Complaints.ComplaintService complaintService)
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
        var agency = await agencies.NameAsync(agencyId) ?? "";

        var cases = await caseService.CategoriesOpenedAsync(agencyId, start, end);
        var (issued, discussions, hearings) = await decisionFacts.YearFiguresAsync(agencyId, start, end);
        var caseMatters = issued.Count == 0 ? [] : await caseService.MatterIdsAsync([.. issued.Select(d => d.CaseId).Distinct()]);
        var matterNames = await matterService.NamesAsync(caseMatters.Values);
        var decisions = issued.Select(d => new { d.Outcome, d.FineYuan, Matter = matterNames[caseMatters[d.CaseId]] }).ToList();
        var reviews = await legalReview.OpinionsGivenAsync(agencyId, start, end);
        var tasks = await DecisionTasks.LoadAsync(db, caseService, matterService, cal, [agencyId], triggeredFrom: new DateOnly(year, 1, 1), triggeredTo: new DateOnly(year, 12, 31));
        var complaints = await complaintService.StatusesReceivedAsync(agencyId, start, end);

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
