using Microsoft.EntityFrameworkCore;
using Zhifa.Data.Publicity;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Features.Cases;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Portal;

/// <summary>
/// Published decisions written straight to the database, as the publication flow leaves them on release (status
/// Published, the portal's search entry synced in the same save).
/// </summary>
public static class PortalTestData
{
    public const string Health = "永兴县卫生健康局";
    public const string Emergency = "永兴县应急管理局";

    public static DateOnly Today => CaseService.ChinaDay(DateTime.UtcNow);

    public static async Task<Publication> PublishAsync(ZhifaFactory app, string agency, Action<Publication> set)
        => await app.WithDbAsync(async db =>
        {
            var a = await db.Agencies.Include(x => x.Units).SingleAsync(x => x.Name == agency);
            var now = DateTime.UtcNow;
            var p = new Publication
            {
                AgencyId = a.Id, UnitId = a.Units.Count > 0 ? a.Units[0].Id : null, Kind = PublicationKind.Decision, Status = PublicationStatus.Published,
                Category = CaseCategory.Penalty, Form = PublicationForm.FullText, Title = "行政处罚决定书", DocumentNumber = "永兴罚〔2026〕1号",
                PartyDisplay = "某公司", Violation = "未按规定执行", LegalBasis = "依据有关规定", Conclusion = "警告", DecidedOn = Today.AddDays(-3),
                TriggeredOn = Today.AddDays(-3), LegalStatus = LegalStatus.InForce, CreatedAt = now, CreatedBy = "test", SubmittedAt = now,
                PublishedAt = now, PublishedBy = "test",
            };
            set(p);
            db.Add(p);
            await db.SaveChangesAsync();
            if (p.SeriesId == 0) p.SeriesId = p.Id;
            await PortalSearchIndex.SyncAsync(db, p);
            await db.SaveChangesAsync();
            return p;
        });

    /// <summary>Changes a stored publication as a later step of the flow would, and syncs the portal's entries.</summary>
    public static Task UpdateAsync(ZhifaFactory app, int publicationId, Action<Publication> change)
        => app.WithDbAsync(async db =>
        {
            var p = await db.Set<Publication>().SingleAsync(x => x.Id == publicationId);
            change(p);
            await PortalSearchIndex.SyncAsync(db, p);
            await db.SaveChangesAsync();
        });

    public static Task<int> AgencyIdAsync(ZhifaFactory app, string name) => app.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
}
