using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Discretion;
using Zhifa.Domain.Matters;

namespace Zhifa.Data.Discretion;

public sealed class DiscretionBenchmarkConfiguration : IEntityTypeConfiguration<DiscretionBenchmark>
{
    public void Configure(EntityTypeBuilder<DiscretionBenchmark> e)
    {
        e.Property(b => b.Behaviour).HasMaxLength(1000);
        e.Property(b => b.Basis).HasMaxLength(4000);
        e.Property(b => b.Source).HasMaxLength(500);
        e.Property(b => b.UpdatedBy).HasMaxLength(256);
        e.HasIndex(b => b.MatterId).IsUnique();
        e.HasIndex(b => b.AgencyId);
        e.HasOne<Matter>().WithMany().HasForeignKey(b => b.MatterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(b => b.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(b => b.Grades).WithOne().HasForeignKey(g => g.BenchmarkId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(b => b.Ordered);
    }
}

public sealed class DiscretionGradeConfiguration : IEntityTypeConfiguration<DiscretionGrade>
{
    public void Configure(EntityTypeBuilder<DiscretionGrade> e)
    {
        e.Property(g => g.Label).HasMaxLength(50);
        e.Property(g => g.Circumstances).HasMaxLength(10000);
        e.Property(g => g.Standard).HasMaxLength(2000);
        foreach (var p in new[] { nameof(DiscretionGrade.FineMinYuan), nameof(DiscretionGrade.FineMaxYuan), nameof(DiscretionGrade.CitizenFineMinYuan),
                     nameof(DiscretionGrade.CitizenFineMaxYuan) })
            e.Property<decimal?>(p).HasPrecision(16, 2);
        e.Property(g => g.GainsMultipleMin).HasPrecision(8, 2);
        e.Property(g => g.GainsMultipleMax).HasPrecision(8, 2);
        e.Ignore(g => g.CircumstanceList);
        e.Ignore(g => g.HasFine);
        e.Ignore(g => g.TierWithLabel);
    }
}
