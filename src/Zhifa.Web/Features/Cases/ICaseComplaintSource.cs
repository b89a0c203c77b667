namespace Zhifa.Web.Features.Cases;

/// <summary>
/// SUP-4: the complaint a case may be opened from, as the case form starts from it; the complaints area implements
/// and registers it (and marks the complaint on <see cref="Zhifa.Domain.Cases.CaseOpened"/>), so the case area never calls it.
/// </summary>
public interface ICaseComplaintSource
{
    /// <summary>The case form's starting point from a complaint the signed-in account may see; null when there is none.</summary>
    Task<CaseFromComplaint?> DraftAsync(int complaintId);
}

public sealed record CaseFromComplaint(int ComplaintId, int AgencyId, string ReceiptNumber, string Title, string Facts);
