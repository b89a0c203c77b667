using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Portal;

/// <summary>
/// /gs/decisions: the public search of published decisions (PUB-10) — words (two characters are enough), agency,
/// category, decision dates and fine; newest first, paged; the same query downloads as CSV or JSON. Anonymous.
/// </summary>
[AllowAnonymous]
public sealed class DecisionsModel(DecisionPortalService svc) : PageModel
{
    public DecisionSearchParameters Input { get; private set; } = new(null, null, null, null, null, null, null, null, null);
    public PortalSearchCriteria? Criteria { get; private set; }
    public DecisionPage? Result { get; private set; }
    public List<(int Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input = DecisionSearchParameters.FromQuery(Request.Query);
        Agencies = await svc.AgenciesAsync();
        try
        {
            Criteria = Input.Parse();
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(e.Field, e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Result = await svc.SearchAsync(Criteria);
        Response.GetTypedHeaders().CacheControl = new Microsoft.Net.Http.Headers.CacheControlHeaderValue
        {
            Public = User.Identity?.IsAuthenticated != true, Private = User.Identity?.IsAuthenticated == true, MaxAge = TimeSpan.FromSeconds(DecisionPortalFeature.MaxAgeSeconds),
        };
    }

    public string Error(string field) => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : "";

    public string Invalid(string field) => Error(field).Length > 0 ? "is-invalid" : "";

    public string PageUrl(int page) => Url.Page("/Portal/Decisions") + (Criteria!.ToQueryString(page) is { Length: > 0 } q ? "?" + q : "");

    public string Download(string ext) => $"/gs/decisions/export.{ext}" + (Criteria!.ToQueryString() is { Length: > 0 } q ? "?" + q : "");
}
