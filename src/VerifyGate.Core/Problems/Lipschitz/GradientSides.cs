using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>What the engine's sub-problems share under the gradient encoding (<see cref="LipschitzEncoding.Gradient"/>): the
/// output covectors u, the interval bounds on every node's sensitivity G_k for each (the big-M constants of the products
/// d·g), and one objective per covector on the free inputs' entries of G_0 = uᵀJ.
/// Why it is sound: ‖J‖_{p→q} = max_u ‖uᵀJ‖_{p*} over the covectors (<see cref="OutputCovectors"/>), and each sub-problem's
/// feasible set holds every point of the box with its pattern and that pattern's uᵀJ, so the largest proven bound over the
/// sub-problems bounds L.</summary>
public sealed class GradientSides
{
    private readonly double[][] _seeds;
    private readonly IntervalMatrix?[] _sensitivities;
    private readonly NormKind _inputNorm;
    private readonly int _inputs;

    private GradientSides(LipschitzQuery query, NetworkBounds bounds, double[][] seeds)
    {
        _seeds = seeds;
        _sensitivities = JacobianBounds.Sensitivities(bounds, seeds);
        _inputNorm = query.InputNorm;
        _inputs = query.Network.InputSize;
        var fixedInputs = query.FixedInputs;
        Free = Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();
        Objectives = LipschitzObjective.ForGradient(query.InputNorm, seeds.Length, Free.Length);
    }

    /// <summary>The shared parts, or null when the query keeps the tangent encoding (asked for, chosen by
    /// <see cref="LipschitzEncoding.Auto"/>, or q = 2 over several outputs).</summary>
    public static GradientSides? For(LipschitzQuery query, NetworkBounds bounds) =>
        Applies(query) ? new GradientSides(query, bounds, Seeds(query)!) : null;

    /// <summary>Whether the query's MIPs use the gradient encoding.</summary>
    public static bool Applies(LipschitzQuery query) => Chosen(query) && Seeds(query) is not null;

    private static double[][]? Seeds(LipschitzQuery query) => LipschitzObjective.GradientSeeds(query.Network, query.SelectedOutputs, query.OutputNorm);

    /// <summary>Free inputs up to which <see cref="LipschitzEncoding.Auto"/> takes the gradient encoding. Its Σ|g| objective
    /// needs a sign binary per free input: 60 s limit, l_inf, engine alone, SCIP's default node order: cartpole (4 inputs)
    /// exact in 23.6-27.9 s against the tangent encoding's 25.6-26.3 (lower 17.24), cartpole l_inf -> l1 exact in 12.4 s
    /// against 49.6; lunarlander (8) a toss-up, 100.0-124.6 over single runs against 121.9-122.9 (lower 81.0); mnist-net_256x2
    /// at 0.01 (784) [2.54, 51.2] against exact in 21-28 s (docs/benchmarks.md, "encodings"). Auto's choice rests on cartpole
    /// and on l_inf -> l1. With p = 1 (max |g|) it measured no better (lunarlander (1, 1): 109.2 both); with p = 2 its objective Σ g² is a non-convex quadratic, solved out without a bound
    /// limit, and was not measured faster: p = 1 and p = 2 keep the tangent encoding.</summary>
    public const int AutoFreeInputLimit = 32;

    private static bool Chosen(LipschitzQuery query) => query.Encoding switch
    {
        LipschitzEncoding.Gradient => true,
        LipschitzEncoding.Auto => query.InputNorm == NormKind.Inf && query.FixedInputs.Count(f => !f) <= AutoFreeInputLimit,
        _ => false,
    };

    public IReadOnlyList<LipschitzObjective> Objectives { get; }

    /// <summary>The inputs that are not fixed: the entries of G_0 the objectives read.</summary>
    public int[] Free { get; }

    public GradientEncoding Encode(ForwardEncoding forward, int seed) => new(forward, _seeds[seed], _sensitivities, seed);

    /// <summary>The direction v of the p-ball that attains ‖g‖_{p*} = gᵀv for the solution's G_0 (a witness's fallback
    /// direction when the pattern's own cannot be enumerated).</summary>
    public double[] DirectionAt(GradientEncoding encoded, ReadOnlySpan<double> solution)
    {
        var g = new double[_inputs];
        foreach (int i in Free) g[i] = encoded.InputGradient[i].ValueAt(solution);
        var v = new double[_inputs];
        switch (_inputNorm)
        {
            case NormKind.Inf:
                foreach (int i in Free) v[i] = g[i] >= 0 ? 1 : -1;
                break;
            case NormKind.One:
                int best = Free.MaxBy(i => Math.Abs(g[i]));
                v[best] = g[best] >= 0 ? 1 : -1;
                break;
            default:
                double norm = VectorNorm.Norm(g, NormKind.Two);
                if (norm > 0) foreach (int i in Free) v[i] = g[i] / norm;
                break;
        }
        return v;
    }
}
