namespace Zhifa.Domain.Officers;

/// <summary>The agency dashboard's figures (ORG-5).</summary>
public sealed record StaffingMetrics(
    IReadOnlyDictionary<CertificateStatus, int> OfficersByStatus,
    int ActiveOfficers,
    int LegalReviewers,
    decimal LegalReviewerRatio,
    bool BelowLegalReviewerFloor)
{
    /// <summary>Legal reviewers must be at least 5% of the agency's enforcement officers (seeds 000, 001, 002).</summary>
    public const decimal LegalReviewerFloor = 0.05m;

    public const int ExpiryWarningDays = 30;

    /// <summary>An officer's status is that of his best certificate on <paramref name="today"/>; no certificate counts as expired.</summary>
    public static CertificateStatus OfficerStatus(Officer officer, DateOnly today)
        => officer.Certificates.Count == 0
            ? CertificateStatus.Expired
            : officer.Certificates.Select(c => c.StatusOn(today)).Min();

    public static StaffingMetrics Compute(IEnumerable<Officer> officers, DateOnly today)
    {
        var active = officers.Where(o => o.Active).ToList();
        var byStatus = Enum.GetValues<CertificateStatus>().ToDictionary(s => s, _ => 0);
        foreach (var o in active) byStatus[OfficerStatus(o, today)]++;
        int reviewers = active.Count(o => o.IsLegalReviewer);
        decimal ratio = active.Count == 0 ? 0 : Math.Round((decimal)reviewers / active.Count, 4);
        return new StaffingMetrics(byStatus, active.Count, reviewers, ratio, active.Count > 0 && ratio < LegalReviewerFloor);
    }
}
