using System.Diagnostics;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>How <see cref="InputSplittingLipschitz"/> spends its time.</summary>
public sealed record InputSplittingOptions
{
    /// <summary>A box's engine time slice: this fraction of the time left, at least <see cref="MinimumSliceSeconds"/>.</summary>
    public double SliceFraction { get; init; } = 0.04;
    public double MinimumSliceSeconds { get; init; } = 0.5;
    /// <summary>Boxes shallower than this are split without being solved (tests use it to force splitting).</summary>
    public int SplitWithoutSolvingBelowDepth { get; init; }
    /// <summary>A box this deep is never split again: its bounds are final.</summary>
    public int MaximumDepth { get; init; } = 60;
    /// <summary>Boxes with more unstable ReLUs than this get no MIP, only interval bounds, and are split.
    /// The limit adapts: it grows past boxes the MIP closes within their slice and shrinks below those it
    /// does not.</summary>
    public double InitialSolverUnstableLimit { get; init; } = 40;
}

/// <summary>Best-first input-domain branch and bound on top of <see cref="LipschitzEngine"/>.
/// Soundness: L over a box is the supremum of the generalized-Jacobian norm over it, so for any cover
/// of the box by sub-boxes L(box) = max over the sub-boxes of L(sub-box), and L(child) ≤ L(parent).
/// The upper bound is the largest certified upper bound over the current leaves (each capped by its
/// ancestors' certified bounds); the lower bound is the best confirmed witness pair found in any
/// sub-box (a pair of a sub-box is a pair of the box).</summary>
public sealed class InputSplittingLipschitz(IMipSolver solver, InputSplittingOptions? options = null)
{
    private readonly InputSplittingOptions _options = options ?? new InputSplittingOptions();

    /// <param name="root">Bounds already certified over the whole box (for example by a first plain
    /// engine run); its upper caps every box, its witness is kept unless a better one turns up.</param>
    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null, CertifiedBounds? root = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        query = query.AtResolution();
        var engine = new LipschitzEngine(solver);
        var state = new SplitState(query, root);
        var open = new PriorityQueue<SplitBox, double>();
        open.Enqueue(new SplitBox(query.Lower, query.Upper, 0, root?.Upper ?? double.PositiveInfinity, Solved: root is not null, root?.UnstableNeurons ?? 0), -state.RootUpper);
        double closedUpper = double.NegativeInfinity;  // largest upper bound over the boxes that are finished
        int solved = 0, evaluated = 0;
        double solverUnstableLimit = _options.InitialSolverUnstableLimit;
        bool timedOut = false;

        double GlobalUpper() => Math.Max(closedUpper, open.TryPeek(out var top, out _) ? top.Upper : double.NegativeInfinity);

        while (open.Count > 0)
        {
            if (state.Decided(GlobalUpper())) break;
            double remaining = query.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
            if (cancellation.IsCancellationRequested || remaining < 0.05) { timedOut = true; break; }
            var box = open.Dequeue();
            if (box.Solved || box.Depth < _options.SplitWithoutSolvingBelowDepth)
            {
                var children = box.Depth < _options.MaximumDepth ? SplitDimension.Split(query, box) : null;
                if (children is null) { closedUpper = Math.Max(closedUpper, box.Upper); continue; }
                foreach (var child in children) open.Enqueue(child, -child.Upper);
                continue;
            }
            // A MIP on a box with many unstable ReLUs only times out at about the interval bound: such
            // boxes get the engine's cheap part (interval bound, sampled witnesses) and are split.
            bool useSolver = box.Unstable <= solverUnstableLimit;
            double slice = useSolver ? Math.Min(remaining, Math.Max(_options.MinimumSliceSeconds, _options.SliceFraction * remaining)) : 0;
            var result = engine.Solve(query with { Lower = box.Low, Upper = box.High, TimeLimitSeconds = slice }, oracle, null, cancellation);
            if (useSolver)
            {
                solved++;
                solverUnstableLimit = result.TimedOut
                    ? Math.Min(solverUnstableLimit, 0.8 * box.Unstable)
                    : Math.Max(solverUnstableLimit, 1.25 * box.Unstable + 1);
            }
            else evaluated++;
            state.Absorb(result);
            double upper = Math.Min(box.Upper, result.Upper ?? double.PositiveInfinity);
            if (state.BoxFinished(upper, result)) closedUpper = Math.Max(closedUpper, upper);
            else open.Enqueue(box with { Upper = upper, Solved = true }, -upper);
            progress?.Report(new BoundsProgress(clock.Elapsed, state.Lower, Finite(GlobalUpper())));
        }

        double finalUpper = GlobalUpper();
        return new CertifiedBounds
        {
            Lower = state.Lower ?? 0,
            Upper = Finite(finalUpper),
            Witness = state.Witness,
            TimedOut = timedOut && !state.Decided(finalUpper),
            Resolution = Resolution.Floor,
            Cancelled = cancellation.IsCancellationRequested,
            Solver = solver.Version,
            SubProblems = root?.SubProblems ?? 0,
            UnstableNeurons = root?.UnstableNeurons ?? 0,
            Elapsed = clock.Elapsed + (root?.Elapsed ?? TimeSpan.Zero),
            Notes = [.. state.Notes, $"input splitting: {solved} boxes solved by the MIP, {evaluated} bounded by intervals only, {open.Count} left open"],
        };
    }

    private static double? Finite(double upper) => double.IsFinite(upper) ? upper : null;
}

/// <summary>One box [Low, High] of the cover: <see cref="Upper"/> is the smallest certified upper bound of
/// it or of an ancestor; <see cref="Solved"/> once the engine has run on it (then it is split next).</summary>
/// <see cref="Unstable"/> counts its unstable ReLUs (as the split scoring found them).
internal sealed record SplitBox(double[] Low, double[] High, int Depth, double Upper, bool Solved, int Unstable);
