using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.LegalReview;

namespace Zhifa.Data.LegalReview;

public sealed class MajorDecisionCatalogueConfiguration : IEntityTypeConfiguration<MajorDecisionCatalogue>
{
    public void Configure(EntityTypeBuilder<MajorDecisionCatalogue> e)
    {
        e.Property(x => x.NaturalPersonFineYuan).HasPrecision(14, 2);
        e.Property(x => x.OrganisationFineYuan).HasPrecision(14, 2);
        e.Property(x => x.ConfiscationYuan).HasPrecision(14, 2);
        e.Property(x => x.MajorKinds).HasMaxLength(300);
        e.Property(x => x.Notes).HasMaxLength(4000);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasIndex(x => x.AgencyId).IsUnique();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReviewFlagConfiguration : IEntityTypeConfiguration<ReviewFlag>
{
    public void Configure(EntityTypeBuilder<ReviewFlag> e)
    {
        e.Property(x => x.Criterion).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.FlaggedBy).HasMaxLength(256);
        e.Property(x => x.FlaggedByName).HasMaxLength(100);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReviewSubmissionConfiguration : IEntityTypeConfiguration<ReviewSubmission>
{
    public void Configure(EntityTypeBuilder<ReviewSubmission> e)
    {
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var p in new[] { nameof(ReviewSubmission.UnitName), nameof(ReviewSubmission.ContactName), nameof(ReviewSubmission.ContactPhone),
                     nameof(ReviewSubmission.SubmittedByName), nameof(ReviewSubmission.ReturnedByName), nameof(ReviewSubmission.ExtensionApprovedByName) })
            e.Property(p).HasMaxLength(100);
        foreach (var p in new[] { nameof(ReviewSubmission.SubmittedBy), nameof(ReviewSubmission.ReturnedBy), nameof(ReviewSubmission.ExtensionApprovedBy) })
            e.Property(p).HasMaxLength(256);
        foreach (var p in new[] { nameof(ReviewSubmission.BasicFacts), nameof(ReviewSubmission.LawApplied), nameof(ReviewSubmission.Discretion),
                     nameof(ReviewSubmission.Investigation), nameof(ReviewSubmission.HearingAndAppraisal), nameof(ReviewSubmission.ProcedureFollowed),
                     nameof(ReviewSubmission.OtherMatters), nameof(ReviewSubmission.ExtraMaterial), nameof(ReviewSubmission.Reply),
                     nameof(ReviewSubmission.UnitOpinion), nameof(ReviewSubmission.ReturnReason), nameof(ReviewSubmission.RequestedMaterial),
                     nameof(ReviewSubmission.ExtensionReason) })
            e.Property(p).HasMaxLength(4000);
        e.Property(x => x.ProposalSnapshot).HasMaxLength(40000);
        e.Property(x => x.ProposalFingerprint).HasMaxLength(64);
        e.Property(x => x.EvidenceDocumentIds).HasMaxLength(2000);
        e.Property(x => x.EvidenceRecordIds).HasMaxLength(2000);
        e.Ignore(x => x.Extended);
        e.HasIndex(x => new { x.CaseId, x.Round }).IsUnique();
        e.HasIndex(x => new { x.AgencyId, x.Status });
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReviewOpinionConfiguration : IEntityTypeConfiguration<ReviewOpinion>
{
    public void Configure(EntityTypeBuilder<ReviewOpinion> e)
    {
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Findings).HasMaxLength(20000);
        e.Property(x => x.ReasonCategories).HasMaxLength(500);
        e.Property(x => x.Reasons).HasMaxLength(4000);
        e.Property(x => x.Suggestions).HasMaxLength(4000);
        e.Property(x => x.LeaderOpinion).HasMaxLength(2000);
        e.Property(x => x.ProposalFingerprint).HasMaxLength(64);
        e.Property(x => x.ReviewedBy).HasMaxLength(256);
        e.Property(x => x.LeaderBy).HasMaxLength(256);
        e.Property(x => x.ReviewedByName).HasMaxLength(100);
        e.Property(x => x.LeaderByName).HasMaxLength(100);
        e.Ignore(x => x.Categories);
        e.HasIndex(x => x.SubmissionId).IsUnique();
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => x.ReviewedBy);
        e.HasOne<ReviewSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReviewConsultationConfiguration : IEntityTypeConfiguration<ReviewConsultation>
{
    public void Configure(EntityTypeBuilder<ReviewConsultation> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Consultants).HasMaxLength(200);
        e.Property(x => x.Question).HasMaxLength(4000);
        e.Property(x => x.Advice).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.RecordedByName).HasMaxLength(100);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReviewCoordinationConfiguration : IEntityTypeConfiguration<ReviewCoordination>
{
    public void Configure(EntityTypeBuilder<ReviewCoordination> e)
    {
        e.Property(x => x.Participants).HasMaxLength(500);
        e.Property(x => x.Disagreement).HasMaxLength(4000);
        e.Property(x => x.Outcome).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.RecordedByName).HasMaxLength(100);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
