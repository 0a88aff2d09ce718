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

    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        query = query.AtResolution();
        double total = query.TimeLimitSeconds;
        bool squared = LipschitzObjective.For(query.OutputNorm, query.SelectedOutputs.Length).Any(o => o.Squared);
        double rootLimit = squared ? total : Math.Min(total, Math.Max(rootShare * total, minimumRootSeconds));
        var root = new LipschitzEngine(solver).Solve(query with { TimeLimitSeconds = rootLimit }, oracle, progress, cancellation);
        double remaining = total - clock.Elapsed.TotalSeconds;
        if (!root.TimedOut || cancellation.IsCancellationRequested || remaining < MinimumSplitSeconds) return root;
        return new InputSplittingLipschitz(solver, splitting)
            .Solve(query with { TimeLimitSeconds = remaining }, oracle, root, progress, cancellation);
    }
}
