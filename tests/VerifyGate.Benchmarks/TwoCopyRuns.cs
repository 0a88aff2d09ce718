using System.Diagnostics;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>One timed two-copy solve and its table cells, shared by the two-copy sections.</summary>
internal static class TwoCopyRuns
{
    public static (CertifiedBounds Result, double Seconds) Solve(TwoCopyQuery query)
    {
        var clock = Stopwatch.StartNew();
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(query);
        return (result, clock.Elapsed.TotalSeconds);
    }

    /// <summary>"[lower, upper] | time", the time marked when the limit stopped the solve.</summary>
    public static string Interval(CertifiedBounds r, double seconds) =>
        $"[{r.Lower:G6}, {r.Upper:G6}] | {(r.TimedOut ? "timeout " : "")}{Timing.Format(seconds)}";
}
