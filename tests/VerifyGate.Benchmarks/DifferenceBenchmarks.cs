using System.Text;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Invertibility ... at the scale of the invertibility paper", items "difference variables" and "tight
/// bounds for Δ": the two-copy MIP for D (η = 0, l_inf, exact, cheap proofs off) without difference rows, with the rows
/// from the interval pass of the difference bounds, and with LP-tightened difference bounds, in one run. Two families of
/// maps one-to-one by construction: the contraction residuals of section "contraction", and monotone residuals
/// x + Wᵀ S relu(W x + b) (S positive diagonal: the Jacobian I + Wᵀ S D W is positive definite) with ‖Wᵀ S W‖_2 = 3,
/// which no contraction argument covers.
/// VERIFYGATE_DIFFERENCE_SECONDS sets the limit per solve (default 30); VERIFYGATE_DIFFERENCE_ONLY keeps the cases whose
/// label contains it.</summary>
public sealed class DifferenceBenchmarks : IBenchmarkSection
{
    public string Name => "difference";
    public string Title => "Two-copy MIPs: what the difference rows buy";

    private static readonly double TimeLimit = double.TryParse(Environment.GetEnvironmentVariable("VERIFYGATE_DIFFERENCE_SECONDS"), out var s) ? s : 30;

    private static IEnumerable<(string Label, Network Network, int Inputs, double Radius)> Cases()
    {
        foreach (var (n, hidden, radius) in new[] { (4, 20, 20.0), (6, 20, 5.0), (8, 20, 5.0) })
            yield return ($"contraction {n}-{hidden}, radius {radius}", InvertibilityBenchmarks.Residual(n, hidden, seed: 100 * n + hidden), n, radius);
        foreach (var (n, hidden, radius) in new[] { (4, 10, 1.0), (4, 20, 1.0), (4, 50, 1.0), (6, 10, 1.0), (6, 20, 1.0), (8, 10, 1.0) })
            yield return ($"monotone {n}-{hidden}, radius {radius}", Monotone(n, hidden, seed: 7 * n + hidden), n, radius);
    }

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Invertibility D (η = 0, l_inf, exact, limit {TimeLimit:0} s per solve), cheap proofs off, box = random point ± radius. " +
                      "Per-objective MIPs over the whole box (InvertibilityMethod.Direct): \"plain\" two big-M copies; \"+ cap\" (the default) D capped by the " +
                      "LP-tightened difference bounds of x − y under the coupling (3 rounds); \"+ rows\" plain with the difference rows of the interval pass; " +
                      "\"+ LP rows\" cap and rows from the LP-tightened difference bounds. " +
                      "\"search\": the shared branch and bound over pairs of boxes (InvertibilityMethod.Search, default settings; for at most " +
                      $"{InvertibilitySearch.MaximumFreeInputs} inputs). Contraction: x + W2 relu(W1 x + b1), ‖W1‖_F ‖W2‖_F = 0.9; " +
                      "monotone: x + Wᵀ S relu(W x + b), S > 0 diagonal, ‖Wᵀ S W‖_2 = 3, one-to-one (its Jacobians are positive definite) but no contraction.");
        sb.AppendLine();
        sb.AppendLine("| map | unstable | plain D ≤ | plain time | + cap D ≤ | + cap time | + rows D ≤ | + rows time | + LP rows D ≤ | + LP rows time | search D ≤ | search time |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        string? only = Environment.GetEnvironmentVariable("VERIFYGATE_DIFFERENCE_ONLY");
        foreach (var (label, network, n, radius) in Cases())
        {
            if (only is not null && !label.Contains(only, StringComparison.Ordinal)) continue;
            var rng = new Random(n * 31 + (int)radius);
            var center = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            var query = new TwoCopyQuery
            {
                Kind = TwoCopyKind.Invertibility, Network = network, Exact = true, TimeLimitSeconds = TimeLimit, CheapProofs = false,
                Lower = [.. center.Select(c => c - radius)], Upper = [.. center.Select(c => c + radius)],
                InvertibilityMethod = InvertibilityMethod.Direct,
            };
            var (plain, plainTime) = Solve(query with { DifferenceCap = false });
            var (capped, cappedTime) = Solve(query);
            var (rows, rowsTime) = Solve(query with { DifferenceCap = false, DifferenceRows = true, DifferenceLpRounds = 0 });
            var (lp, lpTime) = Solve(query with { DifferenceRows = true });
            string search = "— | —";
            if (n <= InvertibilitySearch.MaximumFreeInputs)
            {
                var (searched, searchTime) = Solve(query with { InvertibilityMethod = InvertibilityMethod.Search });
                search = Cell(searched, searchTime);
            }
            string row = $"| {label} | {plain.UnstableNeurons} | {Cell(plain, plainTime)} | {Cell(capped, cappedTime)} | {Cell(rows, rowsTime)} | {Cell(lp, lpTime)} | {search} |";
            progress.WriteLine(row);
            sb.AppendLine(row);
        }
        sb.AppendLine();
        sb.AppendLine("\"unstable\" counts one copy's unstable ReLUs. A D ≤ equal to the box width means nothing better than the trivial bound was proven in time; " +
                      "after a better bound in another column of the same row (monotone 6-20, + LP rows) it means some sub-problem had not started: the " +
                      "per-objective MIPs run two at a time, each with the remaining time. Single runs on 2 cores.");
        if (only is null || "brusselator".Contains(only, StringComparison.Ordinal)) Radii(sb, progress);
        return sb.ToString();
    }

    /// <summary>The Brusselator invertibility radii (section "radius") with and without the difference rows (and, in the
    /// search, the nodes they prove free of separated pairs), by both methods.</summary>
    private static void Radii(StringBuilder sb, TextWriter progress)
    {
        var network = VerifyGate.Core.Onnx.OnnxImporter.Load(Paths.Model("brusselator/para_dep_bru.onnx")).Network;
        sb.AppendLine();
        sb.AppendLine($"Brusselator invertibility radius (l_inf, δ = 1e-3, to a width of 1e-3, limit {TimeLimit:0} s), without the difference rows (the default) and with them (LP-tightened, 3 rounds; in the search also per node):");
        sb.AppendLine();
        sb.AppendLine("| centre | method | without rows: certified | time | with rows: certified | time |");
        sb.AppendLine("| --- | --- | --- | ---: | --- | ---: |");
        foreach (var (center, reference) in new[] { (new[] { 1.96433, 1.24951, 2.1 }, 0.6553), (new[] { 0.666201, 1.99221, 2.1 }, 1.1874) })
            foreach (var method in new[] { RadiusMethod.Search, RadiusMethod.Direct })
            {
                var query = new TwoCopyQuery
                {
                    Kind = TwoCopyKind.InvertibilityRadius, Network = network, Center = center, Separation = 1e-3, Exact = true,
                    Lower = [center[0] - 3, center[1] - 3, center[2]], Upper = [center[0] + 3, center[1] + 3, center[2]],
                    RelativeGap = 1e-3 / (2 * reference), TimeLimitSeconds = TimeLimit, RadiusMethod = method,
                };
                var (without, withoutTime) = Solve(query);
                var (with, withTime) = Solve(query with { DifferenceRows = true });
                string row = $"| ({center[0]}, {center[1]}) | {method} | {TwoCopyRuns.Interval(without, withoutTime)} | {TwoCopyRuns.Interval(with, withTime)} |";
                progress.WriteLine(row);
                sb.AppendLine(row);
            }
    }

    private static (CertifiedBounds Result, double Seconds) Solve(TwoCopyQuery query)
    {
        var (result, seconds) = TwoCopyRuns.Solve(query);
        if (Environment.GetEnvironmentVariable("VERIFYGATE_DIFFERENCE_NOTES") == "1")
            foreach (var note in result.Notes) Console.Error.WriteLine($"    {note}");
        return (result, seconds);
    }

    private static string Cell(CertifiedBounds r, double seconds) => $"{r.Upper:G3} | {(r.TimedOut ? "timeout " : "")}{Timing.Format(seconds)}";

    /// <summary>x + Wᵀ S relu(W x + b) with S positive diagonal, scaled so that ‖Wᵀ S W‖_2 = 3.</summary>
    internal static Network Monotone(int n, int hidden, int seed)
    {
        var rng = new Random(seed);
        var w = new double[hidden, n];
        var b = new double[hidden];
        var s = new double[hidden];
        for (int r = 0; r < hidden; r++)
        {
            b[r] = rng.NextDouble() * 2 - 1;
            s[r] = 0.5 + rng.NextDouble();
            for (int c = 0; c < n; c++) w[r, c] = rng.NextDouble() * 2 - 1;
        }
        var gram = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int r = 0; r < hidden; r++) gram[i, j] += w[r, i] * s[r] * w[r, j];
        double scale = 3 / VerifyGate.Core.Norms.OperatorNorm.Compute(gram, VerifyGate.Core.Norms.NormKind.Two, VerifyGate.Core.Norms.NormKind.Two).Value;
        var back = new double[n, hidden];
        for (int i = 0; i < n; i++)
            for (int r = 0; r < hidden; r++) back[i, r] = w[r, i] * s[r] * scale;
        var builder = new NetworkBuilder(n);
        var g = builder.Dense(builder.Relu(builder.Dense(builder.Input, w, b)), back, new double[n]);
        builder.Add(builder.Input, g);
        return builder.Build();
    }
}
