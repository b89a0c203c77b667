using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Officers;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Records;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.HasKey(f => f.Sha256);
        e.Property(f => f.Sha256).HasMaxLength(64);
    }
}

public sealed class RecordConfiguration : IEntityTypeConfiguration<Record>
{
    public void Configure(EntityTypeBuilder<Record> e)
    {
        e.Property(r => r.Step).HasMaxLength(40);
        e.Property(r => r.Place).HasMaxLength(200);
        e.Property(r => r.Parties).HasMaxLength(1000);
        e.Property(r => r.Proves).HasMaxLength(2000);
        e.Property(r => r.DeviceNumber).HasMaxLength(60);
        e.Property(r => r.Interruptions).HasMaxLength(2000);
        e.Property(r => r.InterruptionExplanation).HasMaxLength(2000);
        e.Property(r => r.FileName).HasMaxLength(255);
        e.Property(r => r.ContentType).HasMaxLength(127);
        e.Property(r => r.Sha256).HasMaxLength(64);
        e.Property(r => r.MetadataWarning).HasMaxLength(500);
        e.Property(r => r.RegisteredBy).HasMaxLength(256);
        e.Property(r => r.LateApprovalNote).HasMaxLength(1000);
        e.HasIndex(r => new { r.CaseId, r.Id });
        // The late-registration list reads by agency.
        e.HasIndex(r => new { r.AgencyId, r.Late });
        e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Officer>().WithMany().HasForeignKey(r => r.CollectorOfficerId).OnDelete(DeleteBehavior.Restrict);
        // An original is never removed while a record names it (REC-8).
        e.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UploadSessionConfiguration : IEntityTypeConfiguration<UploadSession>
{
    public void Configure(EntityTypeBuilder<UploadSession> e)
    {
        e.Property(u => u.Id).HasMaxLength(32).ValueGeneratedNever();
        e.Property(u => u.FileName).HasMaxLength(255);
        e.Property(u => u.ContentType).HasMaxLength(127);
        e.Property(u => u.TempPath).HasMaxLength(1000);
        e.Property(u => u.CreatedBy).HasMaxLength(256);
        e.HasIndex(u => u.CreatedAt);
        e.HasOne<Case>().WithMany().HasForeignKey(u => u.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RecordingExemptionConfiguration : IEntityTypeConfiguration<RecordingExemption>
{
    public void Configure(EntityTypeBuilder<RecordingExemption> e)
    {
        e.Property(x => x.Step).HasMaxLength(40);
        e.Property(x => x.Explanation).HasMaxLength(2000);
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.DecisionNote).HasMaxLength(500);
        e.HasIndex(x => new { x.CaseId, x.Step });
        e.HasOne<Zhifa.Domain.Agencies.Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Zhifa.Domain.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RecordExtractionConfiguration : IEntityTypeConfiguration<RecordExtraction>
{
    public void Configure(EntityTypeBuilder<RecordExtraction> e)
    {
        e.Property(x => x.Maker).HasMaxLength(100);
        e.Property(x => x.Extractor).HasMaxLength(256);
        e.Property(x => x.Purpose).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => x.RecordId);
        e.HasOne<Record>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
