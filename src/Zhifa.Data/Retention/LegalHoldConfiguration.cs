using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Retention;

namespace Zhifa.Data.Retention;

public sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.Property(h => h.Note).HasMaxLength(500);
        e.Property(h => h.PlacedBy).HasMaxLength(256);
        e.Property(h => h.ReleasedBy).HasMaxLength(256);
        e.HasIndex(h => h.CaseId);
        e.HasOne<Agency>().WithMany().HasForeignKey(h => h.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(h => h.Facts);
    }
}
