using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Execution;

namespace Zhifa.Data.Execution;

public sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> e)
    {
        e.Property(x => x.DocumentTypeCode).HasMaxLength(60);
        e.Property(x => x.DocumentTitle).HasMaxLength(300);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.Witnesses).HasMaxLength(500);
        e.Property(x => x.LeftReason).HasMaxLength(1000);
        e.Property(x => x.TrackingNumber).HasMaxLength(100);
        e.Property(x => x.AnnouncementWhere).HasMaxLength(500);
        e.Property(x => x.ElectronicAddress).HasMaxLength(200);
        e.Property(x => x.Intermediary).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseDocument>().WithMany().HasForeignKey(x => x.ReceiptDocumentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ElectronicServiceConsent>().WithMany().HasForeignKey(x => x.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ElectronicServiceConsentConfiguration : IEntityTypeConfiguration<ElectronicServiceConsent>
{
    public void Configure(EntityTypeBuilder<ElectronicServiceConsent> e)
    {
        e.Property(x => x.PartyName).HasMaxLength(200);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PaymentRecordConfiguration : IEntityTypeConfiguration<PaymentRecord>
{
    public void Configure(EntityTypeBuilder<PaymentRecord> e)
    {
        e.Property(x => x.AmountYuan).HasPrecision(14, 2);
        e.Property(x => x.Reference).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PaymentArrangementConfiguration : IEntityTypeConfiguration<PaymentArrangement>
{
    public void Configure(EntityTypeBuilder<PaymentArrangement> e)
    {
        e.Ignore(x => x.Instalments);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.Schedule).HasMaxLength(2000);
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.DecisionNote).HasMaxLength(2000);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EnforcementApplicationConfiguration : IEntityTypeConfiguration<EnforcementApplication>
{
    public void Configure(EntityTypeBuilder<EnforcementApplication> e)
    {
        e.Ignore(x => x.Concluded);
        e.Property(x => x.Court).HasMaxLength(200);
        e.Property(x => x.Reference).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.OutcomeNote).HasMaxLength(2000);
        e.Property(x => x.OutcomeRecordedBy).HasMaxLength(256);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DecisionLimitExtensionConfiguration : IEntityTypeConfiguration<DecisionLimitExtension>
{
    public void Configure(EntityTypeBuilder<DecisionLimitExtension> e)
    {
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
