using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Portal;

/// <summary>
/// /gs/decisions/{seriesId} (the current version, the stable address) and /gs/decisions/{seriesId}/v/{version} (an
/// older one): the public whitelist, the legal status, the versions and the 报告错误 link. A withdrawn decision shows
/// its reason only. Cached briefly, with an ETag.
/// </summary>
[AllowAnonymous]
public sealed class DecisionDetailModel(DecisionPortalService svc) : PageModel
{
    public PublicDecisionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int seriesId, int? version)
    {
        if (await svc.DetailAsync(seriesId, version) is not { } view) return NotFound();
        // Once withdrawn, an older version's address leads to the withdrawal notice at the stable address.
        if (version is { } v && v != view.CurrentVersion && view.IsCurrent) return RedirectToPage("/Portal/DecisionDetail", new { seriesId });
        View = view;
        if (DecisionPortalFeature.NotModified(HttpContext, view.ETag)) return StatusCode(StatusCodes.Status304NotModified);
        return Page();
    }
}
