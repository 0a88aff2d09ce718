using System.Diagnostics;
using System.Text;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Certified invertibility": time to each Brusselator radius within 1e-3 (para_dep_bru.onnx,
/// b fixed at 2.1, δ = 1e-3, l_inf), and time to certify that contractive residual maps
/// x + W2 relu(W1 x + b1) (‖W1‖_F ‖W2‖_F = 0.9) are one-to-one on boxes around a random point.</summary>
public sealed class InvertibilityBenchmarks : IBenchmarkSection
{
    public string Name => "invertibility";
    public string Title => "Certified invertibility (two-copy MIPs)";

    private const double RadiusTimeLimit = 120;
    private const double ResidualTimeLimit = 60;

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Brusselator (para_dep_bru.onnx, b = 2.1, δ = 1e-3), solved until the certified interval is narrower than 1e-3 (limit {RadiusTimeLimit:0} s):");
        sb.AppendLine();
        sb.AppendLine("| quantity | centre | reference | certified | width | time |");
        sb.AppendLine("| --- | --- | ---: | --- | ---: | ---: |");
        var network = OnnxImporter.Load(Paths.Model("brusselator/para_dep_bru.onnx")).Network;
        foreach (var (kind, center, maxRadius, reference) in new (TwoCopyKind, double[], double, double)[]
                 {
                     (TwoCopyKind.InvertibilityRadius, [1.96433, 1.24951, 2.1], 3, 0.6553),
                     (TwoCopyKind.InvertibilityRadius, [0.666201, 1.99221, 2.1], 3, 1.1874),
                     (TwoCopyKind.PreimageRadius, [1.96433, 1.24951, 2.1], 6, 2.7738),
                     (TwoCopyKind.PreimageRadius, [0.666201, 1.99221, 2.1], 6, 4.2362),
                 })
        {
            var query = new TwoCopyQuery
            {
                Kind = kind, Network = network, Center = center, Separation = 1e-3, Exact = true,
                Lower = [center[0] - maxRadius, center[1] - maxRadius, center[2]],
                Upper = [center[0] + maxRadius, center[1] + maxRadius, center[2]],
                RelativeGap = 1e-3 / (2 * reference), TimeLimitSeconds = RadiusTimeLimit,
            };
            var sw = Stopwatch.StartNew();
            var r = new TwoCopyEngine(ScipSolver.Instance).Solve(query);
            string name = kind == TwoCopyKind.InvertibilityRadius ? "invertibility radius" : "preimage radius";
            string row = $"| {name} | ({center[0]}, {center[1]}) | {reference} | [{r.Lower:G6}, {r.Upper:G6}] | {r.Upper - r.Lower:G2} | {(r.TimedOut ? "timeout " : "")}{Timing.Format(sw.Elapsed.TotalSeconds)} |";
            progress.WriteLine(row);
            sb.AppendLine(row);
        }
        sb.AppendLine();
        sb.AppendLine($"Residual maps x + W2 relu(W1 x + b1), ‖W1‖_F ‖W2‖_F = 0.9 (so one-to-one), box = random point ± radius; invertibility D (l_inf, η = 0), exact, the two-copy MIP alone (limit {ResidualTimeLimit:0} s per case):");
        sb.AppendLine();
        sb.AppendLine("| inputs | hidden | box radius | unstable | certified D ≤ | time |");
        sb.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (int n in new[] { 4, 6, 8 })
            foreach (int hidden in new[] { 10, 20, 50 })
                foreach (double radius in new[] { 5.0, 20.0 })
                {
                    var residual = Residual(n, hidden, seed: 100 * n + hidden);
                    var rng = new Random(n + hidden);
                    var center = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
                    var query = new TwoCopyQuery
                    {
                        Kind = TwoCopyKind.Invertibility, Network = residual, Exact = true, TimeLimitSeconds = ResidualTimeLimit,
                        Lower = center.Select(c => c - radius).ToArray(), Upper = center.Select(c => c + radius).ToArray(),
                    };
                    var sw = Stopwatch.StartNew();
                    // The two-copy MIP alone (section "contraction" has the engine with its cheap proof first).
                    var r = new TwoCopyEngine(ScipSolver.Instance).Solve(query with { CheapProofs = false });
                    string row = $"| {n} | {hidden} | {radius} | {r.UnstableNeurons} | {r.Upper:G3} | {(r.TimedOut ? "timeout " : "")}{Timing.Format(sw.Elapsed.TotalSeconds)} |";
                    progress.WriteLine(row);
                    sb.AppendLine(row);
                }
        sb.AppendLine();
        sb.AppendLine("\"unstable\" counts one copy's unstable neurons (the MIP has two copies). A timeout row shows the bound reached by then.");
        return sb.ToString();
    }

    /// <summary>The same construction as the unit tests' residual maps: uniform weights scaled so that ‖W1‖_F ‖W2‖_F = 0.9.</summary>
    internal static Network Residual(int n, int hidden, int seed)
    {
        var rng = new Random(seed);
        var w1 = new double[hidden, n];
        var w2 = new double[n, hidden];
        var b1 = new double[hidden];
        for (int r = 0; r < hidden; r++) { b1[r] = rng.NextDouble() * 2 - 1; for (int c = 0; c < n; c++) w1[r, c] = rng.NextDouble() * 2 - 1; }
        for (int r = 0; r < n; r++) for (int c = 0; c < hidden; c++) w2[r, c] = rng.NextDouble() * 2 - 1;
        double f1 = Math.Sqrt(w1.Cast<double>().Sum(v => v * v)), f2 = Math.Sqrt(w2.Cast<double>().Sum(v => v * v));
        double scale = Math.Sqrt(0.9 / (f1 * f2));
        for (int r = 0; r < hidden; r++) for (int c = 0; c < n; c++) w1[r, c] *= scale;
        for (int r = 0; r < n; r++) for (int c = 0; c < hidden; c++) w2[r, c] *= scale;
        var b = new NetworkBuilder(n);
        var g = b.Dense(b.Relu(b.Dense(b.Input, w1, b1)), w2, new double[n]);
        b.Add(b.Input, g);
        return b.Build();
    }
}
