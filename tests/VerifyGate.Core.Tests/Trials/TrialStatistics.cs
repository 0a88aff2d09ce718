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
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Samples a trial test's share of <see cref="RandomBudget.Trials"/> and prints the counts.</summary>
    public static void Sample<T>(Gen<T> trials, double share, Action<T, TrialStatistics> run, ITestOutputHelper output) where T : notnull
    {
        var statistics = new TrialStatistics();
        RandomBudget.Trials.Sample(trials, share, trial => run(trial, statistics), trial => trial.ToString()!, output);
        output.WriteLine(statistics.Summary());
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
        })) + $"\nwall time {_clock.Elapsed.TotalSeconds:F1} s";
}
