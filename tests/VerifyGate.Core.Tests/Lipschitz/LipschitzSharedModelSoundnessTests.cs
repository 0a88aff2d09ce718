using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>The plain engine, what `check` runs (LipschitzRoute) and the search branching on ReLU phases, on shared real networks,
/// with a time limit: no sampled pair beats the certified upper bound, and the witness behind the lower bound holds
/// up under ONNX Runtime.</summary>
public class LipschitzSharedModelSoundnessTests(ITestOutputHelper output)
{
    private const double TimeLimitSeconds = 4;

    private static readonly object[][] Models =
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

    private static readonly object[][] SearchOnly =
    [
        ["mnistfc/mnist-net_256x2.onnx", "mnist-prop-0", NormKind.Inf, NormKind.Inf],
        ["mnistfc/mnist-net_256x2.onnx", "mnist-prop-0", NormKind.One, NormKind.One],
        ["control/cartpole.onnx", "wide", NormKind.Two, NormKind.Two],
    ];

    /// <summary>The search forced to branch on ReLU phases (nodes are parts of the box, their MIPs built on phase-fixed bounds).</summary>
    private static readonly object[][] ActivationBranching =
    [
        ["mnistfc/mnist-net_256x2.onnx", "mnist-prop-0", NormKind.Inf, NormKind.Inf],
        ["control/lunarlander.onnx", "half", NormKind.One, NormKind.Two],
        ["control/cartpole.onnx", "half", NormKind.Inf, NormKind.One],
        ["acasxu/ACASXU_run2a_1_1_batch_2000.onnx", "acas-property-2", NormKind.Two, NormKind.Two],
    ];

    public static IEnumerable<object[]> Cases() =>
        Models.Select(m => m.Append("engine").ToArray())
            .Concat(Models.Concat(SearchOnly).Select(m => m.Append("search").ToArray()))
            .Concat(ActivationBranching.Select(m => m.Append("activation branching").ToArray()));

    /// <summary>The engine stopped mid-search after long enough for its best-bound node order (LipschitzQuery.NodeOrder)
    /// to pull the proven bound close to the constant (lunarlander l_inf: about 86 after 20 s against witnesses near 81), so a
    /// bound that fell below the constant would show against the pairs sampled around the witness.</summary>
    public static IEnumerable<object[]> LongerLimits() =>
    [
        ["control/lunarlander.onnx", "wide", NormKind.Inf, NormKind.Inf, 20.0],
        ["control/lunarlander.onnx", "wide", NormKind.Inf, NormKind.One, 10.0],
        ["control/cartpole.onnx", "wide", NormKind.Inf, NormKind.Inf, 10.0],
        ["mnistfc/mnist-net_256x2.onnx", "mnist-prop-0", NormKind.Inf, NormKind.Inf, 10.0],
    ];

    [Theory]
    [MemberData(nameof(LongerLimits))]
    public void Engine_bounds_after_a_longer_limit_hold_against_samples_and_onnx_runtime(string model, string box, NormKind p, NormKind q, double seconds) =>
        AssertSound(model, box, p, q, "engine", seconds);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Certified_bounds_hold_against_samples_and_onnx_runtime(string model, string box, NormKind p, NormKind q, string solver) =>
        AssertSound(model, box, p, q, solver, TimeLimitSeconds);

    private void AssertSound(string model, string box, NormKind p, NormKind q, string solver, double seconds)
    {
        var path = TestPaths.Model(model);
        var network = OnnxImporter.Load(path).Network;
        var (lo, hi) = Box(box, network.InputSize);
        using var oracle = new OnnxRuntimeOracle(path);
        var query = new LipschitzQuery
        {
            Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q,
            Exact = true, TimeLimitSeconds = seconds,
        };
        var result = solver switch
        {
            "engine" => new LipschitzEngine(ScipSolver.Instance).Solve(query, oracle),
            "search" => new LipschitzRoute(ScipSolver.Instance).Solve(query, oracle),
            _ => new InputSplittingLipschitz(ScipSolver.Instance, new InputSplittingOptions { Branching = Branching.Activations }).Solve(query, oracle),
        };
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
        // ONNX Runtime computes in float32: on a short pair its rounding of the outputs weighs more (the product's
        // confirmation rule, LipschitzWitnesses.Confirmed, allows the same).
        double distance = VectorNorm.Norm(w.X.Select((x, i) => x - w.Y[i]).ToArray(), p);
        double float32Slack = 1e-5 * (w.OutputX!.Sum(Math.Abs) + w.OutputY!.Sum(Math.Abs)) / distance;
        Assert.True(confirmed >= result.Lower!.Value * (1 - 1e-4) - float32Slack,
            $"ONNX Runtime ratio {confirmed:G10} below certified lower {result.Lower:G10} (float32 slack {float32Slack:G3})");
    }

    private static (double[] Lo, double[] Hi) Box(string name, int size) => name switch
    {
        "acas-property-2" => ([0.6, -0.5, -0.5, 0.45, -0.5], [0.679857769, 0.5, 0.5, 0.5, -0.45]),
        "half" => (Enumerable.Repeat(-0.5, size).ToArray(), Enumerable.Repeat(0.5, size).ToArray()),
        "unit" => (new double[size], Enumerable.Repeat(1.0, size).ToArray()),
        "tenth" => (new double[size], Enumerable.Repeat(0.1, size).ToArray()),
        "wide" => (Enumerable.Repeat(-1.0, size).ToArray(), Enumerable.Repeat(1.0, size).ToArray()),
        "mnist-prop-0" => VnnLibBox(TestPaths.Model("mnistfc/prop_0_0.03.vnnlib"), size),
        _ => throw new ArgumentException(name),
    };

    /// <summary>The input box of a VNN-LIB property (its X_i bounds).</summary>
    private static (double[] Lo, double[] Hi) VnnLibBox(string path, int size)
    {
        var lo = new double[size];
        var hi = new double[size];
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(
            File.ReadAllText(path), @"\(assert \((?<op><=|>=) X_(?<i>\d+) (?<v>[-0-9.eE]+)\)\)"))
        {
            int i = int.Parse(m.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture);
            double v = double.Parse(m.Groups["v"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (m.Groups["op"].Value == "<=") hi[i] = v; else lo[i] = v;
        }
        return (lo, hi);
    }
}
