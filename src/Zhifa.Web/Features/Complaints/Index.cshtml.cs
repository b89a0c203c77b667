using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Complaints;

/// <summary>
/// /complaints: the visible agencies' complaints with their due dates; ?overdue=true lists the overdue ones. An
/// administrator of an agency sets its 办理期限 here.
/// </summary>
public sealed class IndexModel(ComplaintService svc, CurrentUser me) : PageModel
{
    public List<ComplaintRow> Rows { get; private set; } = [];
    public bool OverdueOnly { get; private set; }
    public string? Status { get; private set; }
    public ComplaintPolicyView? Policy { get; private set; }
    [BindProperty] public int? HandlingWorkingDays { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private async Task LoadAsync(string? status, bool? overdue)
    {
        OverdueOnly = overdue == true;
        Status = status;
        Rows = await svc.ListAsync(null, status, OverdueOnly);
        Policy = me.AgencyId is { } a && await me.CanAdminister(a) ? await svc.PolicyAsync(a) : null;
    }

    public Task OnGetAsync(string? status, bool? overdue) => LoadAsync(status, overdue);

    public async Task<IActionResult> OnPostPolicyAsync()
    {
        if (me.AgencyId is not { } a || !await me.CanAdminister(a)) return Forbid();
        try
        {
            await svc.SetPolicyAsync(a, new ComplaintPolicyInput(HandlingWorkingDays));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            await LoadAsync(null, null);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        StatusMessage = T("complaints.index.policy_saved", HandlingWorkingDays);
        return RedirectToPage("/Complaints/Index");
    }
}
