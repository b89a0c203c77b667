using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Publicity;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>Where one list of an agency stands: its published version, whether the data moved on since, and its open version.</summary>
public sealed record ListStateView(string ListKey, string Title, int? SeriesId, int? PublishedId, int? PublishedVersion, DateTime? PublishedAt,
    bool Stale, int? OpenId, int? OpenVersion, string? OpenStatus, string? OpenStatusLabel, string PublicUrl);

/// <summary>One version of a list for the staff: its content, what it changes against the published one, and its chain.</summary>
public sealed record ListVersionView(int Id, int SeriesId, int AgencyId, string ListKey, string Title, int Version, string Status, string StatusLabel,
    DateTime CreatedAt, string CreatedBy, DateTime? SubmittedAt, DateTime? PublishedAt, DateTime? SupersededAt, string SourceDigest,
    ListContent? Content, int? ComparedWithVersion, IReadOnlyList<RowChange> Changes, ChainView Chain, IReadOnlyList<ApprovalView> Approvals);

public sealed record PublicListLink(string ListKey, string Title, int Version, DateTime PublishedAt, string Url);
public sealed record PublicAgencyView(int Id, string Name, string Type, string Address, string Contact, string? Parent,
    IReadOnlyList<string> Units, IReadOnlyList<PublicListLink> Lists, string CertificatesUrl, string ComplaintsUrl);
public sealed record PublicVersionLink(int Version, string StatusLabel, DateTime PublishedAt, DateTime? SupersededAt, string Url);
public sealed record PublicListView(int AgencyId, string Agency, string ListKey, string Title, int Version, string Status, string StatusLabel,
    DateTime PublishedAt, DateTime? SupersededAt, bool Current, ListContent Content, IReadOnlyList<PublicVersionLink> Versions);

/// <summary>Reads the platform's data an agency's lists are generated from and builds them (PUB-2). No user, no scope: callers check.</summary>
public sealed class PreDisclosureSourceLoader(TimeProvider time, Agencies.AgencyService agencies, Officers.OfficerService officerService,
    Matters.MatterService matterService, Discretion.BenchmarkService benchmarkService)
{
    public async Task<PreDisclosureSource?> LoadAsync(int agencyId)
    {
        var agency = await agencies.FindWithUnitsAsync(agencyId);
        if (agency is null) return null;
        var parent = agency.ParentId is { } pid ? await agencies.FindWithUnitsAsync(pid) : null;
        var officers = await officerService.OfAgencyWithCertificatesAsync(agencyId);
        var matters = await matterService.OfAgencyWithBasesAsync(agencyId);
        var benchmarks = await benchmarkService.OfAgencyAsync(agencyId);
        return new PreDisclosureSource(agency, parent, officers, matters, benchmarks, CaseService.ChinaDay(time.GetUtcNow().UtcDateTime));
    }

    public async Task<ListContent?> BuildAsync(int agencyId, string listKey)
        => await LoadAsync(agencyId) is { } s ? PreDisclosureBuilder.Build(listKey, s) : null;
}

/// <summary>
/// A list enters the chain with content (a rule of <see cref="PublicationLifecycle"/>); it is stale when its data's
/// digest no longer matches (动态调整).
/// </summary>
public sealed class PreDisclosureKind(PreDisclosureSourceLoader loader) : IPublicationKind
{
    public PublicationKind Kind => PublicationKind.PreDisclosure;

    public Task<IReadOnlyList<ValidationError>> ReadinessAsync(Publication p) => Task.FromResult<IReadOnlyList<ValidationError>>([]);

    public async Task<bool> IsStaleAsync(Publication published)
        => await loader.BuildAsync(published.AgencyId, published.ListKey) is { } now && now.Digest() != published.SourceDigest;
}

/// <summary>
/// PUB-2 事前公开: an agency's lists generated from its own data into versioned publications, each new version passing the
/// chain with the legality review (合法性审核) before it replaces the published one; and what the portal shows of them.
/// </summary>
public sealed class PreDisclosureService(AppDbContext db, CurrentUser me, PublicationService publications, PreDisclosureSourceLoader loader,
    Agencies.AgencyService agencies)
{
    public static string PublicListUrl(int agencyId, string listKey) => $"/gs/agencies/{agencyId}/lists/{listKey}";
    public static string PublicVersionUrl(int agencyId, string listKey, int version) => $"{PublicListUrl(agencyId, listKey)}/v/{version}";
    public static string FlowchartUrl(int agencyId, string listKey, int version, string chart) => $"{PublicVersionUrl(agencyId, listKey, version)}/flowcharts/{chart}.svg";

    private static bool IsShown(PublicationStatus s) => s is PublicationStatus.Published or PublicationStatus.Superseded;

    private IQueryable<Publication> Lists(int agencyId) => db.Set<Publication>().Where(p => p.AgencyId == agencyId && p.Kind == PublicationKind.PreDisclosure);

    // ---- staff ----

    /// <summary>What the table of a list's versions reads: its latest version's state, the published one, and whether the data moved on.</summary>
    private static PreDisclosureFacts Facts(int agencyId, IReadOnlyList<Publication> versions, string digest)
    {
        var published = versions.LastOrDefault(v => v.Status == PublicationStatus.Published);
        return new PreDisclosureFacts
        {
            AgencyId = agencyId,
            State = versions.Count == 0 ? PreDisclosureLifecycle.None : versions[^1].Status.ToString(),
            LatestVersion = versions.Count == 0 ? 0 : versions[^1].Version,
            PublishedVersion = published?.Version,
            DataChanged = published is null || published.SourceDigest != digest,
        };
    }

    /// <summary>For each list of the agency: may the signed-in user generate its next version now, and if not, why (for the pages' buttons).</summary>
    public async Task<IReadOnlyDictionary<string, MoveCheck>> GenerateChecksAsync(int agencyId)
    {
        var rows = await Lists(agencyId).AsNoTracking().ToListAsync();
        var source = await loader.LoadAsync(agencyId);
        var actor = await me.ActorAsync();
        return PreDisclosureLists.All.ToDictionary(key => key, key => PreDisclosureLifecycle.CheckGenerate(
            Facts(agencyId, [.. rows.Where(r => r.ListKey == key).OrderBy(r => r.Version)], source is null ? "" : PreDisclosureBuilder.Build(key, source).Digest()), actor));
    }

    public async Task<List<ListStateView>> OverviewAsync(int agencyId)
    {
        var rows = await Lists(agencyId).AsNoTracking().ToListAsync();
        var source = await loader.LoadAsync(agencyId);
        var result = new List<ListStateView>();
        foreach (var key in PreDisclosureLists.All)
        {
            var versions = rows.Where(r => r.ListKey == key).OrderBy(r => r.Version).ToList();
            var published = versions.LastOrDefault(v => v.Status == PublicationStatus.Published);
            var open = versions.LastOrDefault(v => PublicationRules.IsOpen(v.Status));
            bool stale = published is not null && source is not null && PreDisclosureBuilder.Build(key, source).Digest() != published.SourceDigest;
            result.Add(new ListStateView(key, PreDisclosureLists.Title(key), versions.FirstOrDefault()?.SeriesId, published?.Id, published?.Version,
                published?.PublishedAt, stale, open?.Id, open?.Version, open?.Status.ToString(), open is null ? null : PublicationRules.Label(open.Status),
                PublicListUrl(agencyId, key)));
        }
        return result;
    }

    public async Task<List<Publication>> VersionsAsync(int agencyId, string listKey)
        => await Lists(agencyId).AsNoTracking().Where(p => p.ListKey == listKey).OrderBy(p => p.Version).ToListAsync();

    public async Task<Publication?> FindVersionAsync(int agencyId, string listKey, int version)
    {
        var id = await Lists(agencyId).Where(p => p.ListKey == listKey && p.Version == version).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        return id is { } i ? await publications.FindVisibleAsync(i) : null;
    }

    /// <summary>
    /// Generates the list from today's data: the first version, or the next one after the published (or refreshes the
    /// draft not yet submitted). Refused while a version is in the chain, and when nothing changed since the published one.
    /// </summary>
    public async Task<Outcome<Publication>> GenerateAsync(int agencyId, string listKey)
    {
        if (!PreDisclosureLists.IsKnown(listKey)) throw new DomainValidationException("listKey", "unknown", Messages.Get("predisclosure.list_unknown"));
        var content = await loader.BuildAsync(agencyId, listKey) ?? throw new DomainValidationException("agencyId", "not_found", T("publication.agency_missing"));
        var digest = content.Digest();
        var versions = await VersionsAsync(agencyId, listKey);
        var check = PreDisclosureLifecycle.CheckGenerate(Facts(agencyId, versions, digest), await me.ActorAsync());
        if (!check.IsAllowed) return Outcome<Publication>.Refused(check);
        void Fill(Publication target)
        {
            target.Title = content.Title;
            target.Body = content.ToJson();
            target.SourceDigest = digest;
            target.TriggeredOn = publications.Today;
        }
        if (versions.Count == 0)
        {
            var first = new Publication { Kind = PublicationKind.PreDisclosure, AgencyId = agencyId, ListKey = listKey };
            Fill(first);
            return Outcome<Publication>.Done(await publications.AddFirstVersionAsync(first));
        }
        var last = versions[^1];
        if (last.Status == PublicationStatus.Draft)
        {
            var draft = (await publications.FindVisibleAsync(last.Id))!;
            Fill(draft);
            await db.SaveChangesAsync();
            return Outcome<Publication>.Done(draft);
        }
        return await publications.NewVersionAsync(last, next =>
        {
            Fill(next);
            return Task.CompletedTask;
        });
    }

    public async Task<ListVersionView> ViewAsync(Publication p)
    {
        var content = ListContent.FromJson(p.Body);
        Publication? compared = null;
        if (PublicationRules.IsOpen(p.Status))
            compared = await Lists(p.AgencyId).AsNoTracking().Where(x => x.SeriesId == p.SeriesId && x.Status == PublicationStatus.Published).FirstOrDefaultAsync();
        else if (p.Version > 1)
            compared = await Lists(p.AgencyId).AsNoTracking().Where(x => x.SeriesId == p.SeriesId && x.Version < p.Version && x.PublishedAt != null)
                .OrderByDescending(x => x.Version).FirstOrDefaultAsync();
        var changes = content is null ? [] : PreDisclosureDiff.Compare(ListContent.FromJson(compared?.Body), content);
        return new ListVersionView(p.Id, p.SeriesId, p.AgencyId, p.ListKey, p.Title, p.Version, p.Status.ToString(), PublicationRules.Label(p.Status),
            p.CreatedAt, p.CreatedBy, p.SubmittedAt, p.PublishedAt, p.SupersededAt, p.SourceDigest, content, compared?.Version, changes,
            await publications.ChainAsync(p), PublicationService.Approvals(p));
    }

    // ---- the portal: only Published and Superseded versions, never a draft ----

    public async Task<List<PublicAgencyView>> PublicAgenciesAsync()
    {
        var list = new List<PublicAgencyView>();
        foreach (var (id, _) in await agencies.AllNamesAsync()) list.Add((await PublicAgencyAsync(id))!);
        return list;
    }

    public async Task<PublicAgencyView?> PublicAgencyAsync(int agencyId)
    {
        var a = await agencies.FindWithUnitsAsync(agencyId);
        if (a is null) return null;
        var parent = a.ParentId is { } pid ? (await agencies.FindWithUnitsAsync(pid))?.Name : null;
        var published = await Lists(agencyId).AsNoTracking().Where(p => p.Status == PublicationStatus.Published)
            .Select(p => new { p.ListKey, p.Title, p.Version, p.PublishedAt }).ToListAsync();
        var links = published.Where(p => PreDisclosureLists.IsKnown(p.ListKey)).OrderBy(p => PreDisclosureLists.All.ToList().IndexOf(p.ListKey))
            .Select(p => new PublicListLink(p.ListKey, p.Title, p.Version, p.PublishedAt!.Value, PublicListUrl(agencyId, p.ListKey))).ToList();
        return new PublicAgencyView(a.Id, a.Name, PreDisclosureBuilder.TypeLabel(a.Type), a.Address, a.Contact, parent,
            [.. a.Units.OrderBy(u => u.Id).Select(u => u.Name)], links, PreDisclosureBuilder.CertificatesPath, PreDisclosureBuilder.ComplaintsPath);
    }

    /// <summary>The published version of a list (<paramref name="version"/> null) or a named version that was published.</summary>
    public async Task<PublicListView?> PublicListAsync(int agencyId, string listKey, int? version)
    {
        var shown = await Lists(agencyId).AsNoTracking()
            .Where(p => p.ListKey == listKey && (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Superseded))
            .OrderBy(p => p.Version).ToListAsync();
        var p = version is { } v ? shown.FirstOrDefault(x => x.Version == v) : shown.LastOrDefault(x => x.Status == PublicationStatus.Published);
        if (p is null || !IsShown(p.Status) || ListContent.FromJson(p.Body) is not { } content) return null;
        var agency = (await agencies.FindWithUnitsAsync(agencyId))!.Name;
        var versions = shown.OrderByDescending(x => x.Version).Select(x => new PublicVersionLink(x.Version, PublicationRules.Label(x.Status), x.PublishedAt!.Value,
            x.SupersededAt, PublicVersionUrl(agencyId, listKey, x.Version))).ToList();
        return new PublicListView(agencyId, agency, p.ListKey, p.Title, p.Version, p.Status.ToString(), PublicationRules.Label(p.Status), p.PublishedAt!.Value,
            p.SupersededAt, p.Status == PublicationStatus.Published, content, versions);
    }

    /// <summary>The flowchart picture of a published (or superseded) procedure list, by its path key; null when there is none.</summary>
    public async Task<string?> PublicFlowchartAsync(int agencyId, string listKey, int version, string chart)
        => (await PublicListAsync(agencyId, listKey, version))?.Content.Sections.FirstOrDefault(s => s.Key == chart)?.Flowchart;
}
