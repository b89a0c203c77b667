using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Agencies;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>Where an agency's report of a year stands, with the figures to show (the version's, or a preview from the data).</summary>
public sealed record AnnualReportView(int AgencyId, string Agency, int Year, int? PublicationId, int? SeriesId, int? Version, string? Status, string? StatusLabel,
    bool FiguresGenerated, bool YearFinished, DateOnly DueOn, bool Overdue, DateTime? PublishedAt, string? PortalUrl, AnnualReportFigures Figures);

/// <summary>
/// PUB-8 统计年报: the agency's report of a year is a Publication of kind AnnualReport (ListKey = the year) whose body is
/// the figures. Generating fills the draft (a new version after release: a correction); it then passes the agency's
/// approval chain like any publication and is published on the portal at /gs/agencies/{agencyId}/reports/{year}.
/// </summary>
public sealed class AnnualReportService(AppDbContext db, CurrentUser me, PublicationService publications, AnnualReportFiguresQuery figures, AgencyService agencies)
{
    public static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string PortalUrl(int agencyId, int year) => $"/gs/agencies/{agencyId}/reports/{year}";

    public void CheckYear(int year) => AnnualReportRules.ValidateYear(year, publications.Today).ThrowIfAny();

    /// <summary>The latest version of the agency's report of the year, if any.</summary>
    public async Task<Publication?> LatestAsync(int agencyId, int year)
    {
        var key = Key(year);
        return await db.Set<Publication>().Include(p => p.Approvals)
            .Where(p => p.AgencyId == agencyId && p.Kind == PublicationKind.AnnualReport && p.ListKey == key)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync();
    }

    /// <summary>The version the public reads: the latest published one.</summary>
    public async Task<Publication?> PublishedAsync(int agencyId, int year)
    {
        var key = Key(year);
        return await db.Set<Publication>().AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.Kind == PublicationKind.AnnualReport && p.ListKey == key && p.Status == PublicationStatus.Published)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync();
    }

    public Task<bool> AgencyExistsAsync(int agencyId) => agencies.ExistsAsync(agencyId);

    /// <summary>The figures of the published version, or null when the year has no published report.</summary>
    public async Task<AnnualReportFigures?> PublishedFiguresAsync(int agencyId, int year)
        => await PublishedAsync(agencyId, year) is { } p ? AnnualReportFiguresQuery.Deserialize(p.Body) : null;

    public async Task<AnnualReportView> ViewAsync(int agencyId, int year)
    {
        var latest = await LatestAsync(agencyId, year);
        var agency = await agencies.NameAsync(agencyId) ?? "";
        var stored = latest is null ? null : AnnualReportFiguresQuery.Deserialize(latest.Body);
        var shown = stored ?? await figures.ComputeAsync(agencyId, year);
        var today = publications.Today;
        bool published = await PublishedAsync(agencyId, year) is not null || latest?.Status is PublicationStatus.Superseded;
        var due = AnnualReportRules.DueOn(year);
        return new AnnualReportView(agencyId, agency, year, latest?.Id, latest?.SeriesId, latest?.Version, latest?.Status.ToString(),
            latest is null ? null : PublicationRules.Label(latest.Status), stored is not null, AnnualReportRules.IsYearFinished(year, today),
            due, !published && today > due, latest?.PublishedAt, published ? PortalUrl(agencyId, year) : null, shown);
    }

    /// <summary>Who may generate: the agency's own publicity officer or the owner unit's staff, as for any publication.</summary>
    public string? WhyNotGenerate(int agencyId)
    {
        if (me.AgencyId != agencyId) return T("publicity.annual.error.other_agency");
        if (!PublicationRules.PreparerRoles.Any(me.IsInRole)) return T("publicity.annual.error.not_preparer");
        return null;
    }

    /// <summary>
    /// Generates the figures from the data into the draft: the first version, the open draft (refreshed), or — once a
    /// version is published — a new version (a correction). A version in the approval chain is not changed under its approvers.
    /// </summary>
    public async Task<Publication> GenerateAsync(int agencyId, int year)
    {
        CheckYear(year);
        var latest = await LatestAsync(agencyId, year);
        if (latest?.Status == PublicationStatus.Approving)
            throw new DomainValidationException("status", "approving", T("publicity.annual.error.approving", latest.Version));
        var f = await figures.ComputeAsync(agencyId, year);
        var body = AnnualReportFiguresQuery.Serialize(f);
        Publication draft;
        if (latest is null)
        {
            draft = await publications.AddFirstVersionAsync(new Publication
            {
                Kind = PublicationKind.AnnualReport, AgencyId = agencyId, ListKey = Key(year), TriggeredOn = new DateOnly(year, 12, 31),
                Title = T("publicity.annual.report_title", f.Agency, year),
            });
        }
        else if (latest.Status == PublicationStatus.Draft) draft = latest;
        else draft = await publications.NewVersionAsync(latest);
        draft.Title = T("publicity.annual.report_title", f.Agency, year);
        draft.Body = body;
        draft.SourceDigest = AnnualReportFiguresQuery.Digest(body);
        await db.SaveChangesAsync();
        return draft;
    }

    public static string FileName(AnnualReportFigures f, string extension) => T("publicity.annual.file_name", f.Agency, f.Year, extension);
}

/// <summary>
/// The annual report's part of the chain: it may be submitted once its figures were generated for a finished year; a
/// published report is stale when the data of its year now gives other figures (a late correction, a reply since).
/// </summary>
public sealed class AnnualReportKind(AnnualReportFiguresQuery figures, TimeProvider time) : IPublicationKind
{
    public PublicationKind Kind => PublicationKind.AnnualReport;

    public Task<IReadOnlyList<ValidationError>> ReadinessAsync(Publication p)
    {
        var errors = new ValidationErrors();
        if (p.Body.Length == 0 || AnnualReportFiguresQuery.Deserialize(p.Body) is null) errors.Add("figures", "not_generated", T("publicity.annual.error.not_generated"));
        var today = Cases.CaseService.ChinaDay(time.GetUtcNow().UtcDateTime);
        if (!int.TryParse(p.ListKey, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !AnnualReportRules.IsYearFinished(year, today))
            errors.Add("year", "not_finished", T("publicity.annual.error.year_running", p.ListKey));
        return Task.FromResult<IReadOnlyList<ValidationError>>(errors.Items);
    }

    public async Task<bool> IsStaleAsync(Publication published)
    {
        if (!int.TryParse(published.ListKey, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        var now = AnnualReportFiguresQuery.Serialize(await figures.ComputeAsync(published.AgencyId, year));
        return AnnualReportFiguresQuery.Digest(now) != published.SourceDigest;
    }
}
