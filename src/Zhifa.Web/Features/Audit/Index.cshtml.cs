using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Audit;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Audit;

public sealed class IndexModel(AppDbContext db, CurrentUser me, AuditVerifier verifier, Zhifa.Web.Features.Agencies.AgencyService agencies) : PageModel
{
    public List<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<int, string> Agencies { get; private set; } = [];
    public bool CanVerify => me.IsDeploymentAdministrator;
    public AuditVerifier.Result? Verification { get; private set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!AuditEndpoints.MayRead(me)) return Forbid();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (!CanVerify) return Forbid();
        Verification = await verifier.VerifyAsync();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var q = (await AuditEndpoints.VisibleAsync(db, me)).AsNoTracking();
        if (Before is { } b) q = q.Where(e => e.Sequence < b);
        Entries = await q.OrderByDescending(e => e.Sequence).Take(100).ToListAsync();
        Agencies = await agencies.ShortNamesAsync();
    }
}
