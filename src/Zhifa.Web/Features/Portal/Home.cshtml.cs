using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Portal;

/// <summary>/gs: the public portal's home — the newest decisions, the search box and the public services.</summary>
[AllowAnonymous]
public sealed class PortalHomeModel(DecisionPortalService svc) : PageModel
{
    public const int LatestCount = 10;
    public IReadOnlyList<PublicDecision> Latest { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Latest = await svc.LatestAsync(LatestCount);
        Response.GetTypedHeaders().CacheControl = new Microsoft.Net.Http.Headers.CacheControlHeaderValue
        {
            Public = User.Identity?.IsAuthenticated != true, Private = User.Identity?.IsAuthenticated == true, MaxAge = TimeSpan.FromSeconds(DecisionPortalFeature.MaxAgeSeconds),
        };
    }
}
