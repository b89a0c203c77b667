using System.Globalization;
using Zhifa.Domain.Calendar;

namespace Zhifa.Bench;

/// <summary>
/// Throughput of <see cref="WorkingDayCalendar.AddWorkingDays"/> against a plain day-by-day walk over the same
/// (date, N) pairs, using the holiday files shipped with the web project.
/// </summary>
internal static class CalendarBench
{
    private const int Pairs = 1_000_000;
    private const int MaxDays = 60;
    private const int Seed = 20260930;

    public static Task RunAsync()
    {
        var years = LoadYears();
        var calendar = new WorkingDayCalendar(years);
        var naive = new NaiveCalendar(years);

        var random = new Random(Seed);
        var first = new DateOnly(2007, 1, 1).DayNumber;
        var last = new DateOnly(2026, 12, 31).DayNumber;
        var froms = new DateOnly[Pairs];
        var days = new int[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            froms[i] = DateOnly.FromDayNumber(random.Next(first, last + 1));
            days[i] = random.Next(0, MaxDays + 1);
        }

        // Both must give the same dates, otherwise the comparison means nothing; this pass also warms up the JIT.
        var fast = new DateOnly[Pairs];
        var slow = new DateOnly[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            fast[i] = calendar.AddWorkingDays(froms[i], days[i]).Date;
            slow[i] = naive.AddWorkingDays(froms[i], days[i]);
        }
        var mismatches = fast.Zip(slow).Count(p => p.First != p.Second);

        var addSeconds = Timing.Best(() => RunAdd(calendar, froms, days));
        var naiveSeconds = Timing.Best(() => RunNaive(naive, froms, days));
        var countSeconds = Timing.Best(() => RunCount(calendar, froms, fast));

        var addRate = Pairs / addSeconds;
        var naiveRate = Pairs / naiveSeconds;
        var countRate = Pairs / countSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Pairs:N0} pairs, dates 2007-2026, N 0-{MaxDays}, seed {Seed}, best of {Timing.TimedRuns} runs; results agree: {(mismatches == 0 ? "yes" : $"NO ({mismatches:N0} differ)")}"));
        Console.WriteLine();
        Console.WriteLine($"{"Method",-34} {"Time (ms)",10} {"Ops/s",16} {"vs naive",9}");
        Console.WriteLine(new string('-', 72));
        Row("AddWorkingDays (lookup)", addSeconds, addRate, addRate / naiveRate);
        Row("Naive day-by-day walk", naiveSeconds, naiveRate, 1.0);
        Row("CountWorkingDays (lookup)", countSeconds, countRate, countRate / naiveRate);
        return Task.CompletedTask;
    }

    private static void Row(string name, double seconds, double rate, double ratio) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {seconds * 1000,10:F1} {rate,16:N0} {ratio,8:F1}x"));

    // The checksums keep the loops from being optimised away.
    private static long RunAdd(WorkingDayCalendar calendar, DateOnly[] froms, int[] days)
    {
        long sum = 0;
        for (var i = 0; i < froms.Length; i++)
        {
            var result = calendar.AddWorkingDays(froms[i], days[i]);
            sum += result.Date.DayNumber + (result.UsedYearsWithoutData ? 1 : 0);
        }
        return sum;
    }

    private static long RunNaive(NaiveCalendar naive, DateOnly[] froms, int[] days)
    {
        long sum = 0;
        for (var i = 0; i < froms.Length; i++) sum += naive.AddWorkingDays(froms[i], days[i]).DayNumber;
        return sum;
    }

    private static long RunCount(WorkingDayCalendar calendar, DateOnly[] froms, DateOnly[] tos)
    {
        long sum = 0;
        for (var i = 0; i < froms.Length; i++) sum += calendar.CountWorkingDays(froms[i], tos[i]);
        return sum;
    }

    /// <summary>
    /// What one would write first: a dictionary of named days and a loop over single days. Years without a notice get
    /// the statutory holidays, as the real calendar gives them (an addition near the end of 2026 reaches into 2027).
    /// </summary>
    private sealed class NaiveCalendar(IReadOnlyList<CalendarYear> years)
    {
        private readonly Dictionary<DateOnly, bool> _named = Named(years);

        private static Dictionary<DateOnly, bool> Named(IReadOnlyList<CalendarYear> years)
        {
            var named = years.SelectMany(y => y.Days).ToDictionary(d => d.Date, d => d.IsOffDay);
            var loaded = years.Where(y => y.HasData).Select(y => y.Year).ToHashSet();
            for (var y = StatutoryHolidays.FirstYear; y <= StatutoryHolidays.LastYear; y++)
                if (!loaded.Contains(y)) foreach (var d in StatutoryHolidays.For(y)) named.TryAdd(d.Date, true);
            return named;
        }

        public DateOnly AddWorkingDays(DateOnly from, int days)
        {
            var date = from;
            while (days > 0)
            {
                date = date.AddDays(1);
                var working = _named.TryGetValue(date, out var off)
                    ? !off
                    : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                if (working) days--;
            }
            return date;
        }
    }

    private static List<CalendarYear> LoadYears()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Zhifa.Web", "Features", "Calendar", "holidays-cn");
        return Directory.GetFiles(folder, "*.json")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => WorkingDayCalendar.ParseYearJson(File.ReadAllText(p)))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Zhifa.slnx not found above " + AppContext.BaseDirectory);
    }
}
