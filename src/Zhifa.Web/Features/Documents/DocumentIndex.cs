using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Documents;

namespace Zhifa.Web.Features.Documents;

/// <summary>
/// Which documents a case has, for the rules of other areas that depend on them (a 听证笔录 makes a decision major).
/// Apart from <see cref="DocumentService"/> because that service asks the legal-review gate before printing a decision,
/// and the gate asks this.
/// </summary>
public sealed class DocumentIndex(AppDbContext db)
{
    public async Task<bool> HasAsync(int caseId, string typeCode)
        => await db.Set<CaseDocument>().AnyAsync(d => d.CaseId == caseId && d.TypeCode == typeCode);
}
