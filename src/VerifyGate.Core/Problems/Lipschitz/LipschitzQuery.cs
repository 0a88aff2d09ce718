using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Numerics;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>What to compute: L_{p,q}(f restricted to <see cref="Outputs"/>, box), either exactly or
/// only far enough to decide L ≤ <see cref="AtMost"/>.</summary>
public sealed record LipschitzQuery
{
    public required Network Network { get; init; }
    public required double[] Lower { get; init; }
    public required double[] Upper { get; init; }
    public NormKind InputNorm { get; init; } = NormKind.Inf;
    public NormKind OutputNorm { get; init; } = NormKind.Inf;
    /// <summary>Output indices looked at; null for all.</summary>
    public int[]? Outputs { get; init; }
    /// <summary>Threshold mode: stop as soon as L ≤ AtMost is decided (unless <see cref="Exact"/>).</summary>
    public double? AtMost { get; init; }
    /// <summary>Close the gap to <see cref="RelativeGap"/> even when the threshold is decided earlier.</summary>
    public bool Exact { get; init; }
    public double RelativeGap { get; init; } = 1e-6;
    public double TimeLimitSeconds { get; init; } = double.PositiveInfinity;
    /// <summary>How an l2 input ball is encoded (ignored for other input norms).</summary>
    public TwoBallMethod TwoBall { get; init; } = TwoBallMethod.Automatic;
    public BoundMethod BoundMethod { get; init; } = BoundMethod.Symbolic;
    /// <summary>Decide small l2-output thresholds through l_inf first (<see cref="L2OutputSurrogate"/>); off only
    /// to measure what it buys.</summary>
    public bool L2Surrogate { get; init; } = true;
    /// <summary>Bound L by the interval Jacobian too (<see cref="IntervalUpperBounds.Gradient"/>), not only by forward
    /// tangent propagation; off only to measure what it buys.</summary>
    public bool GradientBounds { get; init; } = true;
    /// <summary>With <see cref="GradientBounds"/>, bound L by the linear relaxation of the backward pass too
    /// (<see cref="IntervalUpperBounds.Linear"/>); off only to measure what it buys.</summary>
    public bool LinearGradientBounds { get; init; } = true;
    /// <summary>Tighten the MIP's tangent bounds with forward interval Jacobians when they are cheap; off only to
    /// measure what it buys.</summary>
    public bool TangentJacobians { get; init; } = true;
    /// <summary>How the MIP encodes the Jacobian: a tangent pushed forward (<see cref="LipschitzEncoding.Tangent"/>), the
    /// gradient of each output covector pulled backward (<see cref="LipschitzEncoding.Gradient"/>, q = inf and q = 1 only), or
    /// whichever measured faster for the query's shape (<see cref="LipschitzEncoding.Auto"/>).</summary>
    public LipschitzEncoding Encoding { get; init; } = LipschitzEncoding.Auto;
    /// <summary>The order in which SCIP takes the open nodes of each sub-problem's MIP. Best bound first: a sub-problem's
    /// product is its proven bound (docs/benchmarks.md, "nodeorder": lunarlander l_inf 83.4 at 60 s against 100.5 with SCIP's
    /// default order). Its incumbents come later: mnist-net_256x2 at 0.03 ended 60 s with witness 51.4 against 57.8-78.1 in
    /// default-order runs; yet thresholds that fail were decided no later (the same box, atMost 54.3: failed in 7.6 s, where
    /// the default order was undecided after 30 s with witness 53.6; "scale", 0.8x: 7.1 s against 30.6 s before).</summary>
    public Solving.NodeOrder NodeOrder { get; init; } = Solving.NodeOrder.BestBound;
    /// <summary>Random points sampled for the initial lower bound.</summary>
    public int Samples { get; init; } = 256;
    public int Seed { get; init; } = 12345;
    /// <summary>The largest pre-activation bound accepted (<see cref="MagnitudeLimitException"/> beyond it); +infinity only for experiments.</summary>
    public double BigMLimit { get; init; } = MagnitudeLimits.BigM;
    /// <summary>The largest tangent bound accepted; +infinity only for experiments.</summary>
    public double TangentLimit { get; init; } = MagnitudeLimits.TangentBigM;

    /// <summary>The query with its threshold raised to the engine's resolution (idempotent): L = 0 cannot be
    /// proven, only L ≤ <see cref="Resolution.Floor"/>.</summary>
    public LipschitzQuery AtResolution() =>
        AtMost is double t && t < Problems.Resolution.Floor ? this with { AtMost = Problems.Resolution.Effective(t, Problems.Resolution.Floor) } : this;

    public int[] SelectedOutputs => Outputs ?? Enumerable.Range(0, Network.OutputSize).ToArray();
    public bool[] FixedInputs => Lower.Select((lo, i) => lo == Upper[i]).ToArray();
}

/// <summary>The MIP's encoding of the Jacobian (<see cref="LipschitzQuery.Encoding"/>).</summary>
public enum LipschitzEncoding
{
    /// <summary>The gradient encoding where it applies, p = inf and at most <see cref="Problems.Lipschitz.GradientSides.AutoFreeInputLimit"/>
    /// inputs are free; the tangent encoding elsewhere (docs/benchmarks.md, "MIP encodings").</summary>
    Auto,
    /// <summary>v in the unit p-ball pushed forward to J v (<see cref="Core.Encoding.TangentEncoding"/>).</summary>
    Tangent,
    /// <summary>uᵀJ pulled backward per output covector u, its dual norm maximised (<see cref="Core.Encoding.GradientEncoding"/>);
    /// for q = 2 over several outputs the tangent encoding is used.</summary>
    Gradient,
}
