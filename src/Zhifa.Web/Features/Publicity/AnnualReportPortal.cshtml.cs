using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Publicity;

namespace Zhifa.Web.Features.Publicity;

/// <summary>PUB-8 / PUB-10: the published annual report on the portal, anonymous; only the released figures are shown.</summary>
[AllowAnonymous]
public sealed class AnnualReportPortalModel(AnnualReportService reports) : PageModel
{
    public AnnualReportFigures? Figures { get; private set; }
    public int AgencyId { get; private set; }
    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(int agencyId, int year)
    {
        (AgencyId, Year) = (agencyId, year);
        Figures = await reports.PublishedFiguresAsync(agencyId, year);
        return Figures is null ? NotFound() : Page();
    }
}
