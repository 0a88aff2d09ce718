using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Numerics;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>The four two-copy quantities of math.md ("Invertibility", "Matching two networks").</summary>
public enum TwoCopyKind
{
    /// <summary>D = max ‖x − y‖_p over x, y in the box with ‖f(x) − f(y)‖_q ≤ η.</summary>
    Invertibility,
    /// <summary>r* = min max(‖x − c‖_p, ‖y − c‖_p) over pairs with f(x) = f(y), ‖x − y‖_inf ≥ δ.</summary>
    InvertibilityRadius,
    /// <summary>R* = min ‖x − c‖_p over x with f(x) = f(c), ‖x − c‖_inf ≥ δ.</summary>
    PreimageRadius,
    /// <summary>M = max ‖g(x) − g(y)‖_q over x, y in the box with ‖f(x) − f(y)‖_q ≤ η (g the model, f the reference).</summary>
    Matching,
}

/// <summary>How the radius kinds are solved (see docs/benchmarks.md for the measurements).</summary>
public enum RadiusMethod
{
    /// <summary>One problem per separation direction: minimise t over the ball of radius maxRadius; once an
    /// incumbent at t is known, the big-M bounds are recomputed on the ball of radius t and the problem re-solved.</summary>
    Direct,
    /// <summary>Bisection on r: each step asks whether a separated pair with equal outputs exists in the ball of radius r.</summary>
    Bisection,
    /// <summary>The shared branch and bound over boxes of the ball (<see cref="RadiusSearch"/>); for at most
    /// <see cref="RadiusSearch.MaximumFreeInputs"/> free inputs, else <see cref="Direct"/>.</summary>
    Search,
}

/// <summary>How D of the invertibility kind is solved (see docs/benchmarks.md, section "difference").</summary>
public enum InvertibilityMethod
{
    /// <summary>One MIP per sub-problem of the norm (<see cref="Lipschitz.LipschitzObjective.For"/>) over the whole box.</summary>
    Direct,
    /// <summary>The shared branch and bound over pairs of boxes (<see cref="InvertibilitySearch"/>); for at most
    /// <see cref="InvertibilitySearch.MaximumFreeInputs"/> free inputs, else <see cref="Direct"/>.</summary>
    Search,
}

/// <summary>What to compute for one of the two-copy kinds.</summary>
public sealed record TwoCopyQuery
{
    public required TwoCopyKind Kind { get; init; }
    /// <summary>The model (g for matching, f otherwise).</summary>
    public required Network Network { get; init; }
    /// <summary>The reference f of matching; null otherwise.</summary>
    public Network? Reference { get; init; }
    /// <summary>The box (for the radius kinds: centre ± maxRadius, fixed inputs at the centre).</summary>
    public required double[] Lower { get; init; }
    public required double[] Upper { get; init; }
    /// <summary>The centre c of the radius kinds.</summary>
    public double[]? Center { get; init; }
    /// <summary>p of ‖x − y‖_p for invertibility; for the radius kinds the norm of the ball ‖x − c‖_p ≤ t (their
    /// separation ‖x − y‖_inf ≥ δ stays in l_inf).</summary>
    public NormKind InputNorm { get; init; } = NormKind.Inf;
    /// <summary>q of the output coupling (and of the objective of matching).</summary>
    public NormKind OutputNorm { get; init; } = NormKind.Inf;
    /// <summary>Output indices of the model looked at; null for all. The reference's outputs are all coupled.</summary>
    public int[]? Outputs { get; init; }
    /// <summary>η (invertibility, matching; the radius kinds use exact equality).</summary>
    public double OutputTolerance { get; init; }
    /// <summary>δ of the radius kinds.</summary>
    public double Separation { get; init; } = 1e-4;
    /// <summary>Threshold mode: atMost for invertibility and matching, atLeast for the radius kinds.</summary>
    public double? Threshold { get; init; }
    /// <summary>Close the gap even when the threshold is decided earlier.</summary>
    public bool Exact { get; init; }
    public double RelativeGap { get; init; } = 1e-6;
    public double TimeLimitSeconds { get; init; } = double.PositiveInfinity;
    /// <summary>LP-tightened by default: on the Brusselator balls it removes 10-20 % of the unstable neurons in under 0.5 s.</summary>
    public BoundMethod BoundMethod { get; init; } = BoundMethod.LpTightened;
    public RadiusMethod RadiusMethod { get; init; } = RadiusMethod.Search;
    public InvertibilityMethod InvertibilityMethod { get; init; } = InvertibilityMethod.Search;

    /// <summary>A fixed count of unstable ReLUs (both copies) under which a node of the invertibility search gets a MIP,
    /// with no MIP over the whole box: forces deep splitting in tests. Null: the adaptive rule.</summary>
    internal double? SearchSolverUnstableLimit { get; init; }
    /// <summary>Threshold questions on an l2 quantity try the linear l_inf surrogates first; off only to measure
    /// what they buy.</summary>
    public bool L2Surrogate { get; init; } = true;
    /// <summary>The largest pre-activation bound accepted (<see cref="MagnitudeLimitException"/> beyond it); +infinity only for experiments.</summary>
    public double BigMLimit { get; init; } = MagnitudeLimits.BigM;

    /// <summary>D is capped by the LP-tightened difference bounds of x − y under the coupling (<see cref="Bounds.DifferenceBounds"/>)
    /// before its per-objective MIPs: at most a tenth of the time (5 s), and a certified bound even where the MIPs time out
    /// (docs/benchmarks.md, section "difference"). Off only to measure what it buys.</summary>
    public bool DifferenceCap { get; init; } = true;

    /// <summary>Difference rows in the two-copy MIPs (<see cref="Encoding.DifferenceRows"/>) and, in the searches, difference
    /// bounds per node. Off by default: measured on the residual, monotone and Brusselator cases of section "difference"
    /// they made no solve faster, and per node their LPs slowed the radius search several times over.</summary>
    public bool DifferenceRows { get; init; }

    /// <summary>Use the symmetry x ↔ y of the pair kinds: only the separation directions x_i − y_i ≥ δ (n, not 2n), only the
    /// objectives max x_i − y_i (and half the sign vectors), and a symmetric pair of boxes split into 3 pairs, not 4. Off
    /// only to measure what it buys.</summary>
    public bool SymmetryBreaking { get; init; } = true;

    /// <summary>Rounds of LP tightening of the difference bounds (0: their interval pass alone).</summary>
    public int DifferenceLpRounds { get; init; } = 3;

    /// <summary>Try <see cref="Invertibility.ContractionProof"/> before the two-copy MIP (off: the MIP alone, for comparisons).</summary>
    public bool CheapProofs { get; init; } = true;

    public bool IsRadius => Kind is TwoCopyKind.InvertibilityRadius or TwoCopyKind.PreimageRadius;

    public double MaxRadius => Center is null ? 0 : Lower.Select((l, i) => Math.Max(Center[i] - l, Upper[i] - Center[i])).DefaultIfEmpty(0).Max();

    public bool[] FixedInputs => Lower.Select((l, i) => l == Upper[i]).ToArray();

    public int[] SelectedOutputs => Outputs ?? Enumerable.Range(0, Network.OutputSize).ToArray();
}
