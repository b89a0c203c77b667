using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Web.Infrastructure;

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
    public string? LegalBasis { get; set; }
    /// <summary>NoPenalty / Mitigated / Lighter / Ordinary / Heavier.</summary>
    public string? Tier { get; set; }
    public string? OutsideRangeReason { get; set; }
    public string? EvidenceReason { get; set; }
    public string? BasisReason { get; set; }
    public string? DiscretionReason { get; set; }
}

/// <summary>The proposed decision of a case (拟作出的决定): read by notice, legal review and decision alike.</summary>
public sealed class ProposalService(AppDbContext db, CurrentUser me)
{
    public async Task<DecisionProposal?> GetAsync(int caseId)
        => await db.Set<DecisionProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == caseId);

    /// <summary>Creates or replaces the case's proposal; a refused input changes nothing.</summary>
    public async Task<DecisionProposal> SaveAsync(Case c, ProposalInput input)
    {
        var errors = new ValidationErrors();
        DecisionOutcome? outcome = Enum.TryParse<DecisionOutcome>(input.Outcome?.Trim(), true, out var o) ? o : null;
        if (outcome is null) errors.Add("outcome", "required", "请选择处理结果");
        var kinds = new List<PenaltyKind>();
        foreach (var text in input.PenaltyKinds ?? [])
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (SimpleProcedure.ParseKind(text) is { } k) { if (!kinds.Contains(k)) kinds.Add(k); }
            else errors.Add("penaltyKinds", "invalid", $"处罚种类“{text}”无效");
        }
        if (outcome == DecisionOutcome.Penalty && kinds.Count == 0) errors.Add("penaltyKinds", "required", "给予行政处罚的，须选择处罚种类");
        if (outcome is not DecisionOutcome.Penalty && kinds.Count > 0) errors.Add("penaltyKinds", "not_allowed", "不予处罚的，不能选择处罚种类");
        if (kinds.Contains(PenaltyKind.Fine) && input.FineYuan is not > 0) errors.Add("fineYuan", "required", "给予罚款的，须填写大于零的罚款金额");
        if (!kinds.Contains(PenaltyKind.Fine) && input.FineYuan is not null) errors.Add("fineYuan", "not_allowed", "未选择罚款，不能填写罚款金额");
        if (input.ConfiscationYuan is < 0) errors.Add("confiscationYuan", "out_of_range", "没收金额不能为负数");
        DiscretionTier? tier = null;
        if (!string.IsNullOrWhiteSpace(input.Tier))
        {
            if (Enum.TryParse<DiscretionTier>(input.Tier.Trim(), true, out var t)) tier = t;
            else errors.Add("tier", "invalid", "裁量档次无效");
        }
        errors.Required("content", input.Content, "决定内容").MaxLength("content", input.Content, 4000, "决定内容")
            .MaxLength("legalBasis", input.LegalBasis, 4000, "法律依据")
            .MaxLength("outsideRangeReason", input.OutsideRangeReason, 2000, "超出裁量基准的理由")
            .MaxLength("evidenceReason", input.EvidenceReason, 4000, "证据采信理由")
            .MaxLength("basisReason", input.BasisReason, 4000, "依据选择理由")
            .MaxLength("discretionReason", input.DiscretionReason, 4000, "裁量理由");
        errors.ThrowIfAny();

        var p = await db.Set<DecisionProposal>().FirstOrDefaultAsync(x => x.CaseId == c.Id);
        if (p is null) db.Set<DecisionProposal>().Add(p = new DecisionProposal { CaseId = c.Id, AgencyId = c.AgencyId });
        p.Outcome = outcome!.Value;
        p.PenaltyKinds = string.Join(',', kinds);
        p.FineYuan = input.FineYuan;
        p.ConfiscationYuan = input.ConfiscationYuan;
        p.Content = input.Content!.Trim();
        p.LegalBasis = input.LegalBasis?.Trim() ?? "";
        p.Tier = tier;
        p.OutsideRangeReason = input.OutsideRangeReason?.Trim() ?? "";
        p.EvidenceReason = input.EvidenceReason?.Trim() ?? "";
        p.BasisReason = input.BasisReason?.Trim() ?? "";
        p.DiscretionReason = input.DiscretionReason?.Trim() ?? "";
        p.UpdatedAt = db.UtcNow;
        p.UpdatedBy = me.UserName;
        await db.SaveChangesAsync();
        return p;
    }
}
