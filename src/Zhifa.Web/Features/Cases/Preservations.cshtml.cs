using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

/// <summary>What the 先行登记保存 section of a penalty case shows, on the case page and on its own page after a refused form.</summary>
public sealed record PreservationSection(int CaseId, IReadOnlyList<PreservationView> Items, bool CanRegister, bool CanResolve, bool CanApprove,
    PreservationInput? Input = null);

/// <summary>/cases/{caseId}/preservations: LAW-5 art. 56, 先行登记保存, the head's approval and the 处理决定 within 7 working days.</summary>
public sealed class PreservationsModel(CaseService cases, EvidencePreservationService svc) : PageModel
{
    public Case Case { get; private set; } = null!;
    public PreservationSection Section { get; private set; } = null!;
    [BindProperty] public string? Items { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public DateOnly? StartedOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public PreservationOutcome? Outcome { get; set; }
    [BindProperty] public string? OutcomeNote { get; set; }

    /// <summary>Loads the section for the case page; null for cases other than penalties.</summary>
    public static async Task<PreservationSection?> SectionAsync(Case c, CaseService cases, EvidencePreservationService svc, PreservationInput? input = null)
    {
        if (c.Category != CaseCategory.Penalty) return null;
        bool mayChange = await cases.MayChangeAsync(c);
        return new PreservationSection(c.Id, await svc.ListAsync(c.Id), mayChange && EvidencePreservation.MayRegisterOn(c.Category, c.Procedure, c.Step),
            mayChange, svc.MayApprove(c), input);
    }

    private async Task<bool> LoadAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null || c.Category != CaseCategory.Penalty) return false;
        Case = c;
        Section = (await SectionAsync(c, cases, svc, new PreservationInput(Items, Place, StartedOn)))!;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!await cases.MayChangeAsync(Case)) return Forbid();
        return await ActAsync(caseId, () => svc.RegisterAsync(Case, new PreservationInput(Items, Place, StartedOn)), T("cases.preservation.registered"));
    }

    public async Task<IActionResult> OnPostApproveAsync(int caseId, int preservationId, bool approve)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var x = await svc.FindAsync(preservationId);
        if (x is null || x.CaseId != caseId) return NotFound();
        if (!svc.MayApprove(Case)) return Forbid();
        return await ActAsync(caseId, () => svc.ApproveAsync(x, new HeadDecisionInput(approve, Note)), approve ? T("cases.preservation.approved") : T("cases.preservation.rejected"));
    }

    public async Task<IActionResult> OnPostResolveAsync(int caseId, int preservationId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var x = await svc.FindAsync(preservationId);
        if (x is null || x.CaseId != caseId) return NotFound();
        if (!await cases.MayChangeAsync(Case)) return Forbid();
        return await ActAsync(caseId, () => svc.ResolveAsync(x, new PreservationOutcomeInput(Outcome, OutcomeNote)), T("cases.preservation.resolved"));
    }

    private Task<IActionResult> ActAsync(int caseId, Func<Task> act, string done)
        => this.ChangeAsync(act, () => LoadAsync(caseId), done, Url.Page("/Cases/Detail", null, new { caseId }, null, null, "preservations")!);
}
