using System.Diagnostics;
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
                      "Per-objective MIPs over the whole box (InvertibilityMethod.Direct): \"plain\" two big-M copies; \"+ rows\" with the difference rows of the " +
                      "interval pass; \"+ LP\" with the rows from LP-tightened difference bounds (3 rounds), which also cap D. " +
                      "\"search\": the shared branch and bound over pairs of boxes (InvertibilityMethod.Search, with the LP-tightened rows; for at most " +
                      $"{InvertibilitySearch.MaximumFreeInputs} inputs). Contraction: x + W2 relu(W1 x + b1), ‖W1‖_F ‖W2‖_F = 0.9; " +
                      "monotone: x + Wᵀ S relu(W x + b), S > 0 diagonal, ‖Wᵀ S W‖_2 = 3, one-to-one (its Jacobians are positive definite) but no contraction.");
        sb.AppendLine();
        sb.AppendLine("| map | unstable | plain D ≤ | plain time | + rows D ≤ | + rows time | + LP D ≤ | + LP time | search D ≤ | search time |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
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
            var (plain, plainTime) = Solve(query with { DifferenceRows = false });
            var (rows, rowsTime) = Solve(query with { DifferenceLpRounds = 0 });
            var (lp, lpTime) = Solve(query);
            string search = "— | —";
            if (n <= InvertibilitySearch.MaximumFreeInputs)
            {
                var (searched, searchTime) = Solve(query with { InvertibilityMethod = InvertibilityMethod.Search });
                search = Cell(searched, searchTime);
            }
            string row = $"| {label} | {plain.UnstableNeurons} | {Cell(plain, plainTime)} | {Cell(rows, rowsTime)} | {Cell(lp, lpTime)} | {search} |";
            progress.WriteLine(row);
            sb.AppendLine(row);
        }
        sb.AppendLine();
        sb.AppendLine("\"unstable\" counts one copy's unstable ReLUs. A D ≤ equal to the box width means nothing better than the trivial bound was proven in time. " +
                      "Single runs on 2 cores.");
        return sb.ToString();
    }

    private static (CertifiedBounds Result, double Seconds) Solve(TwoCopyQuery query)
    {
        var clock = Stopwatch.StartNew();
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(query);
        if (Environment.GetEnvironmentVariable("VERIFYGATE_DIFFERENCE_NOTES") == "1")
            foreach (var note in result.Notes) Console.Error.WriteLine($"    {note}");
        return (result, clock.Elapsed.TotalSeconds);
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
