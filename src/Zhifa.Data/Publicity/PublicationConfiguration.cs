using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;

namespace Zhifa.Data.Publicity;

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> e)
    {
        e.Property(x => x.Title).HasMaxLength(Publication.TitleMaxLength);
        e.Property(x => x.DocumentNumber).HasMaxLength(100);
        e.Property(x => x.PartyDisplay).HasMaxLength(200);
        e.Property(x => x.PartyCreditCode).HasMaxLength(18);
        e.Property(x => x.Violation).HasMaxLength(4000);
        e.Property(x => x.LegalBasis).HasMaxLength(4000);
        e.Property(x => x.Conclusion).HasMaxLength(4000);
        e.Property(x => x.FineYuan).HasPrecision(14, 2);
        e.Property(x => x.LegalStatusNote).HasMaxLength(Publication.ReasonMaxLength);
        e.Property(x => x.Body).HasMaxLength(Publication.BodyMaxLength);
        e.Property(x => x.RedactionSpans).HasMaxLength(200_000);
        e.Property(x => x.SourceSha256).HasMaxLength(64);
        e.Property(x => x.ListKey).HasMaxLength(50);
        e.Property(x => x.SourceDigest).HasMaxLength(64);
        e.Property(x => x.AttachmentsJson).HasMaxLength(20_000);
        e.Property(x => x.NonDisclosureReason).HasMaxLength(Publication.ReasonMaxLength);
        e.Property(x => x.DisclosureExceptionReason).HasMaxLength(Publication.ReasonMaxLength);
        e.Property(x => x.WithdrawalReason).HasMaxLength(Publication.ReasonMaxLength);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.PublishedBy).HasMaxLength(256);
        e.Property(x => x.WithdrawnBy).HasMaxLength(256);
        e.Property(x => x.RedactionConfirmedBy).HasMaxLength(256);
        e.Ignore(x => x.IsPublic);
        e.HasIndex(x => x.SeriesId);
        // The staff's task lists: an agency's items by kind and status.
        e.HasIndex(x => new { x.AgencyId, x.Kind, x.Status });
        // The portal's newest-first list of what is public.
        e.HasIndex(x => new { x.Kind, x.Status, x.PublishedAt });
        e.HasIndex(x => x.CaseId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Approvals).WithOne().HasForeignKey(a => a.PublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PublicationApprovalConfiguration : IEntityTypeConfiguration<PublicationApproval>
{
    public void Configure(EntityTypeBuilder<PublicationApproval> e)
    {
        e.Property(x => x.Note).HasMaxLength(Publication.ReasonMaxLength);
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.ByName).HasMaxLength(100);
    }
}

public sealed class PublicationPolicyConfiguration : IEntityTypeConfiguration<PublicationPolicy>
{
    public void Configure(EntityTypeBuilder<PublicationPolicy> e)
    {
        e.HasKey(x => x.AgencyId);
        e.Property(x => x.AgencyId).ValueGeneratedNever();
        e.Property(x => x.SmallFineYuan).HasPrecision(14, 2);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PublicationErrorReportConfiguration : IEntityTypeConfiguration<PublicationErrorReport>
{
    public void Configure(EntityTypeBuilder<PublicationErrorReport> e)
    {
        e.Property(x => x.ReceiptNumber).HasMaxLength(20);
        e.HasIndex(x => x.ReceiptNumber).IsUnique();
        e.Property(x => x.Content).HasMaxLength(PublicationErrorReport.ContentMaxLength);
        e.Property(x => x.Contact).HasMaxLength(100);
        e.Property(x => x.Reply).HasMaxLength(2000);
        e.Property(x => x.RepliedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.AgencyId, x.Status });
        e.HasOne<Publication>().WithMany().HasForeignKey(x => x.PublicationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}
