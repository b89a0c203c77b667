using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Matters;

namespace Zhifa.Data.Cases;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.Property(c => c.Number).HasMaxLength(60);
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.Facts).HasMaxLength(8000);
        e.Property(c => c.Place).HasMaxLength(200);
        e.Property(c => c.Step).HasMaxLength(40);
        e.Property(c => c.OpenedBy).HasMaxLength(256);
        e.HasIndex(c => new { c.AgencyId, c.Number }).IsUnique();
        // The case list of an agency is read by step, newest first.
        e.HasIndex(c => new { c.AgencyId, c.Step, c.Id });
        e.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Matter>().WithMany().HasForeignKey(c => c.MatterId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Officers).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public const string UniqueCreditCodeIndex = "UX_Parties_AgencyId_CreditCode";
    public const string UniqueIdNumberIndex = "UX_Parties_AgencyId_IdNumber";

    public void Configure(EntityTypeBuilder<Party> e)
    {
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.IdNumber).HasMaxLength(18);
        e.Property(p => p.CreditCode).HasMaxLength(18);
        e.Property(p => p.LegalRepresentative).HasMaxLength(50);
        e.Property(p => p.Address).HasMaxLength(200);
        e.Property(p => p.Phone).HasMaxLength(30);
        // Lookups by code use these plain indexes (SQLite cannot use a partial index for a parameter).
        e.HasIndex(p => new { p.AgencyId, p.IdNumber });
        e.HasIndex(p => new { p.AgencyId, p.CreditCode });
        // 集中存储: one row per organisation (credit code) or, without one, per person (ID number) and agency, also
        // when two requests create the same new party at once; CaseService reuses the row that won.
        e.HasIndex(p => new { p.AgencyId, p.CreditCode }, UniqueCreditCodeIndex).IsUnique().HasFilter("\"CreditCode\" <> ''");
        e.HasIndex(p => new { p.AgencyId, p.IdNumber }, UniqueIdNumberIndex).IsUnique().HasFilter("\"CreditCode\" = '' AND \"IdNumber\" <> ''");
        e.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> e)
    {
        e.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.CaseId, p.PartyId }).IsUnique();
    }
}

public sealed class CaseOfficerConfiguration : IEntityTypeConfiguration<CaseOfficer>
{
    public void Configure(EntityTypeBuilder<CaseOfficer> e)
    {
        e.HasOne<Zhifa.Domain.Officers.Officer>().WithMany().HasForeignKey(o => o.OfficerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(o => new { o.CaseId, o.OfficerId }).IsUnique();
    }
}

public sealed class CaseStepRecordConfiguration : IEntityTypeConfiguration<CaseStepRecord>
{
    public void Configure(EntityTypeBuilder<CaseStepRecord> e)
    {
        e.Property(h => h.FromStep).HasMaxLength(40);
        e.Property(h => h.ToStep).HasMaxLength(40);
        e.Property(h => h.By).HasMaxLength(256);
        e.Property(h => h.Place).HasMaxLength(200);
        e.Property(h => h.Note).HasMaxLength(2000);
    }
}

public sealed class NumberCounterConfiguration : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> e)
    {
        e.HasKey(n => new { n.AgencyId, n.Kind, n.Year });
        e.Property(n => n.Kind).HasMaxLength(20);
        e.HasOne<Agency>().WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SeizureExtensionConfiguration : IEntityTypeConfiguration<SeizureExtension>
{
    public const string OneLivePerCaseIndex = "UX_SeizureExtensions_CaseId_Live";

    public void Configure(EntityTypeBuilder<SeizureExtension> e)
    {
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.DecisionNote).HasMaxLength(500);
        e.HasIndex(x => x.CaseId);
        // LAW-8 art. 25, also under two requests at once: a case has at most one request pending or approved.
        e.HasIndex(x => x.CaseId, OneLivePerCaseIndex).IsUnique()
            .HasFilter($"\"Status\" <> '{nameof(SeizureExtensionStatus.Rejected)}'");
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvidencePreservationConfiguration : IEntityTypeConfiguration<EvidencePreservation>
{
    public void Configure(EntityTypeBuilder<EvidencePreservation> e)
    {
        e.Property(x => x.Items).HasMaxLength(2000);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.RegisteredBy).HasMaxLength(256);
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.Property(x => x.ApprovalNote).HasMaxLength(500);
        e.Property(x => x.OutcomeNote).HasMaxLength(2000);
        e.Property(x => x.ResolvedBy).HasMaxLength(256);
        e.HasIndex(x => x.CaseId);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
