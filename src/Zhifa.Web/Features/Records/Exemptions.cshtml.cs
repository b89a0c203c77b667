using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Records;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Records;

public sealed class ExemptionsModel(RecordingExemptionService svc, Cases.CaseService cases, CurrentUser me) : PageModel
{
    public Case Case { get; private set; } = null!;
    public List<ExemptionView> Items { get; private set; } = [];
    public bool CanRequest { get; private set; }
    public bool CanDecide => RecordingExemptionService.MayDecide(me);
    [BindProperty] public string? Step { get; set; }
    [BindProperty] public ExemptionReason? Reason { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(int caseId)
    {
        var c = await svc.FindCaseAsync(caseId);
        if (c is null) return false;
        Case = c;
        Items = await svc.ListAsync(c.Id);
        CanRequest = await cases.MayChangeAsync(c);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!CanRequest) return Forbid();
        return await ActAsync(caseId, () => svc.CreateAsync(Case, new ExemptionInput(Step, Reason, Explanation)), T("records.done.exemption_requested"));
    }

    public async Task<IActionResult> OnPostDecideAsync(int caseId, int exemptionId, bool approve)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var x = await svc.FindAsync(exemptionId);
        if (x is null || x.CaseId != caseId) return NotFound();
        if (!CanDecide) return Forbid();
        return await ActAsync(caseId, () => svc.DecideAsync(x, approve, Note), approve ? T("records.done.exemption_approved") : T("records.done.exemption_rejected"));
    }

    private async Task<IActionResult> ActAsync(int caseId, Func<Task> act, string done)
    {
        try
        {
            await act();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
            return Page();
        }
        StatusMessage = done;
        return RedirectToPage("/Records/Exemptions", new { caseId });
    }
}
