using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Publicity;

/// <summary>/publicity/policy: an agency's approval chain (PUB-1) and the portal periods of penalties (LAW-10).</summary>
public sealed class PolicyModel(PublicationService svc, Agencies.AgencyService agencies, CurrentUser me) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty] public bool UnitHeadCheck { get; set; }
    [BindProperty] public bool DeputyHeadCheck { get; set; }
    [BindProperty] public int? ShortPeriodMonths { get; set; }
    [BindProperty] public int? LongPeriodMonths { get; set; }
    [BindProperty] public decimal? SmallFineYuan { get; set; }
    public PolicyView Policy { get; private set; } = null!;
    public bool MaySet { get; private set; }
    public List<(int Id, string Name)> Agencies { get; private set; } = [];

    private async Task<bool> LoadAsync()
    {
        var visible = await (await agencies.VisibleAsync()).AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync();
        Agencies = [.. visible.Select(a => (a.Id, a.Name))];
        AgencyId ??= me.AgencyId ?? Agencies.FirstOrDefault().Id;
        if (!Agencies.Any(a => a.Id == AgencyId)) return false;
        Policy = await svc.PolicyViewAsync(AgencyId!.Value);
        MaySet = svc.MaySetPolicy(AgencyId.Value);
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        UnitHeadCheck = Policy.UnitHeadCheck;
        DeputyHeadCheck = Policy.DeputyHeadCheck;
        ShortPeriodMonths = Policy.ShortPeriodMonths;
        LongPeriodMonths = Policy.LongPeriodMonths;
        SmallFineYuan = Policy.SmallFineYuan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!MaySet) return Forbid();
        try
        {
            await svc.SetPolicyAsync(AgencyId!.Value, new PolicyInput(UnitHeadCheck, DeputyHeadCheck, ShortPeriodMonths, LongPeriodMonths, SmallFineYuan));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        StatusMessage = T("publication.policy.saved");
        return RedirectToPage("/Publicity/Policy", new { agencyId = AgencyId });
    }
}
