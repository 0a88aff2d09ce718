using System.Text;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Invertibility ... at the scale of the invertibility paper", item "symmetry breaking": the pair kinds
/// with and without using x ↔ y (<see cref="TwoCopyQuery.SymmetryBreaking"/>: n separation directions or objectives
/// instead of 2n, a symmetric pair of boxes split into 3 pairs instead of 4), by both methods, in one run.
/// VERIFYGATE_SYMMETRY_SECONDS sets the limit per solve (default 30).</summary>
public sealed class SymmetryBenchmarks : IBenchmarkSection
{
    public string Name => "symmetry";
    public string Title => "Two-copy kinds: what symmetry breaking buys";

    private static double Limit => Timing.FromEnvironment("VERIFYGATE_SYMMETRY_SECONDS", 30);

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Exact solves, limit {Limit:0} s each, with the symmetry x ↔ y used (the default) and without. Single runs on 2 cores.");
        sb.AppendLine();
        sb.AppendLine("| quantity | method | without: certified | time | with: certified | time |");
        sb.AppendLine("| --- | --- | --- | ---: | --- | ---: |");
        var brusselator = OnnxImporter.Load(Paths.Model("brusselator/para_dep_bru.onnx")).Network;
        double[] center = [1.96433, 1.24951, 2.1];
        var radius = new TwoCopyQuery
        {
            Kind = TwoCopyKind.InvertibilityRadius, Network = brusselator, Center = center, Separation = 1e-3, Exact = true,
            Lower = [center[0] - 3, center[1] - 3, center[2]], Upper = [center[0] + 3, center[1] + 3, center[2]],
            RelativeGap = 1e-3 / (2 * 0.6553), TimeLimitSeconds = Limit,
        };
        var monotone = DifferenceBenchmarks.Monotone(4, 20, seed: 48);
        var rng = new Random(4 * 31 + 1);
        var c = Enumerable.Range(0, 4).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var invertibility = new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = monotone, Exact = true, TimeLimitSeconds = Limit, CheapProofs = false,
            Lower = [.. c.Select(v => v - 1)], Upper = [.. c.Select(v => v + 1)],
        };
        var cases = new (string Quantity, string Method, TwoCopyQuery Query)[]
        {
            ("Brusselator invertibility radius at (1.96433, 1.24951)", "search", radius with { RadiusMethod = RadiusMethod.Search }),
            ("Brusselator invertibility radius at (1.96433, 1.24951)", "per-direction MIPs", radius with { RadiusMethod = RadiusMethod.Direct }),
            ("D of monotone 4-20 (section \"difference\")", "search", invertibility with { InvertibilityMethod = InvertibilityMethod.Search }),
            ("D of monotone 4-20 (section \"difference\")", "per-objective MIPs", invertibility with { InvertibilityMethod = InvertibilityMethod.Direct }),
        };
        foreach (var (quantity, method, query) in cases)
        {
            var (without, withoutTime) = TwoCopyRuns.Solve(query with { SymmetryBreaking = false });
            var (with, withTime) = TwoCopyRuns.Solve(query);
            string row = $"| {quantity} | {method} | {TwoCopyRuns.Interval(without, withoutTime)} | {TwoCopyRuns.Interval(with, withTime)} |";
            progress.WriteLine(row);
            sb.AppendLine(row);
        }
        return sb.ToString();
    }
}
