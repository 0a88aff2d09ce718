using System.Collections.Concurrent;
using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>Counts a trial test's decisions per kind, for the test output and docs/benchmarks.md.</summary>
public sealed class TrialStatistics
{
    private readonly ConcurrentDictionary<(string Kind, TrialDecision Decision), int> _counts = new();
    private readonly ConcurrentDictionary<string, int> _viaOnnx = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Samples a trial test's share of <see cref="RandomBudget.Trials"/> and prints the counts.</summary>
    /// <summary>With <c>VERIFYGATE_TRIALS_KEEP_GOING=1</c> (long runs) a failing trial is counted and printed and
    /// the run goes on, failing at the end; otherwise CsCheck stops at the first failure and shrinks it.</summary>
    public static void Sample<T>(Gen<T> trials, double share, Action<T, TrialStatistics> run, ITestOutputHelper output) where T : notnull
    {
        var statistics = new TrialStatistics();
        bool keepGoing = Environment.GetEnvironmentVariable("VERIFYGATE_TRIALS_KEEP_GOING") == "1";
        RandomBudget.Trials.Sample(trials, share, trial =>
        {
            if (!keepGoing) run(trial, statistics);
            else
                try { run(trial, statistics); }
                catch (Exception e) { statistics._failures.Enqueue($"{e.Message}\n{trial}"); }
        }, trial => trial.ToString()!, output);
        output.WriteLine(statistics.Summary());
        foreach (string failure in statistics._failures) output.WriteLine($"FAILED TRIAL: {failure}");
        Assert.True(statistics._failures.IsEmpty, $"{statistics._failures.Count} trials failed (printed in the output)");
    }

    public void Record(string kind, TrialDecision decision, bool viaOnnx)
    {
        _counts.AddOrUpdate((kind, decision), 1, (_, n) => n + 1);
        if (viaOnnx) _viaOnnx.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public string Summary() =>
        string.Join("\n", _counts.Keys.Select(k => k.Kind).Distinct().Order().Select(kind =>
        {
            var decisions = Enum.GetValues<TrialDecision>().Select(d => $"{d.ToString().ToLowerInvariant()} {_counts.GetValueOrDefault((kind, d))}");
            int total = Enum.GetValues<TrialDecision>().Sum(d => _counts.GetValueOrDefault((kind, d)));
            return $"{kind}: {total} trials ({string.Join(", ", decisions)}; {_viaOnnx.GetValueOrDefault(kind)} via ONNX Runtime)";
        })) + $"\n{_failures.Count} failed trials; wall time {_clock.Elapsed.TotalSeconds:F1} s";
}
