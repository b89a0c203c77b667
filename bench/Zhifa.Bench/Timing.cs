using System.Diagnostics;

namespace Zhifa.Bench;

/// <summary>Timing of in-process loops: the best of a few runs after a warm-up.</summary>
public static class Timing
{
    public const int TimedRuns = 5;

    /// <summary>Seconds of the fastest run; the loop returns a checksum so that it is not optimised away.</summary>
    public static double Best(Func<long> run)
    {
        run(); // warm-up
        var best = double.MaxValue;
        for (var i = 0; i < TimedRuns; i++)
        {
            var watch = Stopwatch.StartNew();
            var checksum = run();
            watch.Stop();
            GC.KeepAlive(checksum);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
