using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Web.Tests.Infrastructure;

namespace Zhifa.Web.Tests.Calendar;

/// <summary>
/// The demo on a clock the test sets (China time), starting on 1 December 2026: the end of the last year whose
/// holiday notice ships, so that periods reach into 2027, whose notice is not loaded.
/// </summary>
public sealed class DecemberClockFactory : ZhifaFactory
{
    private readonly SettableClock _clock = new(At(new DateOnly(2026, 12, 1), 10));

    /// <summary>The China day the application sees.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime.AddHours(8));

    /// <summary>Moves the application's clock to <paramref name="hour"/> o'clock China time on <paramref name="day"/>.</summary>
    public void SetToday(DateOnly day, int hour = 10) => _clock.Now = At(day, hour);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)).AddHours(-8), TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
