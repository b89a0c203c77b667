using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Access;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;

namespace Zhifa.Data.Access;

public sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> e)
    {
        e.ToTable("AccessRequests");
        e.Property(r => r.RequesterName).HasMaxLength(256);
        e.Property(r => r.Reason).HasMaxLength(500);
        e.Property(r => r.DecidedBy).HasMaxLength(256);
        e.Property(r => r.DecisionNote).HasMaxLength(500);
        e.HasIndex(r => new { r.AgencyId, r.Status });
        e.HasIndex(r => new { r.CaseId, r.RequesterUserId });
        e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
