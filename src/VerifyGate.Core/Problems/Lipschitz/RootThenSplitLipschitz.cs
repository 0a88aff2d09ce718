using System.Diagnostics;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>The plain engine on the whole box with a share of the time limit; only if that runs out of
/// time undecided, input splitting with the rest, starting from the whole box's bounds. Problems the
/// engine finishes within its share (and any query without a time limit) get exactly the engine's answer.
/// Over more than <see cref="SplitInputLimit"/> free inputs the engine gets the whole limit and nothing is split;
/// a root with few enough unstable ReLUs to enumerate goes to the search at once (it settles such roots in milliseconds).</summary>
public sealed class RootThenSplitLipschitz(IMipSolver solver, double rootShare = 0.25, double minimumRootSeconds = 5,
    InputSplittingOptions? splitting = null)
{
    /// <summary>Less time than this left after the root is not worth splitting for.</summary>
    private const double MinimumSplitSeconds = 0.5;

    /// <summary>Input splitting pays only over this few free inputs; over more, the plain engine keeps the whole
    /// limit (its boxes multiply faster than their bounds improve). Measured with 60-120 s limits (docs/benchmarks.md,
    /// "scale"): over 4-5 inputs splitting closes what the engine cannot (cartpole (2, 2): engine [11.91, 24.25],
    /// split exact; ACAS Xu l_inf: engine upper 1.2e6, split 5.96), over 8 it is mixed (lunarlander l_inf: engine
    /// upper 122.7, split 130.6; (2, 2): 119.5 against 112.7), over 10 and more it loses (SDnet_10_30_30_30_3 (2, 2):
    /// 21.3 against 30.0; mnist-net_256x2 l_inf: engine exact 13.88 in 24 s, split [13.12, 57.0] in 60 s).</summary>
    public const int SplitInputLimit = 6;

    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        query = query.AtResolution();
        double total = query.TimeLimitSeconds;
        if (EnumerableAtRoot(query) && double.IsFinite(total))
            return new InputSplittingLipschitz(solver, splitting).Solve(query, oracle, null, progress, cancellation);
        bool wholeLimitOnRoot = query.FixedInputs.Count(f => !f) > SplitInputLimit;
        double rootLimit = wholeLimitOnRoot ? total : Math.Min(total, Math.Max(rootShare * total, minimumRootSeconds));
        var root = new LipschitzEngine(solver).Solve(query with { TimeLimitSeconds = rootLimit }, oracle, progress, cancellation);
        double remaining = total - clock.Elapsed.TotalSeconds;
        if (!root.TimedOut || cancellation.IsCancellationRequested || remaining < MinimumSplitSeconds) return root;
        return new InputSplittingLipschitz(solver, splitting)
            .Solve(query with { TimeLimitSeconds = remaining }, oracle, root, progress, cancellation);
    }

    /// <summary>Few enough unstable ReLUs on the whole box to enumerate their phases: the search bounds the root
    /// that way in milliseconds, where a MIP would first have to be built.</summary>
    private bool EnumerableAtRoot(LipschitzQuery query)
    {
        if (query.FixedInputs.All(f => f)) return false;  // the engine answers L = 0 at once
        var bounds = Bounds.BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        return EnumeratedPatterns.Affordable(query.Network, bounds.TotalUnstable, EnumeratedPatterns.RootWorkFactor * (splitting ?? new InputSplittingOptions()).EnumerationWorkLimit);
    }
}
