using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Officers;

/// <summary>Demo data looked up by the names a user sees, so the officers tests read as what a user does.</summary>
internal static class OfficerTestData
{
    public const string Health = "永兴县卫生健康局";
    public const string Safety = "永兴县应急管理局";

    public static Task<int> AgencyOfficersIdAsync(this ZhifaFactory app, string name)
        => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public static Task<int> UnitOfficersIdAsync(this ZhifaFactory app, string name)
        => app.WithDbAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public static Task<int> OfficerIdAsync(this ZhifaFactory app, string name)
        => app.WithDbAsync(db => db.Officers.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<(int OfficerId, int CertificateId)> CertificateIdsAsync(this ZhifaFactory app, string number)
        => app.WithDbAsync(async db =>
        {
            var c = await db.Certificates.SingleAsync(x => x.Number == number);
            return (c.OfficerId, c.Id);
        });

    public static Task<int> OfficerCountAsync(this ZhifaFactory app)
        => app.WithDbAsync(db => db.Officers.CountAsync());

    public static Task<int> CertificateCountAsync(this ZhifaFactory app)
        => app.WithDbAsync(db => db.Certificates.CountAsync());

    public static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A certificate number no other test uses.</summary>
    public static string NewNumber() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static string Iso(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTime Today => DateTime.UtcNow.AddHours(8).Date;
}
