using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zhifa.Web.Features.Discretion;

/// <summary>The penalty matters of the visible agencies and whether each has its benchmark yet (/benchmarks).</summary>
public sealed class IndexModel(BenchmarkService benchmarks) : PageModel
{
    public List<BenchmarkListItem> Items { get; private set; } = [];

    public async Task OnGetAsync(int? agencyId) => Items = await benchmarks.ListAsync(agencyId);
}
