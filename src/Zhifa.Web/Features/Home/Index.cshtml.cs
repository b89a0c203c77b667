using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Agencies;
using Zhifa.Web.Features.Officers;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Home;

/// <summary>
/// The workbench (ORG-5): for the user's agency, or one chosen among the visible ones, officers by certificate status,
/// certificates running out within 30 days and the legal-reviewer ratio against its 5% floor.
/// </summary>
public sealed class IndexModel(OfficerService officers, CurrentUser me) : PageModel
{
    public List<Agency> Agencies { get; private set; } = [];
    public DashboardDto? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? agencyId)
    {
        Agencies = await officers.VisibleAgenciesAsync();
        var chosen = agencyId ?? me.AgencyId;
        // The deployment administrator belongs to no agency and picks one from the list.
        if (chosen is null) return Page();
        if (!await me.CanSee(chosen) || Agencies.All(a => a.Id != chosen)) return NotFound();
        Dashboard = await officers.DashboardAsync(chosen.Value);
        return Dashboard is null ? NotFound() : Page();
    }
}
