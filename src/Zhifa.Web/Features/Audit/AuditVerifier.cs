using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Audit;

namespace Zhifa.Web.Features.Audit;

/// <summary>Recomputes the audit chain from the database (SEC-4) and names the first entry that is wrong.</summary>
public sealed class AuditVerifier(AppDbContext db)
{
    public sealed record Result(long Entries, AuditProblem? Problem);

    public async Task<Result> VerifyAsync(CancellationToken ct = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        long count = 0;
        // Rows are streamed from the reader in sequence order, so a long log never has to fit in memory.
        var rows = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable()
            .Select(e => { count++; return e.ToRecord(); });
        var problem = await Task.Run(() => AuditChain.Verify(rows, (head.Sequence, head.Hash)), ct);
        return new Result(count, problem);
    }
}
