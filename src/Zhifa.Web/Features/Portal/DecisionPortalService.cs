using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Zhifa.Data;
using Zhifa.Data.Publicity;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Calendar;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Publicity;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Portal;

/// <summary>One page of the portal's decision search; Total stops at <see cref="PortalSearchCriteria.CountCap"/> (TotalCapped).</summary>
public sealed record DecisionPage(IReadOnlyList<PublicDecision> Items, int Total, bool TotalCapped, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A version of a decision as the portal lists it: its number, what became of it and when.</summary>
public sealed record DecisionVersionLink(int Version, string Status, string StatusLabel, DateTime? PublishedAt, DateTime? SupersededAt);

/// <summary>A decision's public page: the version asked for, all its public versions, and an ETag of exactly this content.</summary>
public sealed record PublicDecisionView(PublicDecision Decision, int CurrentVersion, bool IsCurrent, IReadOnlyList<DecisionVersionLink> Versions)
{
    public string ETag { get; } = ComputeETag(Decision, CurrentVersion, Versions);

    private static string ComputeETag(PublicDecision d, int current, IReadOnlyList<DecisionVersionLink> versions)
        => "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { d, current, versions }))))[..32] + "\"";
}

public sealed record ErrorReportInput(string? Content, string? Contact, string? Website = null);

/// <summary>What the reporter keeps: the receipt number and the date the owner unit answers by.</summary>
public sealed record ErrorReportReceipt(string ReceiptNumber, int SeriesId, string Title, string Agency, DateOnly DueOn, string? CalendarNote = null);

/// <summary>
/// PUB-10, the public's side of published decisions: search, the decision's pages and versions, and error reports.
/// Everything returned is a <see cref="PublicDecision"/> (the whitelist) or built from one.
/// </summary>
public sealed class DecisionPortalService(AppDbContext db, TimeProvider time, CalendarService calendar, AgencyService agencies, PublicationService publications)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;
    public DateOnly Today => CaseService.ChinaDay(Now);

    private static readonly PublicationStatus[] PortalStatuses =
        [PublicationStatus.Published, PublicationStatus.Superseded, PublicationStatus.Withdrawn, PublicationStatus.Expired];

    public async Task<DecisionPage> SearchAsync(PortalSearchCriteria c)
    {
        var hits = await PortalSearchQuery.RunAsync(db, c, Today);
        return new DecisionPage(await DecisionsAsync(hits.PublicationIds), hits.Total, hits.TotalCapped, c.Page, c.PageSize);
    }

    /// <summary>Every row of the search up to the cap, for the CSV and JSON downloads.</summary>
    public async Task<IReadOnlyList<PublicDecision>> ExportAsync(PortalSearchCriteria c)
    {
        var hits = await PortalSearchQuery.RunAsync(db, c, Today, take: PortalSearchCriteria.MaxRows, skip: 0);
        var all = new List<PublicDecision>(hits.PublicationIds.Count);
        foreach (var chunk in hits.PublicationIds.Chunk(500)) all.AddRange(await DecisionsAsync(chunk));
        return all;
    }

    /// <summary>The whitelist of the given publications, in the given order.</summary>
    private async Task<List<PublicDecision>> DecisionsAsync(IReadOnlyList<int> ids)
    {
        if (ids.Count == 0) return [];
        var rows = await publications.ByIdsAsync(ids);
        var names = await AgencyNamesAsync(rows.Select(r => r.AgencyId));
        var byId = rows.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => PublicDecision.From(byId[id], names.GetValueOrDefault(byId[id].AgencyId, "")))];
    }

    private Task<Dictionary<int, string>> AgencyNamesAsync(IEnumerable<int> agencyIds) => agencies.NamesAsync(agencyIds);

    public Task<List<(int Id, string Name)>> AgenciesAsync() => agencies.AllNamesAsync();

    /// <summary>
    /// The decision's page: the current version, or an older one when asked. Null when the series was never public or
    /// has left the portal (expired). Once withdrawn, every version answers with the withdrawal (IsCurrent tells the
    /// page to point at the series), so no older text outlives the withdrawal.
    /// </summary>
    public async Task<PublicDecisionView?> DetailAsync(int seriesId, int? version = null)
    {
        var versions = (await publications.VersionsAsync(seriesId))
            .Where(x => x.Kind == PublicationKind.Decision && PortalStatuses.Contains(x.Status)).ToList();
        var current = versions.LastOrDefault(v => v.Status is PublicationStatus.Published or PublicationStatus.Withdrawn or PublicationStatus.Expired);
        if (current is null || current.Status == PublicationStatus.Expired) return null;
        if (current.Status == PublicationStatus.Published && !PublicationRules.IsShown(current, Today)) return null;
        var target = current;
        if (version is { } n && n != current.Version)
        {
            var older = versions.FirstOrDefault(v => v.Version == n && v.Status == PublicationStatus.Superseded);
            if (older is null) return null;
            if (current.Status != PublicationStatus.Withdrawn) target = older;
        }
        var agency = (await AgencyNamesAsync([target.AgencyId])).GetValueOrDefault(target.AgencyId, "");
        var links = versions.Where(v => v.Status is PublicationStatus.Published or PublicationStatus.Superseded or PublicationStatus.Withdrawn)
            .Select(v => new DecisionVersionLink(v.Version, v.Status.ToString(), v.Status == PublicationStatus.Published ? T("portal.decisions.current_version") : PublicationRules.Label(v.Status),
                v.PublishedAt, v.SupersededAt)).ToList();
        return new PublicDecisionView(PublicDecision.From(target, agency), current.Version, target.Id == current.Id, links);
    }

    /// <summary>The newest listed decisions, for the feed and the portal's home.</summary>
    public async Task<IReadOnlyList<PublicDecision>> LatestAsync(int count)
        => (await SearchAsync(PortalSearchCriteria.Latest with { PageSize = count })).Items;

    // ---- error reports (PUB-10) ----

    /// <summary>Records a member of the public's report against the decision's current version; it reaches the owner unit.</summary>
    public async Task<ErrorReportReceipt?> ReportErrorAsync(int seriesId, ErrorReportInput input)
    {
        var view = await DetailAsync(seriesId);
        if (view is null) return null;
        PublicationErrorReportRules.ValidateReport(input.Content, input.Contact, input.Website).ThrowIfAny();
        var p = (await publications.VersionsAsync(seriesId)).First(x => x.Version == view.CurrentVersion);
        var report = new PublicationErrorReport
        {
            PublicationId = p.Id, SeriesId = seriesId, AgencyId = p.AgencyId, UnitId = p.UnitId,
            ReceiptNumber = PublicationErrorReportRules.NewReceiptNumber(Today), Content = input.Content!.Trim(), Contact = input.Contact?.Trim() ?? "",
            ReceivedAt = Now, Status = ErrorReportStatus.Pending,
        };
        db.Add(report);
        await db.SaveChangesAsync();
        var (due, note) = await ErrorReportDueAsync(report.ReceivedAt);
        return new ErrorReportReceipt(report.ReceiptNumber, seriesId, view.Decision.Title, view.Decision.Agency, due, note);
    }

    /// <summary>The reply deadline of an error report, and what it says when it counted through a year without a holiday notice.</summary>
    private async Task<(DateOnly Due, string? Note)> ErrorReportDueAsync(DateTime receivedAt)
    {
        var cal = await calendar.GetAsync();
        var received = CaseService.ChinaDay(receivedAt);
        var due = PublicationErrorReportRules.DueOn(cal, received);
        return (due, cal.NoteBetween(received, due));
    }

    /// <summary>The receipt page after the redirect; only the receipt number, title and due date, never the content or contact.</summary>
    public async Task<ErrorReportReceipt?> ReceiptAsync(int seriesId, string receipt)
    {
        var r = await publications.ErrorReportAsync(seriesId, receipt);
        if (r is null) return null;
        var p = (await publications.ByIdsAsync([r.PublicationId])).First();
        var agency = (await AgencyNamesAsync([r.AgencyId])).GetValueOrDefault(r.AgencyId, "");
        var (due, note) = await ErrorReportDueAsync(r.ReceivedAt);
        return new ErrorReportReceipt(r.ReceiptNumber, seriesId, p.Title, agency, due, note);
    }
}
