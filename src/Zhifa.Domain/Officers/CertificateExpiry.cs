namespace Zhifa.Domain.Officers;

/// <summary>A certificate that runs out soon, with the calendar days left (0 = last valid day is today).</summary>
public sealed record ExpiringCertificate(Officer Officer, Certificate Certificate, int DaysLeft);

/// <summary>Certificate renewal reminders (ORG-5, ORG-8).</summary>
public static class CertificateExpiry
{
    /// <summary>
    /// Certificates of serving officers that are valid today and end within <paramref name="days"/> days, soonest first.
    /// One already followed by another certificate valid the day after it ends is left out: that officer has renewed.
    /// </summary>
    public static IReadOnlyList<ExpiringCertificate> Find(IEnumerable<Officer> officers, DateOnly today, int days = StaffingMetrics.ExpiryWarningDays)
        => officers
            .Where(o => o.Active)
            .SelectMany(o => o.Certificates
                .Where(c => c.ExpiresWithin(today, days))
                .Where(c => !o.Certificates.Any(other => !ReferenceEquals(other, c) && other.StatusOn(c.ValidUntil.AddDays(1)) == CertificateStatus.Valid))
                .Select(c => new ExpiringCertificate(o, c, c.ValidUntil.DayNumber - today.DayNumber)))
            .OrderBy(e => e.DaysLeft).ThenBy(e => e.Officer.Name, StringComparer.Ordinal).ThenBy(e => e.Certificate.Number, StringComparer.Ordinal)
            .ToList();
}
