using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Records;

namespace Zhifa.Data.Decisions;

public sealed class DecisionSettingsConfiguration : IEntityTypeConfiguration<DecisionSettings>
{
    public void Configure(EntityTypeBuilder<DecisionSettings> e)
    {
        e.HasKey(s => s.AgencyId);
        e.Property(s => s.LargeFineCitizenYuan).HasPrecision(14, 2);
        e.Property(s => s.LargeFineOrganisationYuan).HasPrecision(14, 2);
        e.Property(s => s.LargeConfiscationCitizenYuan).HasPrecision(14, 2);
        e.Property(s => s.LargeConfiscationOrganisationYuan).HasPrecision(14, 2);
        e.Property(s => s.UpdatedBy).HasMaxLength(256);
        e.HasOne<Agency>().WithOne().HasForeignKey<DecisionSettings>(s => s.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> e)
    {
        e.Property(n => n.Number).HasMaxLength(60);
        e.Property(n => n.PenaltyKinds).HasMaxLength(300);
        e.Property(n => n.FineYuan).HasPrecision(14, 2);
        e.Property(n => n.ConfiscationYuan).HasPrecision(14, 2);
        e.Property(n => n.ProposalFingerprint).HasMaxLength(64);
        e.Property(n => n.HearingReasons).HasMaxLength(2000);
        e.Property(n => n.CreatedBy).HasMaxLength(256);
        e.Property(n => n.ServiceMethod).HasMaxLength(20);
        e.Property(n => n.ServedBy).HasMaxLength(256);
        e.Property(n => n.WaiverNote).HasMaxLength(2000);
        e.Property(n => n.WaiverRecordedBy).HasMaxLength(256);
        e.HasIndex(n => n.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseDocument>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> e)
    {
        e.Property(s => s.Content).HasMaxLength(8000);
        e.Property(s => s.FileSha256).HasMaxLength(64);
        e.Property(s => s.FileName).HasMaxLength(255);
        e.Property(s => s.FileContentType).HasMaxLength(100);
        e.Property(s => s.RecordedBy).HasMaxLength(256);
        e.Property(s => s.AnswerReason).HasMaxLength(4000);
        e.Property(s => s.AnsweredBy).HasMaxLength(256);
        e.HasIndex(s => s.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Notice>().WithMany().HasForeignKey(s => s.NoticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StoredFile>().WithMany().HasForeignKey(s => s.FileSha256).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> e)
    {
        e.Property(h => h.RequestNote).HasMaxLength(2000);
        e.Property(h => h.RecordedBy).HasMaxLength(256);
        e.Property(h => h.ChairName).HasMaxLength(100);
        e.Property(h => h.Place).HasMaxLength(200);
        e.Property(h => h.WithdrawalNote).HasMaxLength(2000);
        e.HasIndex(h => h.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(h => h.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Notice>().WithMany().HasForeignKey(h => h.NoticeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RecusalConfiguration : IEntityTypeConfiguration<Recusal>
{
    public void Configure(EntityTypeBuilder<Recusal> e)
    {
        e.Property(r => r.TargetName).HasMaxLength(100);
        e.Property(r => r.Reason).HasMaxLength(2000);
        e.Property(r => r.RecordedBy).HasMaxLength(256);
        e.Property(r => r.DecisionReason).HasMaxLength(2000);
        e.Property(r => r.DecidedBy).HasMaxLength(256);
        e.HasIndex(r => r.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CollectiveDiscussionConfiguration : IEntityTypeConfiguration<CollectiveDiscussion>
{
    public void Configure(EntityTypeBuilder<CollectiveDiscussion> e)
    {
        e.Property(d => d.Reason).HasMaxLength(2000);
        e.Property(d => d.Place).HasMaxLength(200);
        e.Property(d => d.Conclusion).HasMaxLength(4000);
        e.Property(d => d.ProposalFingerprint).HasMaxLength(64);
        e.Property(d => d.RecordedBy).HasMaxLength(256);
        e.Property(d => d.PresiderName).HasMaxLength(100);
        e.Property(d => d.PresiderRole).HasMaxLength(100);
        e.Property(d => d.DesignatedByName).HasMaxLength(100);
        e.Property(d => d.Designation).HasMaxLength(500);
        e.HasIndex(d => d.CaseId);
        e.HasMany(d => d.Participants).WithOne().HasForeignKey(p => p.DiscussionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseDocument>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DiscussionParticipantConfiguration : IEntityTypeConfiguration<DiscussionParticipant>
{
    public void Configure(EntityTypeBuilder<DiscussionParticipant> e)
    {
        e.Property(p => p.Name).HasMaxLength(100);
        e.Property(p => p.RoleLabel).HasMaxLength(100);
        e.Property(p => p.Attendance).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Opinion).HasMaxLength(2000);
    }
}

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> e)
    {
        e.Property(d => d.TypeCode).HasMaxLength(40);
        e.Property(d => d.Number).HasMaxLength(60);
        e.Property(d => d.PenaltyKinds).HasMaxLength(300);
        e.Property(d => d.FineYuan).HasPrecision(14, 2);
        e.Property(d => d.ConfiscationYuan).HasPrecision(14, 2);
        e.Property(d => d.ProposalFingerprint).HasMaxLength(64);
        e.Property(d => d.IssuedBy).HasMaxLength(256);
        e.Property(d => d.IssuedByRole).HasMaxLength(40);
        // One decision per case: a second issue of the same case fails instead of numbering a second document.
        e.HasIndex(d => d.CaseId).IsUnique();
        e.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CaseDocument>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
