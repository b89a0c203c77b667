using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Retention;
using Zhifa.Domain.Rules;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Features.Documents;
using Zhifa.Web.Features.Records;
using Zhifa.Web.Infrastructure;
using Zhifa.Web.Infrastructure.Storage;
using static Zhifa.Web.Infrastructure.UiText;

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
public sealed class RetentionService(AppDbContext db, BlobStore blobs, CurrentUser me, CaseService cases, RecordService records, DocumentService documents)
{
    public static readonly RetentionPolicy Policy = new();

    public Task<Case?> FindCaseAsync(int caseId) => cases.FindVisibleAsync(caseId);

    public async Task<LegalHold?> FindHoldAsync(int holdId)
    {
        var h = await db.Set<LegalHold>().FirstOrDefaultAsync(x => x.Id == holdId);
        return h is not null && await me.CanSee(h.AgencyId) ? h : null;
    }

    public Task<List<LegalHold>> HoldsAsync(int caseId) => db.Set<LegalHold>().AsNoTracking().Where(h => h.CaseId == caseId).OrderBy(h => h.Id).ToListAsync();

    private static HoldFacts Facts(int agencyId, LegalHold? hold, HoldInput? input) => new()
    {
        AgencyId = agencyId, State = hold is null ? RetentionLifecycle.New : hold.ReleasedOn is null ? RetentionLifecycle.Held : RetentionLifecycle.Released,
        Reason = input is null ? hold?.Reason : input.Reason, Note = input is null ? hold?.Note ?? "" : input.Note?.Trim() ?? "",
    };

    /// <summary>Whether the signed-in account may place and release holds on the case's records (the page offers the forms then).</summary>
    public async Task<MoveCheck> PlaceCheckAsync(Case c)
        => RetentionLifecycle.Check(RetentionActs.Place, Facts(c.AgencyId, null, new HoldInput(HoldReason.ObjectionOrComplaint, "")), await me.ActorAsync());

    public async Task<Outcome<LegalHold>> PlaceAsync(Case c, HoldInput input, DateOnly today)
    {
        new ValidationErrors().MaxLength("note", input.Note, 500, T("retention.field.note")).ThrowIfAny();
        var check = RetentionLifecycle.Check(RetentionActs.Place, Facts(c.AgencyId, null, input), await me.ActorAsync());
        if (!check.IsAllowed) return Outcome<LegalHold>.Refused(check);
        var hold = new LegalHold
        {
            AgencyId = c.AgencyId, CaseId = c.Id, Reason = input.Reason!.Value, Note = input.Note?.Trim() ?? "", PlacedBy = me.UserName, PlacedOn = today,
        };
        db.Add(hold);
        await db.SaveChangesAsync();
        return Outcome<LegalHold>.Done(hold);
    }

    public async Task<Outcome<LegalHold>> ReleaseAsync(LegalHold hold, DateOnly today)
    {
        var check = RetentionLifecycle.Check(RetentionActs.Release, Facts(hold.AgencyId, hold, null), await me.ActorAsync());
        if (!check.IsAllowed) return Outcome<LegalHold>.Refused(check);
        hold.ReleasedOn = today;
        hold.ReleasedBy = me.UserName;
        await db.SaveChangesAsync();
        return Outcome<LegalHold>.Done(hold);
    }

    public async Task<List<RecordRetentionView>> RecordsAsync(Case c, DateOnly today)
    {
        var holds = (await HoldsAsync(c.Id)).Select(h => h.Facts).ToList();
        DateOnly? closedOn = (await cases.ClosedAtAsync(c.Id)).TryGetValue(c.Id, out var at) ? DateOnly.FromDateTime(Display.ToChina(at)) : null;
        return (await records.OfCaseAsync(c.Id)).Select(r =>
        {
            var d = Policy.Decide(new RetentionFacts(r.RetentionClass, DateOnly.FromDateTime(Display.ToChina(r.RegisteredAt)), closedOn, holds), today);
            return new RecordRetentionView(r.Id, r.FileName, T(r.RetentionClass == RetentionClass.Evidence ? "retention.class.evidence" : "retention.class.other"),
                d.Held, d.KeepUntil, d.Rule, r.PurgeMarkedOn, r.PurgedAt);
        }).ToList();
    }

    /// <summary>A purge run asked for by a person: only the deployment's administrator, as the table says.</summary>
    public async Task<Outcome<PurgeResult>> RunPurgeAsync(DateOnly today)
    {
        var check = RetentionLifecycle.Run.Check(RetentionActs.Run, "Idle", new PurgeRunFacts { Today = today }, await me.ActorAsync());
        return check.IsAllowed ? Outcome<PurgeResult>.Done(await PurgeAsync(today)) : Outcome<PurgeResult>.Refused(check);
    }

    /// <summary>One pass of the purge over every record of the deployment (run daily, or by the administrator); each record moves as the purge table allows.</summary>
    public async Task<PurgeResult> PurgeAsync(DateOnly today, CancellationToken ct = default)
    {
        int marked = 0, unmarked = 0, deleted = 0;
        var closed = await cases.ClosedAtAsync(ct: ct);
        var holds = (await db.Set<LegalHold>().AsNoTracking().ToListAsync(ct)).ToLookup(h => h.CaseId, h => h.Facts);
        // Only records of closed cases can expire; open cases keep everything.
        var candidates = await records.UnpurgedOfCasesAsync(closed.Keys, ct);
        foreach (var r in candidates)
        {
            var retention = new RetentionFacts(r.RetentionClass, DateOnly.FromDateTime(Display.ToChina(r.RegisteredAt)),
                DateOnly.FromDateTime(Display.ToChina(closed[r.CaseId])), holds[r.CaseId].ToList());
            var facts = new PurgeFacts
            {
                State = RetentionLifecycle.StateOf(r.PurgeMarkedOn, r.PurgedAt), Expired = Policy.Decide(retention, today).ExpiredOn(today),
                RecoveryOver = r.PurgeMarkedOn is { } on && today >= on.AddDays(Policy.RecoveryDays),
            };
            if (RetentionLifecycle.Check(RetentionActs.Mark, facts).IsAllowed)
            {
                r.PurgeMarkedOn = today;
                marked++;
            }
            else if (RetentionLifecycle.Check(RetentionActs.Unmark, facts).IsAllowed)
            {
                r.PurgeMarkedOn = null;
                unmarked++;
            }
            else if (RetentionLifecycle.Check(RetentionActs.Delete, facts).IsAllowed)
            {
                r.PurgedAt = db.UtcNow;
                deleted++;
            }
        }
        db.AddAuditEvent("retention.purge-run", "Retention", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null,
            T("retention.audit.run", marked, unmarked, deleted), actorName: "system");
        await db.SaveChangesAsync(ct);
        await DeleteUnreferencedFilesAsync(candidates.Where(r => r.PurgedAt is not null).Select(r => r.Sha256).Distinct().ToList(), ct);
        return new PurgeResult(marked, unmarked, deleted);
    }

    /// <summary>A file goes only when no record still kept and no document names it; its StoredFile row is marked purged.</summary>
    private async Task DeleteUnreferencedFilesAsync(List<string> hashes, CancellationToken ct)
    {
        foreach (var sha in hashes)
        {
            if (await records.KeepsFileAsync(sha, ct) || await documents.UsesFileAsync(sha, ct)) continue;
            var path = blobs.PathOf(sha);
            if (File.Exists(path)) File.Delete(path);
            if (await records.StoredFileAsync(sha, ct) is { } stored) stored.PurgedAt = db.UtcNow;
            db.AddAuditEvent("record.purged", "StoredFile", sha, null, T("retention.audit.purged"), actorName: "system");
            await db.SaveChangesAsync(ct);
        }
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
