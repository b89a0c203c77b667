using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Complaints;

namespace Zhifa.Data.Complaints;

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> e)
    {
        e.Property(x => x.ReceiptNumber).HasMaxLength(20);
        e.HasIndex(x => x.ReceiptNumber).IsUnique();
        e.Property(x => x.Content).HasMaxLength(Complaint.ContentMaxLength);
        e.Property(x => x.Subject).HasMaxLength(Complaint.SubjectMaxLength);
        e.Property(x => x.ContactName).HasMaxLength(Complaint.NameMaxLength);
        e.Property(x => x.ContactPhone).HasMaxLength(Complaint.PhoneMaxLength);
        e.Property(x => x.Notes).HasMaxLength(20000);
        e.Property(x => x.Reply).HasMaxLength(Complaint.ReplyMaxLength);
        e.Property(x => x.RejectionReason).HasMaxLength(1000);
        // The agency's list is read newest first, by status.
        e.HasIndex(x => new { x.AgencyId, x.Status, x.Id });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ComplaintPolicyConfiguration : IEntityTypeConfiguration<ComplaintPolicy>
{
    public void Configure(EntityTypeBuilder<ComplaintPolicy> e)
    {
        e.HasKey(x => x.AgencyId);
        e.Property(x => x.AgencyId).ValueGeneratedNever();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
