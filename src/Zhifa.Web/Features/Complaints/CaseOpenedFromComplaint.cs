using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Complaints;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Infrastructure;
using static Zhifa.Web.Infrastructure.UiText;

namespace Zhifa.Web.Features.Complaints;

/// <summary>
/// Opening a case from a complaint (SUP-4 → REC-1): the case form starts from the complaint, and when the case is
/// opened the complaint must be this agency's and still open; it is linked to the case and becomes 已转立案 in the
/// transaction that opens the case, so neither happens without the other.
/// </summary>
public sealed class CaseOpenedFromComplaint(AppDbContext db, CurrentUser me, TimeProvider time, ComplaintService complaints)
    : IDomainEventHandler<CaseOpened>, ICaseComplaintSource
{
    public async Task<CaseFromComplaint?> DraftAsync(int complaintId)
    {
        if (await complaints.FindVisibleAsync(complaintId) is not { } c) return null;
        var d = ComplaintService.CaseDraft(c);
        return new CaseFromComplaint(d.ComplaintId, d.AgencyId, d.ReceiptNumber, d.Title, d.Facts);
    }

    public async Task HandleAsync(CaseOpened e)
    {
        if (e.ComplaintId is not { } id) return;
        var found = await complaints.FindVisibleAsync(id);
        if (found is null || found.AgencyId != e.Case.AgencyId)
            throw new DomainValidationException("complaintId", "unknown", T("complaints.open_case.unknown"));
        // Linked already by the one who opened the case (ComplaintService.OpenCaseAsync).
        if (found.CaseId == e.Case.Id) return;
        if (!complaints.MayHandle(found)) throw new DomainValidationException("complaintId", "not_allowed", T("complaints.open_case.not_allowed"));
        CheckStillOpen(found);
        // The copy read again must come from the database, not from the tracker.
        db.Entry(found).State = EntityState.Detached;
        // Read again (locked on PostgreSQL) so that two openings from one complaint cannot both succeed.
        var c = !db.Database.IsSqlite()
            ? await db.Set<Complaint>().FromSqlRaw("SELECT * FROM \"Complaints\" WHERE \"Id\" = {0} FOR UPDATE", id).SingleAsync()
            : await db.Set<Complaint>().SingleAsync(x => x.Id == id);
        CheckStillOpen(c);
        var now = time.GetUtcNow().UtcDateTime;
        c.OpenedCase(e.Case.Id, now);
        c.AddNote(T("complaints.open_case.note", e.Case.Number), me.DisplayName, Display.ToChina(now));
        await db.SaveChangesAsync();
    }

    private static void CheckStillOpen(Complaint c)
    {
        if (!Complaint.CanMove(c.Status, ComplaintStatus.CaseOpened))
            throw new DomainValidationException("complaintId", "closed", T("complaints.open_case.closed", Complaint.Label(c.Status)));
    }
}
