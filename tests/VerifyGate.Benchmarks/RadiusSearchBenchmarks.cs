using System.Diagnostics;
using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue "Invertibility, radii and matching at the scale of the invertibility paper": the four Brusselator
/// radii (para_dep_bru.onnx, b = 2.1, δ = 1e-3) to a width of 1e-3, target 20 s each, by the shared search over boxes
/// of the ball against the per-direction MIPs (the baseline, same run), in the l_inf ball; and in l1 and l2 balls.
/// Environment, for trial runs: VERIFYGATE_RADIUS_SECONDS (default 60) limits each run; VERIFYGATE_RADIUS_ONLY keeps the
/// cases whose "Kind-centre-Norm" contains it (say "Inf" or "PreimageRadius"); VERIFYGATE_RADIUS_SEARCH_ONLY skips the baseline.</summary>
public sealed class RadiusSearchBenchmarks : IBenchmarkSection
{
    public string Name => "radius";
    public string Title => "Radius kinds: the shared search over boxes of the ball, all three ball norms";

    private static double Limit => Timing.FromEnvironment("VERIFYGATE_RADIUS_SECONDS", 60);

    private static readonly (TwoCopyKind Kind, double[] Center, double MaxRadius, double Reference)[] Cases =
    [
        (TwoCopyKind.InvertibilityRadius, [1.96433, 1.24951, 2.1], 3, 0.6553),
        (TwoCopyKind.InvertibilityRadius, [0.666201, 1.99221, 2.1], 3, 1.1874),
        (TwoCopyKind.PreimageRadius, [1.96433, 1.24951, 2.1], 6, 2.7738),
        (TwoCopyKind.PreimageRadius, [0.666201, 1.99221, 2.1], 6, 4.2362),
    ];

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        var network = OnnxImporter.Load(Paths.Model("brusselator/para_dep_bru.onnx")).Network;
        sb.AppendLine($"Brusselator (para_dep_bru.onnx, b = 2.1 fixed, δ = 1e-3), each run until the certified interval is narrower than 1e-3 (limit {Limit:0} s; target 20 s).");
        sb.AppendLine("\"search\": the shared branch and bound over boxes of the ball (RadiusMethod.Search); \"per-direction MIPs\": one growing-ball MIP per separation direction (RadiusMethod.Direct, the baseline), same run, one after the other.");
        sb.AppendLine("The reference values are the invertibility paper's (l_inf; the l1 and l2 rows have none). Single runs.");
        sb.AppendLine($"The 2 cores: 1-minute load average {LipschitzBenchmarks.LoadAverage()} at the start.");
        sb.AppendLine();
        sb.AppendLine("| quantity | centre | ball | reference | search: certified | width | time | per-direction MIPs: certified | width | time | MIPs / search |");
        sb.AppendLine("| --- | --- | --- | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |");
        var only = Environment.GetEnvironmentVariable("VERIFYGATE_RADIUS_ONLY");
        foreach (var norm in new[] { NormKind.Inf, NormKind.One, NormKind.Two })
            foreach (var (kind, center, maxRadius, reference) in Cases)
            {
                if (only is not null && !$"{kind}-{center[0]}-{norm}".Contains(only)) continue;
                var query = new TwoCopyQuery
                {
                    Kind = kind, Network = network, Center = center, Separation = 1e-3, Exact = true, InputNorm = norm,
                    Lower = [center[0] - maxRadius, center[1] - maxRadius, center[2]],
                    Upper = [center[0] + maxRadius, center[1] + maxRadius, center[2]],
                    RelativeGap = 1e-3 / (2 * reference * (norm == NormKind.One ? 2 : 1)), TimeLimitSeconds = Limit,
                };
                var (search, searchTime) = Measure(query with { RadiusMethod = RadiusMethod.Search });
                var (direct, directTime) = Environment.GetEnvironmentVariable("VERIFYGATE_RADIUS_SEARCH_ONLY") is null
                    ? Measure(query with { RadiusMethod = RadiusMethod.Direct }) : (search, double.NaN);
                string name = kind == TwoCopyKind.InvertibilityRadius ? "invertibility radius" : "preimage radius";
                string row = $"| {name} | ({center[0]}, {center[1]}) | l{norm.Label()} | {(norm == NormKind.Inf ? reference.ToString() : "—")} | " +
                             $"{Cell(search, searchTime)} | {Cell(direct, directTime)} | {Ratio(direct, directTime, search, searchTime)} |";
                progress.WriteLine(row);
                progress.WriteLine("  search: " + string.Join(" / ", search.Notes.Skip(1)));
                sb.AppendLine(row);
            }
        sb.AppendLine();
        sb.AppendLine($"The 2 cores: 1-minute load average {LipschitzBenchmarks.LoadAverage()} at the end.");
        return sb.ToString();
    }

    private static (VerifyGate.Core.Problems.CertifiedBounds Result, double Seconds) Measure(TwoCopyQuery query)
    {
        var sw = Stopwatch.StartNew();
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(query);
        return (result, sw.Elapsed.TotalSeconds);
    }

    private static string Cell(VerifyGate.Core.Problems.CertifiedBounds r, double seconds) =>
        $"[{r.Lower:G6}, {r.Upper:G6}] | {r.Upper - r.Lower:G2} | {(r.TimedOut ? "timeout " : "")}{Timing.Format(seconds)}";

    /// <summary>Time ratio when both closed the gap; a bound when only the search did.</summary>
    private static string Ratio(VerifyGate.Core.Problems.CertifiedBounds direct, double directSeconds, VerifyGate.Core.Problems.CertifiedBounds search, double searchSeconds)
    {
        if (search.TimedOut) return "—";
        return direct.TimedOut ? $"> {directSeconds / searchSeconds:0.#}" : $"{directSeconds / searchSeconds:0.#}";
    }
}
