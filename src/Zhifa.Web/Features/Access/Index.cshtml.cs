using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Access;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Access;

/// <summary>The register of access requests; the head approves or refuses pending ones here, as the table allows.</summary>
public sealed class IndexModel(AccessRequestService svc) : PageModel
{
    public List<AccessRequestView> Requests { get; private set; } = [];
    /// <summary>The pending requests, each with why the signed-in account may not decide it (empty when it may).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<UnmetCondition>> Decisions { get; private set; } = new Dictionary<int, IReadOnlyList<UnmetCondition>>();
    [BindProperty(SupportsGet = true)] public AccessRequestStatus? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private async Task LoadAsync()
    {
        Requests = await svc.ListAsync(Status);
        Decisions = await svc.DecisionsAsync(Requests.Select(r => r.Id).ToList());
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostDecideAsync(int requestId, bool approve)
    {
        if (await svc.FindAsync(requestId) is not { } r) return NotFound();
        var decided = await svc.DecideAsync(r, new AccessDecisionInput(approve, Note));
        if (decided.Succeeded)
        {
            StatusMessage = T(approve ? "access.index.approved" : "access.index.refused");
            return RedirectToPage("/Access/Index");
        }
        ModelState.AddRefusal(decided, "");
        Response.StatusCode = decided.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        await LoadAsync();
        return Page();
    }
}
