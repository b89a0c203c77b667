using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

/// <summary>One case (/cases/{caseId}): number, matter, parties, officers and their certificates on the opening day, steps; adding a party.</summary>
public sealed class DetailModel(CaseService cases, CaseStepService steps, CaseDeadlineService deadlines,
    SeizureExtensionService seizures, EvidencePreservationService preservations) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public List<DeadlineView> Deadlines { get; private set; } = [];
    /// <summary>Coercion cases: the seizure's term and its extension (LAW-8 art. 25).</summary>
    public SeizureSection? Seizure { get; private set; }
    /// <summary>Penalty cases: 先行登记保存 (LAW-5 art. 56).</summary>
    public PreservationSection? Preservations { get; private set; }
    public CaseDto Case { get; private set; } = null!;
    public List<NextStepView> NextSteps { get; private set; } = [];
    [BindProperty] public StepMoveInput Move { get; set; } = new(null, null, null);
    public bool CanChange { get; private set; }
    [BindProperty] public PartyInput Party { get; set; } = new();
    [BindProperty] public int? OfficerId { get; set; }
    /// <summary>The agency's active officers, for assigning one more to the case (e.g. after a recusal).</summary>
    public List<Domain.Officers.Officer> AgencyOfficers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        await LoadAsync(c);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        try
        {
            var moved = await steps.MoveAsync(c, Move);
            if (moved.Succeeded)
            {
                StatusMessage = T("cases.detail.moved", CaseSteps.Label(c.Step));
                return RedirectToPage("/Cases/Detail", new { caseId });
            }
            foreach (var e in moved.Reasons) ModelState.AddModelError("Move", e.Message);
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError("Move", e.Message);
        }
        await LoadAsync(c);
        return Page();
    }

    public async Task<IActionResult> OnPostPartyAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        if (!await cases.MayChangeAsync(c)) return Forbid();
        try
        {
            var p = await cases.AddPartyAsync(c, Party);
            StatusMessage = T("cases.detail.party_added", p.Name);
            return RedirectToPage("/Cases/Detail", new { caseId });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddCaseErrors(ex, "Party");
            await LoadAsync(c);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostOfficerAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        if (!await cases.MayChangeAsync(c)) return Forbid();
        return await this.ChangeAsync(() => cases.AddOfficerAsync(c, new CaseOfficerInput(OfficerId)), () => LoadAsync(c),
            Domain.Rules.Messages.Get("officer.add.done"), Url.Page("/Cases/Detail", new { caseId })!);
    }

    private async Task LoadAsync(Domain.Cases.Case c)
    {
        Case = await cases.ToDtoAsync(c);
        CanChange = await cases.MayChangeAsync(c);
        if (CanChange && c.Step is not (CaseSteps.Closed or CaseSteps.Archived))
            AgencyOfficers = (await cases.OfficersOfAsync(c.AgencyId)).Where(o => Case.Officers.All(x => x.OfficerId != o.Id)).ToList();
        NextSteps = await steps.NextAsync(c);
        Deadlines = await deadlines.ForAsync(c);
        Seizure = await SeizureExtensionsModel.SectionAsync(c, cases, seizures);
        // Shown where a preservation exists or may be registered; a simple-procedure or decided case without one has nothing to show.
        Preservations = await PreservationsModel.SectionAsync(c, cases, preservations) is { } p && (p.Items.Count > 0 || p.CanRegister) ? p : null;
    }
}
