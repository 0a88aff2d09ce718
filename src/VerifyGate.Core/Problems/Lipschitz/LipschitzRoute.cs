using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>What `check` runs for a Lipschitz property: input splitting (<see cref="InputSplittingLipschitz"/>) where it
/// measures faster, the plain engine (<see cref="LipschitzEngine"/>) with the whole limit everywhere else, so a property the
/// search would bound worse keeps the engine's own answer. The search takes a query with a time limit when
///   - at most <see cref="SplitInputLimit"/> inputs are free: a few splits per input make boxes whose activation patterns
///     are enumerated (cartpole, ACAS Xu: exact in seconds, where the engine alone ends far from it), or
///   - the whole box has at most twice as many unstable ReLUs as a box may enumerate: one or two splits per unstable
///     ReLU reach enumerable boxes (SDnet_10_30_30_30_3 on [0, 0.1]^10, 10 inputs, 21 unstable, (2, 2): exact in 3.9 s,
///     where the engine times out at 120 s).
/// Over many inputs and many unstable ReLUs the boxes multiply faster than their bounds improve (lunarlander, 8 inputs,
/// l_inf, 60 s: engine upper 122.7, splitting 130.6; mnist-net_256x2, 784 inputs: engine exact in 24 s, splitting
/// [13.1, 57.0]; docs/benchmarks.md). A query without a time limit goes to the engine, which ends exact.</summary>
public sealed class LipschitzRoute(IMipSolver solver, InputSplittingOptions? splitting = null)
{
    public const int SplitInputLimit = 6;

    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        query = query.AtResolution();
        return Splits(query)
            ? new InputSplittingLipschitz(solver, splitting).Solve(query, oracle, progress, cancellation)
            : new LipschitzEngine(solver).Solve(query, oracle, progress, cancellation);
    }

    public bool Splits(LipschitzQuery query)
    {
        int free = query.FixedInputs.Count(f => !f);
        if (free == 0 || !double.IsFinite(query.TimeLimitSeconds)) return false;  // L = 0 at once; or no limit to split
        if (free <= SplitInputLimit) return true;
        var bounds = Bounds.BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        return EnumeratedPatterns.Affordable(query.Network, (bounds.TotalUnstable + 1) / 2,
            (splitting ?? new InputSplittingOptions()).EnumerationWorkLimit);
    }
}
