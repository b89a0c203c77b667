using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Zhifa.Data.Accounts;
using Zhifa.Data.Audit;
using Zhifa.Data.Calendar;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Audit;
using Zhifa.Domain.Matters;
using Zhifa.Domain.Officers;

namespace Zhifa.Data;

/// <summary>
/// The one database of Zhifa. Every SaveChanges appends the audit entries of its changes in the same
/// transaction, so there is no change without its entry and no entry without its change (SEC-4).
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
{
    // SQLite has a single writer per file and this process is its only user: a process lock serialises appends.
    private static readonly SemaphoreSlim SqliteAppendLock = new(1, 1);

    private readonly IAuditActor _actor = actor ?? new SystemActor();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly List<AuditEvent> _events = [];

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<Matter> Matters => Set<Matter>();
    public DbSet<LegalBasis> LegalBases => Set<LegalBasis>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<CalendarYearData> CalendarYears => Set<CalendarYearData>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<CaseParty> CaseParties => Set<CaseParty>();
    public DbSet<CaseOfficer> CaseOfficers => Set<CaseOfficer>();
    public DbSet<CaseStepRecord> CaseSteps => Set<CaseStepRecord>();
    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();

    public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <summary>Records an event that changes no row (a sign-in, a sensitive read); it is written with the next save.</summary>
    public void AddAuditEvent(string action, string subjectType, string subjectId, int? agencyId, string details = "", string? actorName = null)
        => _events.Add(new AuditEvent(action, subjectType, subjectId, agencyId, details, actorName));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads plainly and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(50);
            e.HasIndex(u => u.AgencyId);
        });
        builder.Entity<Agency>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(100);
            e.Property(a => a.ShortName).HasMaxLength(10);
            e.Property(a => a.CreditCode).HasMaxLength(18);
            e.Property(a => a.Address).HasMaxLength(200);
            e.Property(a => a.Contact).HasMaxLength(100);
            e.Property(a => a.CaseNumberFormat).HasMaxLength(60);
            e.Property(a => a.ReconsiderationOrgan).HasMaxLength(AgencyRemedies.MaxLength);
            e.Property(a => a.CompetentCourt).HasMaxLength(AgencyRemedies.MaxLength);
            e.HasIndex(a => a.CreditCode).IsUnique();
            e.HasIndex(a => a.ParentId);
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Units).WithOne().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(a => a.LegalReviewUnit);
        });
        builder.Entity<Unit>(e => e.Property(u => u.Name).HasMaxLength(100));
        builder.Entity<Officer>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(50);
            e.Property(o => o.Position).HasMaxLength(50);
            e.HasIndex(o => o.AgencyId);
            e.HasOne<Agency>().WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(o => o.Certificates).WithOne().HasForeignKey(c => c.OfficerId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Trainings).WithOne().HasForeignKey(t => t.OfficerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Certificate>(e =>
        {
            e.Property(c => c.Number).HasMaxLength(40);
            e.Property(c => c.Issuer).HasMaxLength(100);
            e.Property(c => c.Domains).HasMaxLength(200);
            e.Property(c => c.StateReason).HasMaxLength(200);
            e.HasIndex(c => c.Number).IsUnique();
        });
        builder.Entity<TrainingRecord>(e =>
        {
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.Result).HasMaxLength(50);
            e.Property(t => t.Hours).HasPrecision(6, 1);
        });
        builder.Entity<Matter>(e =>
        {
            e.Property(m => m.Code).HasMaxLength(50);
            e.Property(m => m.Name).HasMaxLength(200);
            e.HasIndex(m => new { m.AgencyId, m.Code }).IsUnique();
            e.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Unit>().WithMany().HasForeignKey(m => m.ResponsibleUnitId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(m => m.Bases).WithOne().HasForeignKey(b => b.MatterId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LegalBasis>(e =>
        {
            e.Property(b => b.Law).HasMaxLength(200);
            e.Property(b => b.Article).HasMaxLength(50);
            e.Property(b => b.Text).HasMaxLength(4000);
        });
        builder.Entity<ApiToken>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(12);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.Property(t => t.Scopes).HasMaxLength(300);
            e.Property(t => t.CreatedBy).HasMaxLength(256);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(t => t.ScopeList);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.SubjectType).HasMaxLength(100);
            e.Property(a => a.SubjectId).HasMaxLength(100);
            e.Property(a => a.BeforeDigest).HasMaxLength(64);
            e.Property(a => a.AfterDigest).HasMaxLength(64);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.SubjectType, a.SubjectId });
            e.HasIndex(a => a.AgencyId);
        });
        builder.Entity<AuditHead>(e =>
        {
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Hash).HasMaxLength(64);
            e.HasData(new AuditHead { Id = 1, Sequence = 0, Hash = AuditChain.GenesisHash });
        });
        // Areas added later keep their mappings in their own IEntityTypeConfiguration classes in this assembly.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Tables are named in the plural like those with a DbSet, also for entities used through Set<T>().
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.GetTableName() == e.ClrType.Name))
            entity.SetTableName(entity.ClrType.Name + "s");
        builder.Entity<CalendarYearData>(e =>
        {
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
            e.Property(c => c.LoadedBy).HasMaxLength(256);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = CaptureChanges();
        if (changes.Count == 0 && _events.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        bool sqlite = Database.IsSqlite();
        if (sqlite) await SqliteAppendLock.WaitAsync(cancellationToken);
        try
        {
            var ownTransaction = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                // Saved first so that new rows have their keys before their entries are written.
                int count = await base.SaveChangesAsync(true, cancellationToken);
                var head = await LockHeadAsync(sqlite, cancellationToken);
                var now = AuditChain.Truncate(UtcNow);
                foreach (var change in changes)
                    Append(head, now, _actor.Name, AgencyOf(change.Entry) ?? change.AgencyId ?? _actor.AgencyId, change.Action,
                        change.SubjectType, KeyOf(change.Entry), change.BeforeDigest,
                        change.Entry.State == EntityState.Detached ? null : DigestOf(change.Entry.CurrentValues),
                        change.Details);
                foreach (var ev in _events)
                    Append(head, now, ev.ActorName ?? _actor.Name, ev.AgencyId, ev.Action, ev.SubjectType, ev.SubjectId, null, null, ev.Details);
                _events.Clear();
                await base.SaveChangesAsync(true, cancellationToken);
                if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
                return count;
            }
            catch
            {
                if (ownTransaction is not null) await ownTransaction.RollbackAsync(CancellationToken.None);
                throw;
            }
            finally
            {
                if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            }
        }
        finally
        {
            if (sqlite) SqliteAppendLock.Release();
        }
    }

    private async Task<AuditHead> LockHeadAsync(bool sqlite, CancellationToken ct)
    {
        var head = sqlite
            ? await AuditHeads.SingleAsync(h => h.Id == 1, ct)
            : await AuditHeads.FromSqlRaw("SELECT * FROM \"AuditHeads\" WHERE \"Id\" = 1 FOR UPDATE").SingleAsync(ct);
        // The row may be tracked from an earlier save of this context: read it fresh.
        await Entry(head).ReloadAsync(ct);
        return head;
    }

    private void Append(AuditHead head, DateTime now, string actor, int? agencyId, string action, string subjectType,
        string subjectId, string? before, string? after, string details)
    {
        long sequence = head.Sequence + 1;
        var hash = AuditChain.ComputeHash(sequence, now.Ticks, actor, agencyId, action, subjectType, subjectId, before, after, details, head.Hash);
        AuditEntries.Add(new AuditEntry
        {
            Sequence = sequence, Time = now, Actor = actor, AgencyId = agencyId, Action = action,
            SubjectType = subjectType, SubjectId = subjectId, BeforeDigest = before, AfterDigest = after,
            Details = details, PreviousHash = head.Hash, Hash = hash,
        });
        head.Sequence = sequence;
        head.Hash = hash;
    }

    private List<PendingChange> CaptureChanges()
    {
        ChangeTracker.DetectChanges();
        var list = new List<PendingChange>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry or AuditHead) continue;
            string? action = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Modified => "updated",
                EntityState.Deleted => "deleted",
                _ => null,
            };
            if (action is null) continue;
            string type = entry.Metadata.ClrType.Name;
            string details = entry.State == EntityState.Modified
                ? string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : "";
            list.Add(new PendingChange(entry, $"{type}.{action}", type,
                entry.State == EntityState.Added ? null : DigestOf(entry.OriginalValues), details, AgencyOf(entry)));
        }
        return list;
    }

    /// <summary>The agency a row belongs to: the agency itself, or any entity's AgencyId column.</summary>
    private static int? AgencyOf(EntityEntry entry)
    {
        if (entry.Entity is Agency a) return a.Id == 0 ? null : a.Id;
        return entry.Metadata.FindProperty("AgencyId") is null ? null : entry.Property("AgencyId").CurrentValue as int?;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    /// <summary>SHA-256 of the row as canonical JSON (properties sorted by name).</summary>
    private static string DigestOf(PropertyValues values)
    {
        var sorted = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in values.Properties)
        {
            sorted[p.Name] = values[p] switch
            {
                null => null,
                DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            };
        }
        return AuditChain.Sha256Hex(JsonSerializer.Serialize(sorted));
    }

    private sealed record PendingChange(EntityEntry Entry, string Action, string SubjectType, string? BeforeDigest, string Details, int? AgencyId);

    private sealed record AuditEvent(string Action, string SubjectType, string SubjectId, int? AgencyId, string Details, string? ActorName);
}
