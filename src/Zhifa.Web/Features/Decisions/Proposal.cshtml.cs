using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Web.Features.Cases;
using static Zhifa.Web.Infrastructure.UiText;

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
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int caseId)
    {
        var c = await cases.FindVisibleAsync(caseId);
        if (c is null) return NotFound();
        await LoadAsync(c);
        if (View.Proposal is { } p)
            Input = new ProposalInput
            {
                Outcome = p.Outcome, PenaltyKinds = p.PenaltyKinds.ToList(), FineYuan = p.FineYuan, ConfiscationYuan = p.ConfiscationYuan,
                IllegalGainsYuan = p.IllegalGainsYuan, Content = p.Content, Tier = p.Tier, Circumstances = p.Circumstances.ToList(),
                OutsideRangeReason = p.OutsideRangeReason, EvidenceReason = p.EvidenceReason, BasisReason = p.BasisReason, DiscretionReason = p.DiscretionReason,
                ViolatedProvisions = p.ViolatedProvisions, NoPenaltyGround = p.NoPenaltyGround,
                // The basis is kept only where it was a choice among norms that fine nothing; otherwise the rule chooses it again.
                PenaltyBasis = p.PenaltyNorms.Count > 1 && p.PenaltyKinds.All(k => k != nameof(PenaltyKind.Fine)) ? p.PenaltyBasis : null,
                PenaltyNorms = p.PenaltyNorms.Select(n => new PenaltyNormInput { Citation = n.Citation, MaxFineYuan = n.MaxFineYuan }).ToList(),
            };
        else
        {
            // A new proposal starts from what the matter's provisions say.
            Input.ViolatedProvisions = View.SuggestedViolatedProvisions;
            Input.PenaltyNorms = View.SuggestedPenaltyNorms.Select(n => new PenaltyNormInput { Citation = n.Citation, MaxFineYuan = n.MaxFineYuan }).ToList();
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
            StatusMessage = T("decisions.done.proposal_saved");
            return RedirectToPage("/Decisions/Proposal", new { caseId });
        }
        catch (DomainValidationException ex)
        {
            ModelState.Clear();
            foreach (var e in ex.Errors) ModelState.AddModelError(e.Field == "case" ? "" : "Input." + PropertyPath(e.Field), e.Message);
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

    /// <summary>The rows of 罚则 the form offers: those entered and empty ones up to the most a proposal lists.</summary>
    public IReadOnlyList<PenaltyNormInput> NormRows => Input.PenaltyNorms
        .Concat(Enumerable.Range(0, Math.Max(0, Domain.Decisions.DecisionProvisions.MaxNorms - Input.PenaltyNorms.Count)).Select(_ => new PenaltyNormInput()))
        .Take(Math.Max(Domain.Decisions.DecisionProvisions.MaxNorms, Input.PenaltyNorms.Count)).ToList();

    /// <summary>penaltyNorms[0].maxFineYuan → PenaltyNorms[0].MaxFineYuan, so that each refusal sits beside its field.</summary>
    private static string PropertyPath(string field)
        => string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
