using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Discretion;
using Zhifa.Web.Features.Discretion;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Decisions;

/// <summary>What handlers enter as the proposed decision; shared by the page and the API.</summary>
public sealed class ProposalInput
{
    /// <summary>Penalty / NoPenalty / FirstViolationNoPenalty / Other.</summary>
    public string? Outcome { get; set; }
    /// <summary>Penalty kinds by name (Fine) or label (罚款).</summary>
    public List<string> PenaltyKinds { get; set; } = [];
    public decimal? FineYuan { get; set; }
    public decimal? ConfiscationYuan { get; set; }
    public string? Content { get; set; }
    /// <summary>违法条款: the provisions the act breaks (the norms of conduct).</summary>
    public string? ViolatedProvisions { get; set; }
    /// <summary>
    /// 处罚依据: the 罚则 applied. May be left out: with one norm it is that norm, with several and a fine the one with the
    /// higher fine (行政处罚法第二十九条); a lower one is refused.
    /// </summary>
    public string? PenaltyBasis { get; set; }
    /// <summary>Every 罚则 that fines the act, with its maximum fine; needed where there are several (art. 29).</summary>
    public List<PenaltyNormInput> PenaltyNorms { get; set; } = [];
    /// <summary>For 不予处罚: UnderFourteen / Incapacity / MinorAndCorrected / FirstViolation / NoFault / TimeBarred.</summary>
    public string? NoPenaltyGround { get; set; }
    /// <summary>NoPenalty / Mitigated / Lighter / Ordinary / Heavier.</summary>
    public string? Tier { get; set; }
    public string? OutsideRangeReason { get; set; }
    public string? EvidenceReason { get; set; }
    public string? BasisReason { get; set; }
    public string? DiscretionReason { get; set; }
    /// <summary>The circumstances found (违法情节), each as the matter's benchmark or <see cref="StatutoryCircumstance"/> words it.</summary>
    public List<string> Circumstances { get; set; } = [];
    /// <summary>违法所得, for benchmarks that set the fine as a multiple of it.</summary>
    public decimal? IllegalGainsYuan { get; set; }
}

/// <summary>One 罚则 as entered: its citation (《法》第N条) and the maximum fine it allows.</summary>
public sealed class PenaltyNormInput
{
    public string? Citation { get; set; }
    public decimal? MaxFineYuan { get; set; }
}

public sealed record PenaltyNormDto(string Citation, decimal? MaxFineYuan, bool Applied);

public sealed record RecommendationDto(bool HasBenchmark, string Tier, string TierLabel, IReadOnlyList<string> SupportedTiers, string Outcome,
    int? GradeOrder, string? GradeLabel, string? GradeStandard, bool Warning, decimal? FineMinYuan, decimal? FineMaxYuan, string RangeText,
    IReadOnlyList<string> Reasons, IReadOnlyList<string> Circumstances);

public sealed record ProposalDto(int Id, int CaseId, string Outcome, string OutcomeLabel, IReadOnlyList<string> PenaltyKinds, IReadOnlyList<string> PenaltyKindLabels,
    decimal? FineYuan, decimal? ConfiscationYuan, decimal? IllegalGainsYuan, string Content, string LegalBasis, string? Tier, string? TierLabel,
    IReadOnlyList<string> Circumstances, string OutsideRangeReason, string EvidenceReason, string BasisReason, string DiscretionReason,
    DateTime UpdatedAt, string UpdatedBy, string Fingerprint,
    string ViolatedProvisions, string PenaltyBasis, IReadOnlyList<PenaltyNormDto> PenaltyNorms, string NormChoice,
    string? NoPenaltyGround, string? NoPenaltyGroundLabel, string? NoPenaltyBasis);

/// <summary>A ground of 不予处罚 as the page and the API offer it.</summary>
public sealed record NoPenaltyGroundDto(string Ground, string Label, string Citation, string Circumstance, string Outcome);

/// <summary>
/// The proposal with what the reviewer needs beside it: the recommendation of the recorded circumstances, how the proposal
/// departs from it (each departure is why <see cref="ProposalDto.OutsideRangeReason"/> was required) and whether it is locked.
/// </summary>
public sealed record ProposalView(ProposalDto? Proposal, RecommendationDto Recommendation, IReadOnlyList<string> Deviations, bool Locked,
    IReadOnlyList<string> MissingReasons, string SuggestedViolatedProvisions, IReadOnlyList<PenaltyNormDto> SuggestedPenaltyNorms,
    IReadOnlyList<NoPenaltyGroundDto> NoPenaltyGrounds, IReadOnlyList<string> MinorParties);

/// <summary>A circumstance the page offers: the law's own, or one of a benchmark grade's.</summary>
public sealed record CircumstanceOption(string Text, string Group);

/// <summary>The proposed decision of a case (拟作出的决定): read by notice, legal review and decision alike.</summary>
public sealed class ProposalService(AppDbContext db, CurrentUser me, BenchmarkService benchmarks, Cases.CaseService cases, Matters.MatterService matterService)
{
    public static string LockedMessage => T("decisions.proposal.decided");

    /// <summary>The cases whose proposal names a fine, as a query the caller's query may use (it stays one database query).</summary>
    public IQueryable<int> CasesWithFine() => db.Set<DecisionProposal>().Where(p => p.FineYuan != null).Select(p => p.CaseId);

    public async Task<DecisionProposal?> GetAsync(int caseId)
        => await db.Set<DecisionProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == caseId);

    private Task<List<PartyKind>> PartyKindsAsync(int caseId) => Cases.CaseService.PartyKindsAsync(db, caseId);

    /// <summary>
    /// The recommendation for the given circumstances, or for those the proposal recorded when none are given; the
    /// circumstances the parties' ages establish (行政处罚法第三十条) apply whether or not they were ticked.
    /// </summary>
    public async Task<Recommendation> RecommendAsync(Case c, IReadOnlyList<string>? circumstances = null, decimal? illegalGainsYuan = null)
    {
        var stored = circumstances is null ? await GetAsync(c.Id) : null;
        return DiscretionAdvisor.Recommend(await benchmarks.FindAsync(c.MatterId), await WithAgesAsync(c, circumstances ?? stored?.CircumstanceList ?? []),
            await PartyKindsAsync(c.Id), illegalGainsYuan ?? stored?.IllegalGainsYuan);
    }

    private async Task<IReadOnlyList<string>> WithAgesAsync(Case c, IReadOnlyList<string> circumstances)
        => [.. circumstances, .. MinorParties.Circumstances(await Cases.CaseService.PartyAgesAsync(db, c)).Except(circumstances, StringComparer.Ordinal)];

    /// <summary>行政处罚法第三十条 for <see cref="CaseStepService.FactsAsync"/>: the minor parties and what the proposal does for them.</summary>
    public static async Task<(IReadOnlyList<string> UnderFourteen, IReadOnlyList<string> UnderEighteen, bool Penalises, bool Lightened)> MinorFactsAsync(AppDbContext db, Case c)
    {
        var ages = await Cases.CaseService.PartyAgesAsync(db, c);
        var p = await db.Set<DecisionProposal>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == c.Id);
        return (ages.Where(a => a.Band == AgeBand.UnderFourteen).Select(a => a.Label).ToList(),
            ages.Where(a => a.Band == AgeBand.FourteenToEighteen).Select(a => a.Label).ToList(),
            p?.Outcome == DecisionOutcome.Penalty,
            p is not null && MinorParties.Lightened(p.Outcome, p.Tier, p.OutsideRangeReason));
    }

    /// <summary>The law's circumstances, then each grade's, as the page lists them to tick.</summary>
    public async Task<List<CircumstanceOption>> OptionsAsync(Case c)
    {
        var list = StatutoryCircumstance.All.Select(s => new CircumstanceOption(s.Text, T("decisions.proposal.statutory_group"))).ToList();
        if (await benchmarks.FindAsync(c.MatterId) is { } b)
            foreach (var g in b.Ordered)
                list.AddRange(g.CircumstanceList.Select(t => new CircumstanceOption(t, T("decisions.proposal.benchmark_group", g.Order, g.TierWithLabel))));
        return list;
    }

    /// <summary>What the matter's provisions (and its benchmark's amounts) suggest as 违法条款 and 罚则 of a new proposal.</summary>
    public async Task<ProvisionSuggestion> SuggestedProvisionsAsync(Case c)
    {
        var bases = await matterService.BasesAsync(c.MatterId);
        return DecisionProvisions.Suggest(bases, await benchmarks.FindAsync(c.MatterId));
    }

    public static IReadOnlyList<NoPenaltyGroundDto> GroundOptions { get; } = NoPenaltyGrounds.All
        .Select(g => new NoPenaltyGroundDto(g.Ground.ToString(), g.Label, g.Citation, g.Circumstance.Text, g.Outcome.ToString())).ToList();

    public async Task<ProposalView> ViewAsync(Case c)
    {
        var p = await GetAsync(c.Id);
        var rec = await RecommendAsync(c);
        var deviations = p is null ? [] : DiscretionAdvisor.Deviations(rec, p.Outcome, p.Tier, p.FineYuan);
        var missing = new List<string>();
        if (p is not null && c.Procedure == CaseProcedure.General)
        {
            if (p.EvidenceReason.Length == 0) missing.Add(T("reason.evidenceReason"));
            if (p.BasisReason.Length == 0) missing.Add(T("reason.basisReason"));
            if (p.DiscretionReason.Length == 0) missing.Add(T("reason.discretionReason"));
        }
        var suggested = await SuggestedProvisionsAsync(c);
        return new ProposalView(p is null ? null : ToDto(p), ToDto(rec, p?.CircumstanceList ?? []), deviations,
            DecisionProposal.IsLockedAt(c.Category, c.Procedure, c.Step), missing, suggested.ViolatedProvisions,
            suggested.PenaltyNorms.Select(n => new PenaltyNormDto(n.Citation, n.MaxFineYuan, false)).ToList(), GroundOptions,
            (await Cases.CaseService.PartyAgesAsync(db, c)).Where(a => a.Band != AgeBand.Adult).Select(MinorParties.Finding).ToList());
    }

    /// <summary>
    /// LAW-5 for <see cref="CaseStepService.FactsAsync"/>: why a simple-procedure case cannot be decided on the spot from
    /// its proposal; empty for other cases and for an eligible proposal.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SimpleProcedureProblemsAsync(AppDbContext db, Case c)
    {
        if (c.Category != CaseCategory.Penalty || c.Procedure != CaseProcedure.Simple) return [];
        var p = await db.Set<DecisionProposal>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == c.Id);
        if (p is null) return [T("decisions.proposal.simple_missing")];
        if (p.Outcome != DecisionOutcome.Penalty) return [T("decisions.proposal.simple_no_penalty")];
        var parties = await Cases.CaseService.PartyKindsAsync(db, c.Id);
        return SimpleProcedure.Problems(p.Kinds, p.FineYuan, parties);
    }

    /// <summary>Creates or replaces the case's proposal; a refused input changes nothing.</summary>
    public async Task<DecisionProposal> SaveAsync(Case c, ProposalInput input)
    {
        var current = await cases.StepAsync(c.Id);
        if (DecisionProposal.IsLockedAt(c.Category, c.Procedure, current)) throw new DomainValidationException("case", "proposal.locked", LockedMessage);
        var errors = new ValidationErrors();
        DecisionOutcome? outcome = Enum.TryParse<DecisionOutcome>(input.Outcome?.Trim(), true, out var o) ? o : null;
        if (outcome is null) errors.Add("outcome", "required", T("decisions.proposal.outcome_required"));
        var kinds = new List<PenaltyKind>();
        foreach (var text in input.PenaltyKinds ?? [])
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (SimpleProcedure.ParseKind(text) is { } k) { if (!kinds.Contains(k)) kinds.Add(k); }
            else errors.Add("penaltyKinds", "invalid", T("decisions.proposal.kind_invalid", text));
        }
        if (outcome == DecisionOutcome.Penalty && kinds.Count == 0) errors.Add("penaltyKinds", "required", T("decisions.proposal.kinds_required"));
        if (outcome is not DecisionOutcome.Penalty && kinds.Count > 0) errors.Add("penaltyKinds", "not_allowed", T("decisions.proposal.kinds_not_allowed"));
        if (kinds.Contains(PenaltyKind.Fine) && input.FineYuan is not > 0) errors.Add("fineYuan", "required", T("decisions.proposal.fine_required"));
        if (!kinds.Contains(PenaltyKind.Fine) && input.FineYuan is not null) errors.Add("fineYuan", "not_allowed", T("decisions.proposal.fine_not_allowed"));
        if (input.ConfiscationYuan is < 0) errors.Add("confiscationYuan", "out_of_range", T("decisions.proposal.confiscation_negative"));
        if (input.IllegalGainsYuan is < 0) errors.Add("illegalGainsYuan", "out_of_range", T("decisions.proposal.illegal_gains_negative"));
        DiscretionTier? tier = null;
        if (!string.IsNullOrWhiteSpace(input.Tier))
        {
            if (DiscretionRules.ParseTier(input.Tier) is { } t) tier = t;
            else errors.Add("tier", "invalid", T("decisions.proposal.tier_invalid"));
        }

        // DIS-2: the circumstances are those of the matter's benchmark or of the law; the recommendation follows from them.
        var benchmark = await benchmarks.FindAsync(c.MatterId);
        var known = (await OptionsAsync(c)).Select(o => o.Text).ToHashSet(StringComparer.Ordinal);
        var circumstances = input.Circumstances.Select(x => x?.Trim() ?? "").Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var x in circumstances.Where(x => !known.Contains(x) && StatutoryCircumstance.Find(x) is null))
            errors.Add("circumstances", "unknown", T("decisions.proposal.circumstance_unknown", x));
        circumstances = circumstances.Select(x => StatutoryCircumstance.Find(x)?.Text ?? x).Distinct(StringComparer.Ordinal).ToList();
        // 行政处罚法第三十条、第三十一条、第三十三条、第三十六条: a 不予处罚 rests on a ground, and the circumstance it needs is recorded.
        NoPenaltyGround? ground = NoPenaltyGrounds.Parse(input.NoPenaltyGround);
        if (ground is null && !string.IsNullOrWhiteSpace(input.NoPenaltyGround)) errors.Add("noPenaltyGround", "invalid", T("decisions.proposal.ground_invalid"));
        else if (outcome is { } o2) ground = NoPenaltyGrounds.Check(o2, ground, circumstances, errors);
        // 违法条款 and 处罚依据, each in its place; several 罚则 fining the act: the higher fine applies (art. 29).
        var provisions = DecisionProvisions.Check(outcome ?? DecisionOutcome.Other, kinds.Contains(PenaltyKind.Fine), input.FineYuan,
            input.ViolatedProvisions, input.PenaltyBasis, (input.PenaltyNorms ?? []).Select(n => (n?.Citation, n?.MaxFineYuan)).ToList(), errors);
        if (outcome is DecisionOutcome.NoPenalty or DecisionOutcome.FirstViolationNoPenalty)
        {
            if (tier is not null and not DiscretionTier.NoPenalty) errors.Add("tier", "invalid", T("decisions.proposal.no_penalty_tier"));
            tier = DiscretionTier.NoPenalty;
        }
        if (outcome == DecisionOutcome.Penalty)
        {
            // The tier may stay open while the proposal is drafted; the amounts are checked against the range either way.
            if (tier == DiscretionTier.NoPenalty) errors.Add("tier", "invalid", T("decisions.proposal.penalty_tier"));
        }
        if (!errors.Any && outcome is { } chosen)
        {
            var rec = DiscretionAdvisor.Recommend(benchmark, await WithAgesAsync(c, circumstances), await PartyKindsAsync(c.Id), input.IllegalGainsYuan);
            var deviations = DiscretionAdvisor.Deviations(rec, chosen, tier, kinds.Contains(PenaltyKind.Fine) ? input.FineYuan : null);
            if (deviations.Count > 0 && string.IsNullOrWhiteSpace(input.OutsideRangeReason))
                errors.Add("outsideRangeReason", "required", T("decisions.proposal.outside_range", string.Join("；", deviations)));
        }
        errors.Required("content", input.Content, T("decisions.proposal.content")).MaxLength("content", input.Content, 4000, T("decisions.proposal.content"))
            .MaxLength("outsideRangeReason", input.OutsideRangeReason, 2000, T("decisions.proposal.outside_range_reason"))
            .MaxLength("evidenceReason", input.EvidenceReason, 4000, T("reason.evidenceReason"))
            .MaxLength("basisReason", input.BasisReason, 4000, T("reason.basisReason"))
            .MaxLength("discretionReason", input.DiscretionReason, 4000, T("reason.discretionReason"));
        errors.ThrowIfAny();

        var p = await db.Set<DecisionProposal>().FirstOrDefaultAsync(x => x.CaseId == c.Id);
        if (p is null) db.Set<DecisionProposal>().Add(p = new DecisionProposal { CaseId = c.Id, AgencyId = c.AgencyId });
        p.Outcome = outcome!.Value;
        p.PenaltyKinds = string.Join(',', kinds);
        p.FineYuan = input.FineYuan;
        p.ConfiscationYuan = input.ConfiscationYuan;
        p.Content = input.Content!.Trim();
        p.ViolatedProvisions = provisions.ViolatedProvisions;
        p.PenaltyBasis = provisions.PenaltyBasis;
        p.PenaltyNorms = PenaltyNorm.ToLines(provisions.PenaltyNorms);
        p.NoPenaltyGround = ground;
        p.Tier = tier;
        p.Circumstances = string.Join('\n', circumstances);
        p.IllegalGainsYuan = input.IllegalGainsYuan;
        p.OutsideRangeReason = input.OutsideRangeReason?.Trim() ?? "";
        p.EvidenceReason = input.EvidenceReason?.Trim() ?? "";
        p.BasisReason = input.BasisReason?.Trim() ?? "";
        p.DiscretionReason = input.DiscretionReason?.Trim() ?? "";
        p.UpdatedAt = db.UtcNow;
        p.UpdatedBy = me.UserName;
        await db.SaveChangesAsync();
        return p;
    }

    public static ProposalDto ToDto(DecisionProposal p)
    {
        var ground = p.NoPenaltyGround is { } g ? NoPenaltyGrounds.Of(g) : null;
        return new(p.Id, p.CaseId, p.Outcome.ToString(), ProposalMapping.OutcomeLabel(p.Outcome),
            p.Kinds.Select(k => k.ToString()).ToList(), p.Kinds.Select(SimpleProcedure.Label).ToList(), p.FineYuan, p.ConfiscationYuan, p.IllegalGainsYuan,
            p.Content, p.LegalBasis, p.Tier?.ToString(), p.Tier is { } t ? DiscretionRules.Label(t) : null, p.CircumstanceList, p.OutsideRangeReason,
            p.EvidenceReason, p.BasisReason, p.DiscretionReason, p.UpdatedAt, p.UpdatedBy, p.Fingerprint(),
            p.ViolatedProvisions, p.PenaltyBasis, p.PenaltyNormList.Select(n => new PenaltyNormDto(n.Citation, n.MaxFineYuan, n.Citation == p.PenaltyBasis)).ToList(),
            DecisionProvisions.NormChoice(p), ground?.Ground.ToString(), ground?.Label, ground?.Citation);
    }

    public static RecommendationDto ToDto(Recommendation r, IReadOnlyList<string> circumstances) => new(r.HasBenchmark, r.Tier.ToString(), r.TierLabel,
        r.SupportedTiers.Select(t => t.ToString()).ToList(), r.Outcome.ToString(), r.Grade?.Order, r.Grade?.Label, r.Grade?.Standard, r.Warning,
        r.FineMinYuan, r.FineMaxYuan, r.RangeText, r.Reasons, circumstances);
}

public static class ProposalMapping
{
    public static string OutcomeLabel(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Penalty => T("decisions.outcome.penalty"),
        DecisionOutcome.NoPenalty => T("decisions.outcome.no_penalty"),
        DecisionOutcome.FirstViolationNoPenalty => T("decisions.outcome.first_violation"),
        _ => T("decisions.outcome.other"),
    };
}
