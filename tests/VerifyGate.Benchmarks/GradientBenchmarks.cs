using System.Globalization;
using System.Text;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Benchmarks;

/// <summary>Issue 12, item 1: the solver-free upper bounds on L_{p,q} — forward tangent propagation against the
/// interval Jacobian (backward, intersected with the forward interval Jacobian when affordable) — with the
/// sampled lower bound, on controllers and verification benchmarks; and what the Jacobian-tightened tangent
/// bounds do to an exact l_inf solve of cartpole. VERIFYGATE_GRADIENT_LIMIT overrides that solve's limit (s).</summary>
public sealed class GradientBenchmarks : IBenchmarkSection
{
    public string Name => "gradient";
    public string Title => "Gradient (interval Jacobian) bounds on Lipschitz constants";

    private static readonly double SolveLimit =
        Timing.FromEnvironment("VERIFYGATE_GRADIENT_LIMIT", 60);

    private static readonly (NormKind P, NormKind Q)[] Pairs = [(NormKind.Inf, NormKind.Inf), (NormKind.One, NormKind.One), (NormKind.Two, NormKind.Two)];

    public string Run(TextWriter progress)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Upper bounds need no solver; the lower bound is the engine's sampled witnesses (`SampledLowerBound`, 256 points, confirmed by ONNX Runtime).");
        sb.AppendLine("Node bounds: symbolic (the engine's default), computed once per case and not included in the times. Times are medians of 5 runs.");
        sb.AppendLine("\"gradient\" = backward interval Jacobian (FastLip/RecurJac style), intersected with the forward interval Jacobian and the products through cut nodes when (weights x inputs) ≤ 5e7, bounded in the (p, q) operator norm.");
        sb.AppendLine("\"linear\" = the linear relaxation of the backward pass (`LinearJacobianBound`: chords of the products s·g and of the input norm, carried through the weights exactly), its input chords sharpened by the gradient enclosure. The engine and the search use min(forward, gradient, linear).");
        sb.AppendLine();
        sb.AppendLine("| case | (p, q) | unstable | sampled lower | forward bound | time | gradient bound | time | forward / gradient | linear bound | time | gradient / linear |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (label, file, lower, upper) in Cases())
        {
            var network = OnnxImporter.Load(Paths.Model(file)).Network;
            using var oracle = new OnnxRuntimeOracle(Paths.Model(file));
            var bounds = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
            foreach (var (p, q) in Pairs)
            {
                var query = new LipschitzQuery { Network = network, Lower = lower, Upper = upper, InputNorm = p, OutputNorm = q };
                var (forwardTime, forward) = Timing.Median(() => IntervalUpperBounds.Forward(query, TangentBounds.Compute(bounds, p, query.FixedInputs)));
                var (gradientTime, gradient) = Timing.Median(() => IntervalUpperBounds.Gradient(query, bounds, IntervalUpperBounds.ForwardJacobians(query, bounds)));
                var (linearTime, linear) = Timing.Median(() => IntervalUpperBounds.Linear(query, bounds, IntervalUpperBounds.ForwardJacobians(query, bounds)));
                var witnesses = new LipschitzWitnesses(query, bounds, oracle);
                SampledLowerBound.Run(query, witnesses, CancellationToken.None);
                progress.WriteLine($"  {label} ({p.Label()}, {q.Label()}): forward {forward:G6} in {Timing.Format(forwardTime)}, gradient {gradient:G6} in {Timing.Format(gradientTime)}, linear {linear:G6} in {Timing.Format(linearTime)}, sampled {witnesses.Lower:G6}");
                sb.AppendLine($"| {label} | ({p.Label()}, {q.Label()}) | {bounds.TotalUnstable} | {Number(witnesses.Lower)} | {Number(forward)} | {Timing.Format(forwardTime)} | {Number(gradient)} | {Timing.Format(gradientTime)} | {forward / gradient:0.00} | {Number(linear)} | {Timing.Format(linearTime)} | {gradient / linear:0.00} |");
            }
        }
        sb.AppendLine();
        sb.Append(CartpoleSolve(progress));
        return sb.ToString();
    }

    /// <summary>Exact l_inf solve of cartpole on [-1, 1]^4: the plain engine with every addition off (the engine
    /// before), the gradient upper bounds, Jacobian-tightened tangent bounds in the MIP, then the gradient encoding of the
    /// MIP instead of the tangent one; and the root-then-split solver that `check` runs, before and after.</summary>
    private static string CartpoleSolve(TextWriter progress)
    {
        const string file = "control/cartpole.onnx";
        var network = OnnxImporter.Load(Paths.Model(file)).Network;
        using var oracle = new OnnxRuntimeOracle(Paths.Model(file));
        var sb = new StringBuilder();
        sb.AppendLine($"Exact L_inf,inf of cartpole on [-1, 1]^4 (SCIP, {SolveLimit:0} s limit, single runs):");
        sb.AppendLine();
        sb.AppendLine("| solver | bounds used | lower | upper | rel. gap | time |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        const LipschitzEncoding tangent = LipschitzEncoding.Tangent, auto = LipschitzEncoding.Auto;
        var runs = new (string Solver, string Label, bool Gradient, bool Tangents, LipschitzEncoding Encoding)[]
        {
            ("engine", "forward tangent bounds only (before)", false, false, tangent),
            ("engine", "+ gradient upper bound", true, false, tangent),
            ("engine", "+ Jacobian-tightened tangent bounds in the MIP", true, true, tangent),
            ("engine", "+ gradient MIP encoding (after; section \"encodings\")", true, true, auto),
            ("root, then input splitting (`check`)", "before", false, false, tangent),
            ("root, then input splitting (`check`)", "after", true, true, auto),
        };
        foreach (var (solver, label, gradient, tangents, encoding) in runs)
        {
            var query = new LipschitzQuery
            {
                Network = network, Lower = Repeat(-1, 4), Upper = Repeat(1, 4), Exact = true, TimeLimitSeconds = SolveLimit,
                GradientBounds = gradient, LinearGradientBounds = gradient, TangentJacobians = tangents, Encoding = encoding,
            };
            var result = solver == "engine"
                ? new LipschitzEngine(ScipSolver.Instance).Solve(query, oracle)
                : new LipschitzRoute(ScipSolver.Instance).Solve(query, oracle);
            progress.WriteLine($"  cartpole exact linf, {solver}, {label}: [{Number(result.Lower)}, {Number(result.Upper)}] in {result.Elapsed.TotalSeconds:0.00} s");
            sb.AppendLine($"| {solver} | {label} | {Number(result.Lower)} | {Number(result.Upper)} | {LipschitzBenchmarks.Gap(result)} | {LipschitzBenchmarks.Time(result)} |");
        }
        return sb.ToString();
    }

    private static IEnumerable<(string Label, string File, double[] Lower, double[] Upper)> Cases()
    {
        yield return ("cartpole [-1,1]^4", "control/cartpole.onnx", Repeat(-1, 4), Repeat(1, 4));
        yield return ("lunarlander [-1,1]^8", "control/lunarlander.onnx", Repeat(-1, 8), Repeat(1, 8));
        yield return ("ACAS Xu 1_1, property-2 box", "acasxu/ACASXU_run2a_1_1_batch_2000.onnx",
            [0.6, -0.5, -0.5, 0.45, -0.5], [0.679857769, 0.5, 0.5, 0.5, -0.45]);
        yield return ("SDnet_10_30_30_30_3 [0,0.1]^10", "lipbab/SDnet_10_30_30_30_3.onnx", Repeat(0, 10), Repeat(0.1, 10));
        var (mnistLower, mnistUpper) = MnistBall(0.01);
        yield return ("mnist-net_256x2, radius 0.01 at image 0 of prop_0", "mnistfc/mnist-net_256x2.onnx", mnistLower, mnistUpper);
    }

    /// <summary>The l_inf ball of radius <paramref name="eps"/> around image 0 of prop_0, clipped to [0, 1].</summary>
    internal static (double[] Lower, double[] Upper) MnistBall(double eps)
    {
        var image = MnistImage(Paths.Model("mnistfc/prop_0_0.03.vnnlib"), 0.03);
        return (image.Select(v => Math.Max(0, v - eps)).ToArray(), image.Select(v => Math.Min(1, v + eps)).ToArray());
    }

    /// <summary>The image at the centre of a VNN-COMP MNIST property's box of radius eps, clipped to [0, 1]:
    /// a pixel whose box touches 0 or 1 sits eps from the other end.</summary>
    internal static double[] MnistImage(string vnnlib, double eps)
    {
        var lower = new double[784];
        var upper = new double[784];
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(
            File.ReadAllText(vnnlib), @"\(assert \((?<op><=|>=) X_(?<i>\d+) (?<v>[-0-9.eE]+)\)\)"))
        {
            int i = int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture);
            double v = double.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["op"].Value == "<=") upper[i] = v; else lower[i] = v;
        }
        return lower.Select((lo, i) => Math.Clamp(lo <= 0 ? upper[i] - eps : upper[i] >= 1 ? lo + eps : (lo + upper[i]) / 2, 0, 1)).ToArray();
    }

    private static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static string Number(double? value) => LipschitzBenchmarks.Number(value);
}
