using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>The engine on shared real networks, with a time limit: no sampled pair beats the certified
/// upper bound, and the witness behind the lower bound holds up under ONNX Runtime.</summary>
public class LipschitzSharedModelSoundnessTests(ITestOutputHelper output)
{
    private const double TimeLimitSeconds = 4;

    public static IEnumerable<object[]> Cases() =>
    [
        ["acasxu/ACASXU_run2a_1_1_batch_2000.onnx", "acas-property-2", NormKind.Inf, NormKind.Inf],
        ["acasxu/ACASXU_run2a_1_1_batch_2000.onnx", "acas-property-2", NormKind.One, NormKind.Two],
        ["control/cartpole.onnx", "half", NormKind.Inf, NormKind.Inf],
        ["control/cartpole.onnx", "half", NormKind.Two, NormKind.One],
        ["control/lunarlander.onnx", "half", NormKind.Inf, NormKind.One],
        ["control/lunarlander.onnx", "half", NormKind.Two, NormKind.Two],
        ["lipbab/iris_net_4_5_5_3.onnx", "unit", NormKind.Two, NormKind.Two],
        ["lipbab/iris_net_4_5_5_3.onnx", "unit", NormKind.One, NormKind.Inf],
        ["lipbab/SDnet_10_15_10_3.onnx", "tenth", NormKind.Inf, NormKind.Inf],
        ["lipbab/SDnet_10_15_10_3.onnx", "tenth", NormKind.Two, NormKind.Inf],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Certified_bounds_hold_against_samples_and_onnx_runtime(string model, string box, NormKind p, NormKind q)
    {
        var path = TestPaths.Model(model);
        var network = OnnxImporter.Load(path).Network;
        var (lo, hi) = Box(box, network.InputSize);
        using var oracle = new OnnxRuntimeOracle(path);
        var result = new LipschitzEngine(ScipSolver.Instance).Solve(new LipschitzQuery
        {
            Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q,
            Exact = true, TimeLimitSeconds = TimeLimitSeconds,
        }, oracle);
        output.WriteLine($"{model} {box} p={p.Label()} q={q.Label()}: [{result.Lower:G10}, {result.Upper:G10}] in {result.Elapsed.TotalSeconds:0.00} s, timed out {result.TimedOut}");
        foreach (var note in result.Notes) output.WriteLine("note: " + note);

        Assert.NotNull(result.Upper);
        Assert.NotNull(result.Lower);
        Assert.NotNull(result.Witness);
        Assert.True(result.Lower <= result.Upper, $"lower {result.Lower} above upper {result.Upper}");

        double sampled = SampledRatios.Max(network, lo, hi, p, q, seed: model.Length * 31 + (int)p * 3 + (int)q,
            around: [result.Witness!.X, result.Witness.Y]);
        output.WriteLine($"largest sampled ratio {sampled:G10}");
        Assert.True(sampled > 0);
        Assert.True(sampled <= result.Upper!.Value * (1 + 1e-7) + 1e-9, $"sampled ratio {sampled:G12} exceeds certified upper {result.Upper:G12}");

        using var runtime = new OnnxRuntimeModel(path);
        var w = result.Witness;
        Assert.All(w.X.Concat(w.Y).Select((v, i) => (v, i % lo.Length)), t => Assert.InRange(t.v, lo[t.Item2], hi[t.Item2]));
        double confirmed = WitnessPair.Ratio(runtime.Evaluate(w.X), runtime.Evaluate(w.Y), w.X, w.Y,
            Enumerable.Range(0, network.OutputSize).ToArray(), p, q);
        output.WriteLine($"witness ratio under ONNX Runtime {confirmed:G10}");
        Assert.True(confirmed >= result.Lower!.Value * (1 - 1e-4), $"ONNX Runtime ratio {confirmed:G10} below certified lower {result.Lower:G10}");
    }

    private static (double[] Lo, double[] Hi) Box(string name, int size) => name switch
    {
        "acas-property-2" => ([0.6, -0.5, -0.5, 0.45, -0.5], [0.679857769, 0.5, 0.5, 0.5, -0.45]),
        "half" => (Enumerable.Repeat(-0.5, size).ToArray(), Enumerable.Repeat(0.5, size).ToArray()),
        "unit" => (new double[size], Enumerable.Repeat(1.0, size).ToArray()),
        "tenth" => (new double[size], Enumerable.Repeat(0.1, size).ToArray()),
        _ => throw new ArgumentException(name),
    };
}
