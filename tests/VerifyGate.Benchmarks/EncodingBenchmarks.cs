using System.Text;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;

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

    public string Run(TextWriter progress)
    {
        string loadAtStart = LipschitzBenchmarks.LoadAverage();
        var table = new StringBuilder();
        table.AppendLine("| case | (p, q) | unstable | tangent encoding | gradient encoding | Auto picks | tangent / gradient width, or who is exact |");
        table.AppendLine("| --- | --- | ---: | --- | --- | --- | ---: |");
        table.Append(EngineComparison.Rows(Cases(), Limit * Factor,
            q => q with { Encoding = LipschitzEncoding.Tangent }, q => q with { Encoding = LipschitzEncoding.Gradient },
            (c, query, tangent, gradient) => $"| {c.Label} | {c.Norms} | {tangent.UnstableNeurons} | {LipschitzBenchmarks.TimedInterval(tangent)} | "
                + $"{LipschitzBenchmarks.TimedInterval(gradient)} | {(GradientSides.Applies(query) ? "gradient" : "tangent")} | "
                + $"{EngineComparison.Verdict(tangent, gradient, "the tangent encoding", "the gradient encoding")} |",
            progress));
        var sb = new StringBuilder();
        sb.AppendLine($"The plain engine (no splitting) on the whole box, limit {Timing.Format(Limit * Factor)} per encoding; each cell the certified interval, or the time to exact (relative gap 1e-6).");
        sb.AppendLine("Tangent: v in the unit p-ball pushed forward to J v (big-M constants: tangent bounds). Gradient: per output covector u (unit vectors for q = inf, sign vectors for q = 1), uᵀJ pulled backward and its dual norm maximised (big-M constants: the interval backward pass's sensitivity bounds).");
        sb.AppendLine("The last column: width of the tangent interval over the gradient one (above 1: the gradient encoding ends tighter), or which encoding closed the gap.");
        sb.AppendLine($"Single runs. The 2 cores: 1-minute load average {loadAtStart} at the start, {LipschitzBenchmarks.LoadAverage()} at the end.");
        sb.AppendLine();
        sb.Append(table);
        return sb.ToString();
    }

    private static IEnumerable<EngineComparison.Case> Cases()
    {
        var cart = (Enumerable.Repeat(-1.0, 4).ToArray(), Enumerable.Repeat(1.0, 4).ToArray());
        var lunar = (Enumerable.Repeat(-1.0, 8).ToArray(), Enumerable.Repeat(1.0, 8).ToArray());
        foreach (var (p, q) in new[] { (NormKind.Inf, NormKind.Inf), (NormKind.Two, NormKind.Inf), (NormKind.Inf, NormKind.One) })
            yield return new("cartpole [-1,1]^4", "control/cartpole.onnx", cart.Item1, cart.Item2, p, q);
        foreach (var (p, q) in new[] { (NormKind.Inf, NormKind.Inf), (NormKind.One, NormKind.One), (NormKind.Inf, NormKind.One) })
            yield return new("lunarlander [-1,1]^8", "control/lunarlander.onnx", lunar.Item1, lunar.Item2, p, q);
        yield return new("SDnet_10_30_30_30_3 [0,0.1]^10", "lipbab/SDnet_10_30_30_30_3.onnx",
            Enumerable.Repeat(0.0, 10).ToArray(), Enumerable.Repeat(0.1, 10).ToArray(), NormKind.Inf, NormKind.Inf);
        var (mnistLower, mnistUpper) = GradientBenchmarks.MnistBall(0.01);
        yield return new("mnist-net_256x2, l_inf ball 0.01 at image 0 of prop_0", "mnistfc/mnist-net_256x2.onnx", mnistLower, mnistUpper, NormKind.Inf, NormKind.Inf);
    }
}
