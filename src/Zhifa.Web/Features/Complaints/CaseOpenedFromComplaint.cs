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
public sealed class CaseOpenedFromComplaint(ComplaintService complaints)
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
        if (e.ComplaintId is { } id) await complaints.LinkOpenedCaseAsync(e.Case, id);
    }
}
