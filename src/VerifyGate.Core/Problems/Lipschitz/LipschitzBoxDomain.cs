using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>The Lipschitz kind's part of the search: a node is a sub-box, bounded by the plain engine on it
/// (a MIP slice, or only the engine's interval bound and sampled witnesses when the box has too many unstable
/// ReLUs for a MIP to pay), split by <see cref="SplitDimension"/>. A box is final once the engine finished on it.</summary>
internal sealed class LipschitzBoxDomain(LipschitzQuery query, IMipSolver solver, IModelOracle? oracle, InputSplittingOptions options)
    : ISearchDomain<SplitBox>
{
    private readonly object _gate = new();
    private readonly LipschitzEngine _engine = new(solver);
    private double _solverUnstableLimit = options.InitialSolverUnstableLimit;
    private int _solved, _evaluated;

    public int Solved => Volatile.Read(ref _solved);
    public int Evaluated => Volatile.Read(ref _evaluated);

    public NodeResult Bound(SplitBox box, int depth, double remainingSeconds, CancellationToken cancellation)
    {
        // A MIP on a box with many unstable ReLUs only times out at about the interval bound: such
        // boxes get the engine's cheap part (interval bound, sampled witnesses) and are split.
        bool useSolver;
        lock (_gate) useSolver = box.Unstable <= _solverUnstableLimit;
        double slice = useSolver ? Math.Min(remainingSeconds, Math.Max(options.MinimumSliceSeconds, options.SliceFraction * remainingSeconds)) : 0;
        var result = _engine.Solve(query with { Lower = box.Low, Upper = box.High, TimeLimitSeconds = slice }, oracle, null, cancellation);
        if (useSolver)
        {
            Interlocked.Increment(ref _solved);
            lock (_gate)
                _solverUnstableLimit = result.TimedOut
                    ? Math.Min(_solverUnstableLimit, 0.8 * box.Unstable)
                    : Math.Max(_solverUnstableLimit, 1.25 * box.Unstable + 1);
        }
        else Interlocked.Increment(ref _evaluated);
        return new NodeResult(result.Upper ?? double.PositiveInfinity, result.Witness is null ? null : result.Lower, result.Witness,
            Final: !result.TimedOut && !result.Cancelled, result.Notes);
    }

    public IReadOnlyList<SplitBox>? Split(SplitBox box, int depth) => SplitDimension.Split(query, box);
}
