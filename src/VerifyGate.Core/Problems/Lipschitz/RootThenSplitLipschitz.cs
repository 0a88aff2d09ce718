using System.Diagnostics;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>The plain engine on the whole box with a share of the time limit; only if that runs out of
/// time undecided, input splitting with the rest, starting from the whole box's bounds. Problems the
/// engine finishes within its share (and any query without a time limit) get exactly the engine's answer.
/// A squared objective (q = 2 with several outputs: the MIQCQP) gets the whole limit on the root and is never
/// split: its proven bound keeps improving with time while sub-box MIQCQPs do not catch up, so splitting left
/// it looser than the plain engine (SDnet_10_30_30_30_3, (2, 2), 120 s: plain engine [19.46, 21.31],
/// root-then-split [18.12, 102.9]; docs/benchmarks.md).</summary>
public sealed class RootThenSplitLipschitz(IMipSolver solver, double rootShare = 0.25, double minimumRootSeconds = 5,
    InputSplittingOptions? splitting = null)
{
    /// <summary>Less time than this left after the root is not worth splitting for.</summary>
    private const double MinimumSplitSeconds = 0.5;

    /// <summary>A squared objective is split only over this few free inputs: over more, input splitting's boxes
    /// multiply faster than the MIQCQP's bound improves (SDnet_10_30_30_30_3, 10 inputs, (2, 2), 120 s: plain engine
    /// [18.41, 21.35], root then split [19.46, 30.0]), while over four it closes what the root cannot (cartpole,
    /// (2, 2), 60 s: plain engine [11.91, 24.25], root then split exact in 33.5 s; docs/benchmarks.md).</summary>
    public const int SquaredSplitInputLimit = 8;

    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        query = query.AtResolution();
        double total = query.TimeLimitSeconds;
        if (EnumerableAtRoot(query) && double.IsFinite(total))
            return new InputSplittingLipschitz(solver, splitting).Solve(query, oracle, null, progress, cancellation);
        bool squared = LipschitzObjective.For(query.OutputNorm, query.SelectedOutputs.Length).Any(o => o.Squared);
        bool wholeLimitOnRoot = squared && query.FixedInputs.Count(f => !f) > SquaredSplitInputLimit;
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
        return EnumeratedPatterns.Affordable(query.Network, bounds.TotalUnstable, (splitting ?? new InputSplittingOptions()).EnumerationWorkLimit);
    }
}
