using System.Diagnostics;
using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Invertibility ... at the scale of the invertibility paper", item "cheap proofs first": the residual
/// grid of that paper (inputs 4, 6, 8 × hidden 10, 20, 50 × box radius 5, 10, 15, 20; l_inf and l1), one-to-one by
/// construction, decided by the two-copy engine with its contraction proof first, against the two-copy MIP alone in the
/// same run (radius 5 and 20, l_inf, as in section "invertibility").</summary>
public sealed class ContractionBenchmarks : IBenchmarkSection
{
    public string Name => "contraction";
    public string Title => "Invertibility of residual maps: the contraction proof first";

    private const double TimeLimit = 60;

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Residual maps x + W2 relu(W1 x + b1), ‖W1‖_F ‖W2‖_F = 0.9 (one-to-one by construction), box = random point ± radius; " +
                      $"invertibility D with η = 0, exact, limit {TimeLimit:0} s per case. \"engine\": TwoCopyEngine, which tries ContractionProof first; " +
                      "\"MIP alone\": the same engine with CheapProofs off (l_inf, radius 5 and 20 only); ratio = MIP time / engine time.");
        sb.AppendLine();
        sb.AppendLine("| inputs | hidden | box radius | norm | engine D ≤ | engine time | decided by | MIP alone D ≤ | MIP time | ratio |");
        sb.AppendLine("| ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |");
        int decided = 0, cells = 0;
        foreach (int n in new[] { 4, 6, 8 })
            foreach (int hidden in new[] { 10, 20, 50 })
                foreach (double radius in new[] { 5.0, 10.0, 15.0, 20.0 })
                    foreach (var norm in new[] { NormKind.Inf, NormKind.One })
                    {
                        var residual = InvertibilityBenchmarks.Residual(n, hidden, seed: 100 * n + hidden);
                        var rng = new Random(n + hidden);
                        var center = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
                        var query = new TwoCopyQuery
                        {
                            Kind = TwoCopyKind.Invertibility, Network = residual, Exact = true, TimeLimitSeconds = TimeLimit,
                            InputNorm = norm, OutputNorm = norm,
                            Lower = [.. center.Select(c => c - radius)], Upper = [.. center.Select(c => c + radius)],
                        };
                        var sw = Stopwatch.StartNew();
                        var r = new TwoCopyEngine(ScipSolver.Instance).Solve(query);
                        double engine = sw.Elapsed.TotalSeconds;
                        bool byProof = r.Notes.Any(x => x.StartsWith(ContractionProof.NotePrefix, StringComparison.Ordinal));
                        cells++;
                        if (!r.TimedOut) decided++;
                        string mipCells = "| — | — | — |";
                        if (norm == NormKind.Inf && radius is 5 or 20)
                        {
                            sw.Restart();
                            var mip = new TwoCopyEngine(ScipSolver.Instance).Solve(query with { CheapProofs = false, InvertibilityMethod = InvertibilityMethod.Direct });
                            double seconds = sw.Elapsed.TotalSeconds;
                            string ratio = mip.TimedOut ? $"> {seconds / engine:0}x" : $"{seconds / engine:0}x";
                            mipCells = $"| {mip.Upper:G3} | {(mip.TimedOut ? "timeout " : "")}{Timing.Format(seconds)} | {ratio} |";
                        }
                        string row = $"| {n} | {hidden} | {radius} | {norm.Label()} | {r.Upper:G3} | {(r.TimedOut ? "timeout " : "")}{Timing.Format(engine)} | " +
                                     $"{(byProof ? "contraction proof" : "two-copy MIP")} {mipCells}";
                        progress.WriteLine(row);
                        sb.AppendLine(row);
                    }
        sb.AppendLine();
        sb.AppendLine($"{decided} of {cells} cells decided within {TimeLimit:0} s. A MIP row with D ≤ the box width means it proved nothing better than the trivial bound in time; its ratio is a lower bound.");
        return sb.ToString();
    }
}
