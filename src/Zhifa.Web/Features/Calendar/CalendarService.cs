using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Data.Calendar;
using Zhifa.Domain.Calendar;

namespace Zhifa.Web.Features.Calendar;

/// <summary>
/// The official working-day calendar: the years shipped with Zhifa (holidays-cn/*.json, State Council notices) overlaid
/// by years an administrator loaded. Built once and rebuilt after a load; deadlines are computed from it on demand.
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes)
{
    private volatile WorkingDayCalendar? _calendar;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static IReadOnlyList<CalendarYear> ShippedYears { get; } = LoadShipped();

    public async Task<WorkingDayCalendar> GetAsync()
    {
        if (_calendar is { } c) return c;
        await _gate.WaitAsync();
        try
        {
            if (_calendar is null)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var loaded = await db.CalendarYears.AsNoTracking().ToListAsync();
                var years = ShippedYears.ToDictionary(y => y.Year);
                foreach (var y in loaded) years[y.Year] = WorkingDayCalendar.ParseYearJson(y.Json);
                _calendar = new WorkingDayCalendar(years.Values);
            }
            return _calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Loads or replaces a year in the official JSON format; a malformed file changes nothing.</summary>
    public async Task<CalendarYear> LoadYearAsync(AppDbContext db, string json, string loadedBy, DateTime now)
    {
        var year = WorkingDayCalendar.ParseYearJson(json);
        var existing = await db.CalendarYears.FindAsync(year.Year);
        if (existing is null) db.CalendarYears.Add(new CalendarYearData { Year = year.Year, Json = json, LoadedAt = now, LoadedBy = loadedBy });
        else
        {
            existing.Json = json;
            existing.LoadedAt = now;
            existing.LoadedBy = loadedBy;
        }
        await db.SaveChangesAsync();
        _calendar = null;
        return year;
    }

    private static List<CalendarYear> LoadShipped()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var list = new List<CalendarYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("holidays-cn.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(WorkingDayCalendar.ParseYearJson(reader.ReadToEnd()));
        }
        return list;
    }
}
