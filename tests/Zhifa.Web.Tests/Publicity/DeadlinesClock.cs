using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Domain.Agencies;
using Zhifa.Domain.Publicity;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Publicity;

/// <summary>
/// The demo, seen on 20 January of the year after it was seeded (10:00 in China): the demo's year is over, its annual
/// report is due by the end of the month, and the publication deadlines set by the tests have passed.
/// </summary>
public sealed class ReportClockFactory : ZhifaFactory
{
    /// <summary>The China year the demo was seeded in.</summary>
    public static int DemoYear { get; } = DateTime.UtcNow.AddHours(8).Year;

    public static DateTimeOffset Now { get; } = new(DemoYear + 1, 1, 20, 2, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime.AddHours(8));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public const string AgencyB = "永兴县卫生健康局";

    public Task<Agency> AgencyAsync(string name = AgencyB) => WithDbAsync(db => db.Agencies.Include(a => a.Units).SingleAsync(a => a.Name == name));

    /// <summary>Agency B's decision publication tasks, in id order.</summary>
    public Task<List<Publication>> TasksAsync(int agencyId)
        => WithDbAsync(db => db.Set<Publication>().Where(p => p.AgencyId == agencyId && p.Kind == PublicationKind.Decision).OrderBy(p => p.Id).ToListAsync());

    /// <summary>Changes the stored tasks as the tests' setting requires (dates the demo cannot have).</summary>
    public Task UpdateAsync(IEnumerable<int> ids, Action<Publication> change) => WithDbAsync(async (AppDbContext db) =>
    {
        var list = ids.ToList();
        foreach (var p in await db.Set<Publication>().Where(p => list.Contains(p.Id)).ToListAsync()) change(p);
        await db.SaveChangesAsync();
    });
}
