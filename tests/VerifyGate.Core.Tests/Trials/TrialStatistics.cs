using System.Collections.Concurrent;
using System.Diagnostics;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>Counts a trial test's decisions per kind, for the test output and docs/benchmarks.md.</summary>
public sealed class TrialStatistics
{
    private readonly ConcurrentDictionary<(string Kind, TrialDecision Decision), int> _counts = new();
    private readonly ConcurrentDictionary<string, int> _viaOnnx = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

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
