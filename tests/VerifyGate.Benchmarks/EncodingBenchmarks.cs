using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue 12: the MIP's encoding of the Jacobian. The plain engine on the whole box with the forward tangent encoding
/// (TangentEncoding) and with the backward gradient encoding per output covector (GradientEncoding, as LipMIP), same limit,
/// and what LipschitzEncoding.Auto picks. VERIFYGATE_SCALE_LIMIT scales the limit, VERIFYGATE_SCALE_ONLY picks cases.</summary>
public sealed class EncodingBenchmarks : IBenchmarkSection
{
    public string Name => "encodings";
    public string Title => "MIP encodings of the Jacobian: forward tangent or backward gradient";

    private const double Limit = 60;
    private static readonly double Factor = Timing.FromEnvironment("VERIFYGATE_SCALE_LIMIT", 1);
    private static readonly string? Only = Environment.GetEnvironmentVariable("VERIFYGATE_SCALE_ONLY");

    private sealed record Case(string Label, string File, double[] Lower, double[] Upper, NormKind P, NormKind Q);

    public string Run(TextWriter progress)
    {
        string loadAtStart = LipschitzBenchmarks.LoadAverage();
        var table = new StringBuilder();
        table.AppendLine("| case | (p, q) | unstable | tangent encoding | gradient encoding | Auto picks | tangent / gradient width, or who is exact |");
        table.AppendLine("| --- | --- | ---: | --- | --- | --- | ---: |");
        foreach (var c in Cases())
        {
            string label = $"{c.Label} ({c.P.Label()}, {c.Q.Label()})";
            if (Only is not null && !label.Contains(Only, StringComparison.Ordinal)) continue;
            var path = Paths.Model(c.File);
            var network = OnnxImporter.Load(path).Network;
            using var oracle = new OnnxRuntimeOracle(path);
            var query = new LipschitzQuery
            {
                Network = network, Lower = c.Lower, Upper = c.Upper, InputNorm = c.P, OutputNorm = c.Q,
                Exact = true, TimeLimitSeconds = Limit * Factor,
            };
            var engine = new LipschitzEngine(ScipSolver.Instance);
            var tangent = engine.Solve(query with { Encoding = LipschitzEncoding.Tangent }, oracle);
            var gradient = engine.Solve(query with { Encoding = LipschitzEncoding.Gradient }, oracle);
            string picks = GradientSides.Applies(query) ? "gradient" : "tangent";
            progress.WriteLine($"  {label}: tangent {LipschitzBenchmarks.TimedInterval(tangent)}, gradient {LipschitzBenchmarks.TimedInterval(gradient)}, Auto: {picks}");
            table.AppendLine($"| {c.Label} | ({c.P.Label()}, {c.Q.Label()}) | {tangent.UnstableNeurons} | {LipschitzBenchmarks.TimedInterval(tangent)} | {LipschitzBenchmarks.TimedInterval(gradient)} | {picks} | {Ratio(tangent, gradient)} |");
        }
        var sb = new StringBuilder();
        sb.AppendLine($"The plain engine (no splitting) on the whole box, limit {Timing.Format(Limit * Factor)} per encoding; each cell the certified interval, or the time to exact (relative gap 1e-6).");
        sb.AppendLine("Tangent: v in the unit p-ball pushed forward to J v (big-M constants: tangent bounds). Gradient: per output covector u (unit vectors for q = inf, sign vectors for q = 1), uᵀJ pulled backward and its dual norm maximised (big-M constants: the interval backward pass's sensitivity bounds).");
        sb.AppendLine("The last column: width of the tangent interval over the gradient one (above 1: the gradient encoding ends tighter), or which encoding closed the gap.");
        sb.AppendLine($"Single runs. The 2 cores: 1-minute load average {loadAtStart} at the start, {LipschitzBenchmarks.LoadAverage()} at the end.");
        sb.AppendLine();
        sb.Append(table);
        return sb.ToString();
    }

    /// <summary>An interval closed to the gap says which encoding got there (and how much faster) instead: a ratio of widths
    /// against a closed interval only measures the relative gap.</summary>
    private static string Ratio(CertifiedBounds tangent, CertifiedBounds gradient)
    {
        bool tangentExact = !tangent.TimedOut, gradientExact = !gradient.TimedOut;
        if (tangentExact && gradientExact)
            return FormattableString.Invariant($"both exact; gradient time / tangent {gradient.Elapsed.TotalSeconds / tangent.Elapsed.TotalSeconds:F2}");
        if (tangentExact || gradientExact) return $"only the {(tangentExact ? "tangent" : "gradient")} encoding exact";
        double wt = (tangent.Upper ?? double.PositiveInfinity) - (tangent.Lower ?? 0), wg = (gradient.Upper ?? double.PositiveInfinity) - (gradient.Lower ?? 0);
        return wg > 0 && double.IsFinite(wt) ? (wt / wg).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "—";
    }

    private static IEnumerable<Case> Cases()
    {
        var cart = (Enumerable.Repeat(-1.0, 4).ToArray(), Enumerable.Repeat(1.0, 4).ToArray());
        var lunar = (Enumerable.Repeat(-1.0, 8).ToArray(), Enumerable.Repeat(1.0, 8).ToArray());
        foreach (var (p, q) in new[] { (NormKind.Inf, NormKind.Inf), (NormKind.Two, NormKind.Inf), (NormKind.Inf, NormKind.One) })
            yield return new("cartpole [-1,1]^4", "control/cartpole.onnx", cart.Item1, cart.Item2, p, q);
        foreach (var (p, q) in new[] { (NormKind.Inf, NormKind.Inf), (NormKind.One, NormKind.One), (NormKind.Inf, NormKind.One) })
            yield return new("lunarlander [-1,1]^8", "control/lunarlander.onnx", lunar.Item1, lunar.Item2, p, q);
        yield return new("SDnet_10_30_30_30_3 [0,0.1]^10", "lipbab/SDnet_10_30_30_30_3.onnx",
            Enumerable.Repeat(0.0, 10).ToArray(), Enumerable.Repeat(0.1, 10).ToArray(), NormKind.Inf, NormKind.Inf);
        var image = GradientBenchmarks.MnistImage(Paths.Model("mnistfc/prop_0_0.03.vnnlib"), 0.03);
        yield return new("mnist-net_256x2, l_inf ball 0.01 at image 0 of prop_0", "mnistfc/mnist-net_256x2.onnx",
            image.Select(v => Math.Max(0, v - 0.01)).ToArray(), image.Select(v => Math.Min(1, v + 0.01)).ToArray(), NormKind.Inf, NormKind.Inf);
    }
}
