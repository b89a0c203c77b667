using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.Publicity;

public sealed class InspectionNoteConfiguration : IEntityTypeConfiguration<InspectionNote>
{
    public void Configure(EntityTypeBuilder<InspectionNote> e)
    {
        e.Property(x => x.Content).HasMaxLength(InspectionNote.ContentMaxLength);
        e.Property(x => x.Reply).HasMaxLength(InspectionNote.ContentMaxLength);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.RepliedBy).HasMaxLength(256);
        e.Property(x => x.RepliedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.AgencyId, x.Year, x.Quarter });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}
