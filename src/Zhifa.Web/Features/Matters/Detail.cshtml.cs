using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Matters;

/// <summary>One matter with the full text of its legal bases; a POST here deletes it (administrators).</summary>
public sealed class DetailModel(MatterService matters, CurrentUser me, IMatterBenchmarks benchmarks) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public Domain.Discretion.DiscretionBenchmark? Benchmark { get; private set; }
    public MatterDto Matter { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int matterId)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return NotFound();
        Matter = await matters.ToDtoAsync(m);
        AgencyName = (await matters.VisibleAgenciesAsync()).FirstOrDefault(a => a.Id == m.AgencyId)?.Name ?? "";
        CanEdit = await me.CanAdminister(m.AgencyId);
        Benchmark = await benchmarks.FindAsync(matterId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int matterId)
    {
        var m = await matters.FindVisibleAsync(matterId);
        if (m is null) return NotFound();
        if (!await me.CanAdminister(m.AgencyId)) return Forbid();
        await matters.DeleteAsync(m);
        StatusMessage = UiText.T("matters.deleted", m.Name);
        return RedirectToPage("/Matters/Index", new { agencyId = MatterPages.Id(m.AgencyId) });
    }
}
