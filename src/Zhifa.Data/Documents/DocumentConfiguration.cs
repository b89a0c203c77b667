using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Documents;

public sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> e)
    {
        e.Property(t => t.TypeCode).HasMaxLength(40);
        e.Property(t => t.Sha256).HasMaxLength(64);
        e.Property(t => t.FileName).HasMaxLength(255);
        e.Property(t => t.CreatedBy).HasMaxLength(256);
        e.Property(t => t.Note).HasMaxLength(500);
        // Two uploads racing for the same next version: one of them fails instead of both claiming it.
        e.HasIndex(t => new { t.AgencyId, t.TypeCode, t.Version }).IsUnique();
        e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(t => t.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> e)
    {
        e.Property(d => d.TypeCode).HasMaxLength(40);
        e.Property(d => d.Number).HasMaxLength(60);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.Property(d => d.FileName).HasMaxLength(255);
        e.Property(d => d.GeneratedBy).HasMaxLength(256);
        e.Property(d => d.Fields).HasMaxLength(100_000);
        e.Property(d => d.SignedBy).HasMaxLength(100);
        e.Property(d => d.RefusalReason).HasMaxLength(2000);
        e.Property(d => d.Witness).HasMaxLength(100);
        e.Property(d => d.SignatureRecordedBy).HasMaxLength(256);
        e.Property(d => d.ScanSha256).HasMaxLength(64);
        e.Property(d => d.ScanFileName).HasMaxLength(255);
        e.Property(d => d.ScanContentType).HasMaxLength(127);
        e.Property(d => d.ScanUploadedBy).HasMaxLength(256);
        e.HasIndex(d => new { d.CaseId, d.Id });
        e.HasIndex(d => new { d.AgencyId, d.Number });
        e.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<DocumentTemplate>().WithMany().HasForeignKey(d => d.TemplateId).OnDelete(DeleteBehavior.Restrict);
        // The generated file and the scan are originals (REC-8): never removed while a document names them.
        e.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.Sha256).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.ScanSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
