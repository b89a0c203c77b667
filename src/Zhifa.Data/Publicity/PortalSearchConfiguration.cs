using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.Publicity;

public sealed class PortalSearchEntryConfiguration : IEntityTypeConfiguration<PortalSearchEntry>
{
    public void Configure(EntityTypeBuilder<PortalSearchEntry> e)
    {
        e.ToTable("PortalSearchEntries");
        e.Property(x => x.Tokens).HasMaxLength(4_000_000);
        e.HasIndex(x => x.PublicationId).IsUnique();
        e.HasIndex(x => x.SeriesId);
        // The filtered lists without words run newest first within an agency, a category or a date range.
        e.HasIndex(x => new { x.AgencyId, x.Id });
        e.HasIndex(x => new { x.Category, x.Id });
        e.HasIndex(x => x.DecidedOn);
        e.HasOne<Publication>().WithMany().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
