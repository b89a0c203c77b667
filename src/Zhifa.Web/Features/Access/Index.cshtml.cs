using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Access;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;

namespace Zhifa.Web.Features.Access;

/// <summary>The register of access requests; the head approves or refuses pending ones here.</summary>
public sealed class IndexModel(AccessRequestService svc, CurrentUser me) : PageModel
{
    public List<AccessRequestView> Requests { get; private set; } = [];
    public bool CanDecide => AccessRequestService.MayDecide(me);
    [BindProperty(SupportsGet = true)] public AccessRequestStatus? Status { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync() => Requests = await svc.ListAsync(Status);

    public async Task<IActionResult> OnPostDecideAsync(int requestId, bool approve)
    {
        var r = await svc.FindAsync(requestId);
        if (r is null) return NotFound();
        if (!CanDecide) return Forbid();
        try
        {
            await svc.DecideAsync(r, approve, Note);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Requests = await svc.ListAsync(Status);
            return Page();
        }
        TempData["StatusMessage"] = approve ? "已批准调阅申请" : "已不予批准";
        return Redirect("/access-requests");
    }
}
