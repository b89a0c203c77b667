using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Retention;
using Zhifa.Domain.Rules;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Retention;

public sealed class IndexModel(RetentionService svc, TimeProvider time) : PageModel
{
    public Case Case { get; private set; } = null!;
    public List<LegalHold> Holds { get; private set; } = [];
    public List<RecordRetentionView> Records { get; private set; } = [];
    /// <summary>Why the user may not place or release holds (the table's Who rules); the forms are shown disabled beside these reasons.</summary>
    public IReadOnlyList<UnmetCondition> HoldForbidden { get; private set; } = [];
    public bool CanHold => HoldForbidden.Count == 0;
    [BindProperty] public HoldReason? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int caseId)
    {
        if (await svc.FindCaseAsync(caseId) is not { } c) return false;
        Case = c;
        Holds = await svc.HoldsAsync(c.Id);
        Records = await svc.RecordsAsync(c, RetentionEndpoints.Today(time));
        HoldForbidden = (await svc.PlaceCheckAsync(c)).Forbidden;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHoldAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        return Answer(caseId, await TryAsync(() => svc.PlaceAsync(Case, new HoldInput(Reason, Note), RetentionEndpoints.Today(time))), "retention.page.placed");
    }

    public async Task<IActionResult> OnPostReleaseAsync(int caseId, int holdId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var hold = await svc.FindHoldAsync(holdId);
        if (hold is null || hold.CaseId != caseId) return NotFound();
        return Answer(caseId, await TryAsync(() => svc.ReleaseAsync(hold, RetentionEndpoints.Today(time))), "retention.page.released");
    }

    private async Task<Outcome<LegalHold>?> TryAsync(Func<Task<Outcome<LegalHold>>> act)
    {
        try
        {
            return await act();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
    }

    /// <summary>Done: back to the page with the message. Refused: the page with the table's reasons (403 may not act, 409 not yet).</summary>
    private IActionResult Answer(int caseId, Outcome<LegalHold>? outcome, string done)
    {
        if (outcome is { Succeeded: true })
        {
            StatusMessage = T(done);
            return RedirectToPage("/Retention/Index", new { caseId });
        }
        if (outcome is not null)
        {
            ModelState.AddRefusal(outcome, "");
            Response.StatusCode = outcome.Forbidden.Count > 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        }
        return Page();
    }
}
