using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Officers;

/// <summary>The officers of the agencies the user may see, with their certificate status today (ORG-2).</summary>
public sealed class IndexModel(OfficerService officers, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public OfficerPage Result { get; private set; } = new([], 0, 1, 50);
    public List<Agency> Agencies { get; private set; } = [];
    public bool CanCreate => me.IsAdministrator;
    public string? FilterError { get; private set; }

    public IEnumerable<Agency> UnitAgencies => AgencyId is { } id ? Agencies.Where(a => a.Id == id) : Agencies;

    public async Task OnGetAsync()
    {
        Agencies = await officers.VisibleAgenciesAsync();
        try
        {
            Result = await officers.ListAsync(new OfficerFilter(AgencyId, UnitId, Status, Q, Math.Max(PageNumber, 1)));
        }
        catch (DomainValidationException ex)
        {
            FilterError = ex.Errors[0].Message;
        }
    }

    public string PageLink(int page)
        => "/officers?" + string.Join("&", new[]
        {
            AgencyId is { } a ? "agencyId=" + OfficerPages.Id(a) : null,
            UnitId is { } u ? "unitId=" + OfficerPages.Id(u) : null,
            string.IsNullOrEmpty(Status) ? null : "status=" + Uri.EscapeDataString(Status),
            string.IsNullOrEmpty(Q) ? null : "q=" + Uri.EscapeDataString(Q),
            "p=" + OfficerPages.Id(page),
        }.Where(x => x is not null));
}
