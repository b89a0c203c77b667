using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Web.Features.Cases;

namespace Zhifa.Web.Features.Decisions;

/// <summary>
/// The proposed decision of a case (/cases/{caseId}/proposal): the handler ticks the circumstances found, the page
/// recommends the tier and range from the matter's benchmark (DIS-2; "按所选情节推荐" recomputes without saving, so it
/// works without JavaScript), and the handler enters the proposal. Read-only once the case is decided.
/// </summary>
public sealed class ProposalModel(CaseService cases, ProposalService proposals) : PageModel
{
    public CaseDto Case { get; private set; } = null!;
    public ProposalView View { get; private set; } = null!;
    public Recommendation Recommendation { get; private set; } = null!;
    public IReadOnlyList<string> Deviations { get; private set; } = [];
    public List<CircumstanceOption> Options { get; private set; } = [];
    public bool CanChange { get; private set; }
    [BindProperty] public ProposalInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        await LoadAsync(c);
        if (View.Proposal is { } p)
            Input = new ProposalInput
            {
                Outcome = p.Outcome, PenaltyKinds = p.PenaltyKinds.ToList(), FineYuan = p.FineYuan, ConfiscationYuan = p.ConfiscationYuan,
                IllegalGainsYuan = p.IllegalGainsYuan, Content = p.Content, LegalBasis = p.LegalBasis, Tier = p.Tier, Circumstances = p.Circumstances.ToList(),
                OutsideRangeReason = p.OutsideRangeReason, EvidenceReason = p.EvidenceReason, BasisReason = p.BasisReason, DiscretionReason = p.DiscretionReason,
            };
        else
        {
            Input.LegalBasis = View.SuggestedLegalBasis;
            Input.Outcome = nameof(DecisionOutcome.Penalty);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRecommendAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        await LoadAsync(c);
        Recommendation = await proposals.RecommendAsync(c, Input.Circumstances, Input.IllegalGainsYuan);
        // The form keeps what was typed; the tier follows the recommendation until the handler saves another.
        ModelState.Clear();
        Input.Tier = Recommendation.Tier.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        if (!await cases.MayChangeAsync(c)) return Forbid();
        try
        {
            await proposals.SaveAsync(c, Input);
            TempData["StatusMessage"] = "拟作出的决定已保存";
            return Redirect($"/cases/{CasePages.Id(caseId)}/proposal");
        }
        catch (DomainValidationException ex)
        {
            ModelState.Clear();
            foreach (var e in ex.Errors) ModelState.AddModelError(e.Field == "case" ? "" : "Input." + char.ToUpperInvariant(e.Field[0]) + e.Field[1..], e.Message);
            await LoadAsync(c);
            Recommendation = await proposals.RecommendAsync(c, Input.Circumstances, Input.IllegalGainsYuan);
            return Page();
        }
    }

    private async Task LoadAsync(Case c)
    {
        Case = await cases.ToDtoAsync(c);
        View = await proposals.ViewAsync(c);
        Recommendation = await proposals.RecommendAsync(c);
        Deviations = View.Deviations;
        Options = await proposals.OptionsAsync(c);
        CanChange = !View.Locked && await cases.MayChangeAsync(c);
    }

    public static IReadOnlyList<PenaltyKind> Kinds => Enum.GetValues<PenaltyKind>();
}
