using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Agencies;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Agencies;

public sealed class IndexModel(AgencyService agencies, CurrentUser me) : PageModel
{
    public List<(Agency Agency, int Depth)> Rows { get; } = [];
    public bool CanCreate => me.IsAdministrator;

    public async Task OnGetAsync()
    {
        var all = await (await agencies.VisibleAsync()).OrderBy(a => a.Id).ToListAsync();
        var ids = all.Select(a => a.Id).ToHashSet();
        // Shown as a tree: each visible agency under its parent, roots being those whose parent is out of sight.
        void Walk(int? parent, int depth)
        {
            foreach (var a in all.Where(x => x.ParentId == parent || (depth == 0 && parent is null && x.ParentId is { } p && !ids.Contains(p))))
            {
                Rows.Add((a, depth));
                Walk(a.Id, depth + 1);
            }
        }
        Walk(null, 0);
    }
}
