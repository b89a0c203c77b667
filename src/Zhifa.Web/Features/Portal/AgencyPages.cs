using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Publicity;

namespace Zhifa.Web.Features.Portal;

/// <summary>/gs/agencies: every agency of the deployment with the lists it has published (PUB-10). Anonymous, cacheable.</summary>
[AllowAnonymous]
public sealed class AgencyPageListModel(PreDisclosureService svc) : PageModel
{
    public List<PublicAgencyView> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Agencies = await svc.PublicAgenciesAsync();
        PreDisclosureEndpoints.Cache(HttpContext);
    }
}

/// <summary>/gs/agencies/{agencyId}: an agency's public page — units, contact, published lists, certificate check, complaints.</summary>
[AllowAnonymous]
public sealed class AgencyPageModel(PreDisclosureService svc) : PageModel
{
    public PublicAgencyView Agency { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int agencyId)
    {
        if (await svc.PublicAgencyAsync(agencyId) is not { } a) return NotFound();
        Agency = a;
        PreDisclosureEndpoints.Cache(HttpContext);
        return Page();
    }
}

/// <summary>
/// /gs/agencies/{agencyId}/lists/{listKey} (the version in force) and …/v/{version} (any version once published, a
/// superseded one marked as such). A draft or a version in the chain is never found here.
/// </summary>
[AllowAnonymous]
public sealed class PreDisclosurePublicModel(PreDisclosureService svc) : PageModel
{
    public PublicListView List { get; private set; } = null!;
    public ListContentModel Rendered { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int agencyId, string listKey, int? version)
    {
        if (!PreDisclosureLists.IsKnown(listKey) || await svc.PublicListAsync(agencyId, listKey, version) is not { } l) return NotFound();
        List = l;
        Rendered = new ListContentModel(l.Content, s => s.Flowchart is null ? null : PreDisclosureService.FlowchartUrl(agencyId, listKey, l.Version, s.Key));
        PreDisclosureEndpoints.Cache(HttpContext);
        return Page();
    }
}
