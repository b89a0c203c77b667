using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Supervision;

public sealed class IndexModel(SupervisionService svc, CurrentUser me) : PageModel
{
    public List<ViolationRow> Rows { get; private set; } = [];
    public List<ViolationCount> Counts { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!SupervisionService.MayView(me)) return Forbid();
        if (AgencyId is not null && !await me.CanSee(AgencyId)) return NotFound();
        Rows = await svc.ViolationsAsync(AgencyId);
        Counts = SupervisionService.Summarise(Rows);
        return Page();
    }
}
