using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;

namespace Zhifa.Data.Decisions;

public sealed class DecisionProposalConfiguration : IEntityTypeConfiguration<DecisionProposal>
{
    public void Configure(EntityTypeBuilder<DecisionProposal> e)
    {
        e.Property(p => p.PenaltyKinds).HasMaxLength(300);
        e.Property(p => p.FineYuan).HasPrecision(14, 2);
        e.Property(p => p.ConfiscationYuan).HasPrecision(14, 2);
        e.Property(p => p.Content).HasMaxLength(4000);
        e.Property(p => p.ViolatedProvisions).HasMaxLength(DecisionProvisions.ViolatedMaxLength);
        e.Property(p => p.PenaltyBasis).HasMaxLength(DecisionProvisions.CitationMaxLength);
        e.Property(p => p.PenaltyNorms).HasMaxLength(2000);
        e.Ignore(p => p.LegalBasis);
        e.Ignore(p => p.PenaltyNormList);
        e.Property(p => p.OutsideRangeReason).HasMaxLength(2000);
        e.Property(p => p.EvidenceReason).HasMaxLength(4000);
        e.Property(p => p.BasisReason).HasMaxLength(4000);
        e.Property(p => p.DiscretionReason).HasMaxLength(4000);
        e.Property(p => p.UpdatedBy).HasMaxLength(256);
        e.Property(p => p.Circumstances).HasMaxLength(10000);
        e.Property(p => p.IllegalGainsYuan).HasPrecision(14, 2);
        e.Ignore(p => p.CircumstanceList);
        e.HasIndex(p => p.CaseId).IsUnique();
        e.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
