using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Cases;

/// <summary>What the seizure section of a case shows, on the case page and on its own page after a refused form.</summary>
public sealed record SeizureSection(int CaseId, SeizureTermView Term, bool CanRequest, bool CanDecide, int? Days = null, string? Reason = null);

/// <summary>/cases/{caseId}/seizure-extensions: LAW-8 art. 25, the one extension of a 查封、扣押 and the head's decision on it.</summary>
public sealed class SeizureExtensionsModel(CaseService cases, SeizureExtensionService svc) : PageModel
{
    public Case Case { get; private set; } = null!;
    public SeizureSection Section { get; private set; } = null!;
    [BindProperty] public int? Days { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>Loads the section for the case page; null when the case is not a coercive measure.</summary>
    public static async Task<SeizureSection?> SectionAsync(Case c, CaseService cases, SeizureExtensionService svc, int? days = null, string? reason = null)
    {
        if (c.Category != CaseCategory.Coercion) return null;
        var term = await svc.TermAsync(c);
        // The form is offered only while a request could succeed: no request pending or approved yet (one extension).
        bool open = term.InForce && term.Extensions.All(x => x.Status == nameof(SeizureExtensionStatus.Rejected));
        return new SeizureSection(c.Id, term, open && await cases.MayChangeAsync(c), svc.MayDecide(c), days, reason);
    }

    private async Task<bool> LoadAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null || c.Category != CaseCategory.Coercion) return false;
        Case = c;
        Section = (await SectionAsync(c, cases, svc, Days, Reason))!;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int caseId) => await LoadAsync(caseId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        if (!await cases.MayChangeAsync(Case)) return Forbid();
        return await ActAsync(caseId, () => svc.RequestAsync(Case, new SeizureExtensionInput(Days, Reason)), T("cases.seizure_extension.requested"));
    }

    public async Task<IActionResult> OnPostDecideAsync(int caseId, int extensionId, bool approve)
    {
        if (!await LoadAsync(caseId)) return NotFound();
        var x = await svc.FindAsync(extensionId);
        if (x is null || x.CaseId != caseId) return NotFound();
        if (!svc.MayDecide(Case)) return Forbid();
        return await ActAsync(caseId, () => svc.DecideAsync(Case, x, new HeadDecisionInput(approve, Note)),
            approve ? T("cases.seizure_extension.approved", x.Days) : T("cases.seizure_extension.rejected"));
    }

    private Task<IActionResult> ActAsync(int caseId, Func<Task> act, string done)
        => this.ChangeAsync(act, () => LoadAsync(caseId), done, Url.Page("/Cases/Detail", null, new { caseId }, null, null, "seizure-extension")!);
}
