using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Documents;
using Zhifa.Domain.Records;
using Zhifa.Domain.Retention;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;

namespace Zhifa.Web.Features.Retention;

public sealed record HoldInput(HoldReason? Reason, string? Note);

public sealed record RecordRetentionView(int RecordId, string FileName, string Class, bool Held, DateOnly? KeepUntil, string Rule,
    DateOnly? PurgeMarkedOn, DateTime? PurgedAt);

public sealed record PurgeResult(int Marked, int Unmarked, int Deleted);

/// <summary>
/// REC-9: legal holds on a case's records and the daily purge. The purge deletes only what the policy lets go: it first
/// marks an expired record, deletes its file only after the recovery window if it is still expired then, keeps the
/// row, and writes every mark and deletion to the audit log.
/// </summary>
public sealed class RetentionService(AppDbContext db, BlobStore blobs, CurrentUser me)
{
    public static readonly RetentionPolicy Policy = new();

    public static bool MayHold(CurrentUser user) => user.IsAdministrator || user.IsInRole(Domain.Accounts.Roles.Head)
        || user.IsInRole(Domain.Accounts.Roles.DeputyHead) || user.IsInRole(Domain.Accounts.Roles.Archivist);

    public async Task<Case?> FindCaseAsync(int caseId)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId);
        return c is not null && await me.CanSee(c.AgencyId) ? c : null;
    }

    public async Task<LegalHold?> FindHoldAsync(int holdId)
    {
        var h = await db.Set<LegalHold>().FirstOrDefaultAsync(x => x.Id == holdId);
        return h is not null && await me.CanSee(h.AgencyId) ? h : null;
    }

    public Task<List<LegalHold>> HoldsAsync(int caseId) => db.Set<LegalHold>().AsNoTracking().Where(h => h.CaseId == caseId).OrderBy(h => h.Id).ToListAsync();

    public async Task<LegalHold> PlaceAsync(Case c, HoldInput input, DateOnly today)
    {
        var errors = new ValidationErrors().MaxLength("note", input.Note, 500, "说明");
        if (input.Reason is null || !Enum.IsDefined(input.Reason.Value)) errors.Add("reason", "required", "请选择长期保存的理由");
        if (input.Reason == HoldReason.Other) errors.Required("note", input.Note, "说明");
        errors.ThrowIfAny();
        var hold = new LegalHold
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Reason = input.Reason!.Value, Note = input.Note?.Trim() ?? "", PlacedBy = me.UserName, PlacedOn = today,
        };
        db.Add(hold);
        await db.SaveChangesAsync();
        return hold;
    }

    public async Task ReleaseAsync(LegalHold hold, DateOnly today)
    {
        if (hold.ReleasedOn is not null) throw new DomainValidationException("hold", "already_released", "该长期保存已解除");
        hold.ReleasedOn = today;
        hold.ReleasedBy = me.UserName;
        await db.SaveChangesAsync();
    }

    public async Task<List<RecordRetentionView>> RecordsAsync(Case c, DateOnly today)
    {
        var holds = (await HoldsAsync(c.Id)).Select(h => h.Facts).ToList();
        var closedOn = await ClosedOnAsync(c.Id);
        var records = await db.Set<Record>().AsNoTracking().Where(r => r.CaseId == c.Id).OrderBy(r => r.Id).ToListAsync();
        return records.Select(r =>
        {
            var d = Policy.Decide(new RetentionFacts(r.RetentionClass, DateOnly.FromDateTime(Display.ToChina(r.RegisteredAt)), closedOn, holds), today);
            return new RecordRetentionView(r.Id, r.FileName, r.RetentionClass == RetentionClass.Evidence ? "证据" : "非证据", d.Held, d.KeepUntil, d.Rule,
                r.PurgeMarkedOn, r.PurgedAt);
        }).ToList();
    }

    /// <summary>One pass of the purge over every record of the deployment (run daily, or by the administrator).</summary>
    public async Task<PurgeResult> PurgeAsync(DateOnly today, CancellationToken ct = default)
    {
        int marked = 0, unmarked = 0, deleted = 0;
        var closed = await db.CaseSteps.AsNoTracking().Where(h => h.ToStep == CaseSteps.Closed)
            .GroupBy(h => h.CaseId).Select(g => new { g.Key, At = g.Max(h => h.At) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var holds = (await db.Set<LegalHold>().AsNoTracking().ToListAsync(ct)).ToLookup(h => h.CaseId, h => h.Facts);
        // Only records of closed cases can expire; open cases keep everything.
        var candidates = await db.Set<Record>().Where(r => r.PurgedAt == null && closed.Keys.Contains(r.CaseId)).ToListAsync(ct);
        foreach (var r in candidates)
        {
            var facts = new RetentionFacts(r.RetentionClass, DateOnly.FromDateTime(Display.ToChina(r.RegisteredAt)),
                DateOnly.FromDateTime(Display.ToChina(closed[r.CaseId])), holds[r.CaseId].ToList());
            var expired = Policy.Decide(facts, today).ExpiredOn(today);
            if (r.PurgeMarkedOn is null && expired)
            {
                r.PurgeMarkedOn = today;
                marked++;
            }
            else if (r.PurgeMarkedOn is not null && !expired)
            {
                // A hold placed during the recovery window saves the record.
                r.PurgeMarkedOn = null;
                unmarked++;
            }
            else if (r.PurgeMarkedOn is { } on && Policy.MayDelete(facts, on, today))
            {
                r.PurgedAt = db.UtcNow;
                deleted++;
            }
        }
        db.AddAuditEvent("retention.purge-run", "Retention", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null,
            $"标记 {marked}，取消标记 {unmarked}，删除 {deleted}", actorName: "system");
        await db.SaveChangesAsync(ct);
        await DeleteUnreferencedFilesAsync(candidates.Where(r => r.PurgedAt is not null).Select(r => r.Sha256).Distinct().ToList(), ct);
        return new PurgeResult(marked, unmarked, deleted);
    }

    /// <summary>A file goes only when no record still kept and no document names it; its StoredFile row is marked purged.</summary>
    private async Task DeleteUnreferencedFilesAsync(List<string> hashes, CancellationToken ct)
    {
        foreach (var sha in hashes)
        {
            bool used = await db.Set<Record>().AnyAsync(r => r.Sha256 == sha && r.PurgedAt == null, ct)
                || await db.Set<CaseDocument>().AnyAsync(d => d.Sha256 == sha || d.ScanSha256 == sha, ct)
                || await db.Set<DocumentTemplate>().AnyAsync(t => t.Sha256 == sha, ct);
            if (used) continue;
            var path = blobs.PathOf(sha);
            if (File.Exists(path)) File.Delete(path);
            var stored = await db.Set<StoredFile>().FirstOrDefaultAsync(f => f.Sha256 == sha, ct);
            if (stored is not null) stored.PurgedAt = db.UtcNow;
            db.AddAuditEvent("record.purged", "StoredFile", sha, null, "保存期限届满，恢复期已过，原始文件已按制度删除", actorName: "system");
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<DateOnly?> ClosedOnAsync(int caseId)
    {
        var at = await db.CaseSteps.AsNoTracking().Where(h => h.CaseId == caseId && h.ToStep == CaseSteps.Closed).OrderByDescending(h => h.At)
            .Select(h => (DateTime?)h.At).FirstOrDefaultAsync();
        return at is { } t ? DateOnly.FromDateTime(Display.ToChina(t)) : null;
    }
}

/// <summary>Runs the purge once a day.</summary>
public sealed class DailyPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyPurge> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var today = DateOnly.FromDateTime(Display.ToChina(time.GetUtcNow().UtcDateTime));
                var result = await scope.ServiceProvider.GetRequiredService<RetentionService>().PurgeAsync(today, stoppingToken);
                log.LogInformation("Retention purge: {Result}", result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Retention purge failed; it runs again tomorrow");
            }
        }
    }
}
