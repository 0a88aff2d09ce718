using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>The Lipschitz kind's part of the search: a node is a sub-box of the domain.
/// Bound: the box's pre-activation bounds, then
/// - every ReLU stable: the box lies in one linear region, so L over it is exactly ‖J‖_{p→q} of that region's
///   Jacobian (<see cref="PatternNorm"/>); the node is final;
/// - few enough unstable ReLUs to enumerate their phases (<see cref="EnumeratedPatterns"/>): the largest pattern norm
///   whose region is not proven empty (<see cref="PatternRegion"/>), final when that region has interior;
/// - over more than <see cref="InputSplittingOptions.SolverAboveFreeInputs"/> free inputs and under an adaptive limit
///   of unstable ReLUs: the plain engine's MIP on the box for a slice of the time;
/// - otherwise: the solver-free interval bounds (<see cref="IntervalUpperBounds"/>) only, and the box is split.
/// Every box also offers the pair along its centre's maximising direction as a witness of the whole domain.
/// Split: <see cref="SplitDimension"/>.</summary>
internal sealed class LipschitzBoxDomain : ISearchDomain<SplitBox>
{
    private readonly object _gate = new();
    private readonly LipschitzQuery _query;
    private readonly InputSplittingOptions _options;
    private readonly LipschitzEngine _engine;
    private readonly LipschitzWitnesses _witnesses;
    private double _solverUnstableLimit;
    private readonly int _freeInputs;
    private int _solved, _evaluated, _exact, _enumerated, _emptyPatterns;

    public LipschitzBoxDomain(LipschitzQuery query, IMipSolver solver, IModelOracle? oracle, InputSplittingOptions options)
    {
        _query = query;
        _options = options;
        _freeInputs = query.FixedInputs.Count(f => !f);
        _nearlyEnumerable = LipschitzObjective.For(query.OutputNorm, query.SelectedOutputs.Length).Any(o => o.Squared) ? 8 : 4;
        _engine = new LipschitzEngine(solver);
        _solverUnstableLimit = options.InitialSolverUnstableLimit;
        _rootBounds = BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        CheckMagnitudes(query, _rootBounds);
        RootUnstable = _rootBounds.TotalUnstable;
        _witnesses = new LipschitzWitnesses(query, _rootBounds, oracle);
        BranchesOnActivations = options.Branching == Branching.Activations
            || options.Branching == Branching.Auto && _freeInputs > options.ActivationBranchingAboveFreeInputs;
        _splitNeuron = new SplitNeuron(query.Network);
    }

    /// <summary>The root: the query's box with its bounds.</summary>
    public SplitBox Root => new(_query.Lower, _query.Upper, RootUnstable, _rootBounds);

    /// <summary>Nodes are split by fixing an unstable ReLU's phase rather than by bisecting an input: every node is then
    /// a part of the root box (<see cref="PhaseSplit"/>).</summary>
    public bool BranchesOnActivations { get; }

    private readonly NetworkBounds _rootBounds;
    private readonly SplitNeuron _splitNeuron;

    public int RootUnstable { get; }
    public int Solved => Volatile.Read(ref _solved);
    public int Evaluated => Volatile.Read(ref _evaluated);
    public int Exact => Volatile.Read(ref _exact);
    public int Enumerated => Volatile.Read(ref _enumerated);
    public int EmptyPatterns => Volatile.Read(ref _emptyPatterns);

    /// <summary>The solver-free routes hold one of the process's cores (<see cref="InputSplittingOptions.Budget"/>) while they run, as
    /// every MIP does inside the engine, so properties checked at once share the cores instead of oversubscribing them.</summary>
    public NodeResult Bound(SplitBox box, int depth, double remainingSeconds, CancellationToken cancellation)
    {
        NodeResult? settled;
        MipCandidate? candidate;
        // Waiting counts against the search's time.
        if (_options.Budget.HoldWithin(remainingSeconds, cancellation) is not { } slot)
            return Result(double.PositiveInfinity, Final: false, []);  // the parent's bound stands
        using (slot) (settled, candidate) = BoundWithoutSolver(box, depth, cancellation);
        return settled ?? Solve(candidate!, remainingSeconds - slot.Waited.TotalSeconds, cancellation);
    }

    private sealed record MipCandidate(LipschitzQuery BoxQuery, NetworkBounds Bounds, double IntervalUpper);

    private (NodeResult? Settled, MipCandidate? Candidate) BoundWithoutSolver(SplitBox box, int depth, CancellationToken cancellation)
    {
        var boxQuery = _query with { Lower = box.Low, Upper = box.High };
        var bounds = box.Bounds ?? BoundPropagation.Compute(_query.Network, box.Low, box.High, _query.BoundMethod);
        var centre = box.Low.Select((lo, i) => lo + (box.High[i] - lo) / 2).ToArray();
        var centrePoint = StrictPoint.At(_query.Network, centre);
        _witnesses.FromPoint(centre, centrePoint.Pattern);
        if (bounds.TotalUnstable == 0)
            return (box.FixedPhases == 0 ? ExactLeaf(boxQuery, bounds, centrePoint.Pattern) : FixedLeaf(boxQuery, bounds), null);

        double intervalUpper = IntervalBound(boxQuery, bounds);
        if (_witnesses.Lower >= intervalUpper)
        {
            Interlocked.Increment(ref _evaluated);
            return (Result(intervalUpper, Final: true, []), null);
        }
        if ((depth < EnumerationDepthLimit || BranchesOnActivations) && EnumeratedPatterns.Affordable(_query.Network, bounds.TotalUnstable, _options.EnumerationWorkLimit)
            && EnumeratedPatterns.Ranked(boxQuery, bounds, cancellation) is { } ranked)
            return (ByPatterns(bounds, ranked, intervalUpper, centrePoint), null);
        bool useSolver;
        // A box a few splits away from enumerable ones is split: its MIP would take longer than their patterns.
        bool nearlyEnumerable = _options.EnumerationWorkLimit > 0
            && EnumeratedPatterns.Affordable(_query.Network, bounds.TotalUnstable - _nearlyEnumerable, _options.EnumerationWorkLimit);
        lock (_gate)
            useSolver = (_freeInputs > _options.SolverAboveFreeInputs || _options.EnumerationWorkLimit <= 0) && bounds.TotalUnstable <= _solverUnstableLimit && !nearlyEnumerable
                        || depth >= EnumerationDepthLimit && !BranchesOnActivations;
        if (useSolver) return (null, new MipCandidate(boxQuery, bounds, intervalUpper));
        Interlocked.Increment(ref _evaluated);
        return (Result(intervalUpper, Final: false, []), null);
    }

    /// <summary>A MIP on a box with many unstable ReLUs only times out at about the interval bound: only boxes under
    /// the limit get one, and the limit adapts to the boxes the MIP closes within their slice.</summary>
    private NodeResult Solve(MipCandidate candidate, double remainingSeconds, CancellationToken cancellation)
    {
        var (boxQuery, bounds, intervalUpper) = candidate;
        double slice = Math.Min(remainingSeconds, Math.Max(_options.MinimumSliceSeconds, _options.SliceFraction * remainingSeconds));
        var result = _engine.Solve(boxQuery with { TimeLimitSeconds = slice, Samples = BoxSamples }, _witnesses.Oracle, null, cancellation, bounds);
        Interlocked.Increment(ref _solved);
        lock (_gate)
            _solverUnstableLimit = result.TimedOut
                ? Math.Min(_solverUnstableLimit, 0.8 * bounds.TotalUnstable)
                : Math.Max(_solverUnstableLimit, 1.25 * bounds.TotalUnstable + 1);
        if (result.Witness is not null) _witnesses.Offer(result.Witness.X, result.Witness.Y);
        return Result(Math.Min(intervalUpper, result.Upper ?? double.PositiveInfinity), Final: !result.TimedOut && !result.Cancelled, result.Notes);
    }

    /// <summary>Split scoring propagates bounds for several candidate dimensions: it holds a core too.</summary>
    public IReadOnlyList<SplitBox>? Split(SplitBox box, int depth)
    {
        using var slot = _options.Budget.Hold(CancellationToken.None);
        return BranchesOnActivations
            ? _splitNeuron.Split(box, box.Bounds!)  // the root and every phase-split part carry their bounds
            : SplitDimension.Split(_query, box);
    }

    /// <summary>Random points the engine samples in a box: the search's own centre witnesses do most of that work.</summary>
    private const int BoxSamples = 8;

    /// <summary>One linear region: the Jacobian's norm.</summary>
    private NodeResult ExactLeaf(LipschitzQuery boxQuery, NetworkBounds bounds, ActivationPattern pattern)
    {
        Interlocked.Increment(ref _exact);
        var norm = PatternNorm.Compute(_query.Network.Jacobian(pattern), _query.SelectedOutputs, _query.FixedInputs, _query.InputNorm, _query.OutputNorm);
        if (norm is null) return Result(IntervalBound(boxQuery, bounds), Final: false, []);
        return Result(Inflate(norm.Value), Final: true, []);
    }

    /// <summary>Every ReLU's phase fixed by branching: one pattern, whose region within the box the LP decides. Empty, the
    /// node holds no point (L over it is 0); with interior, its norm is attained; undecided, its norm still bounds the node.</summary>
    private NodeResult FixedLeaf(LipschitzQuery boxQuery, NetworkBounds bounds)
    {
        var pattern = PhaseSplit.StablePattern(bounds);
        var region = PatternRegion.Classify(bounds, pattern, LocalAffineMap.Of(_query.Network, pattern), InteriorSeconds);
        if (region.Kind == RegionKind.Empty)
        {
            Interlocked.Increment(ref _emptyPatterns);
            return Result(0, Final: true, []);
        }
        if (region.Point is { } point) _witnesses.FromPoint(point, pattern);
        return ExactLeaf(boxQuery, bounds, pattern);
    }

    /// <summary>The patterns from the largest norm down: one proven empty (<see cref="PatternRegion"/>) is dropped, and
    /// the first one not proven empty bounds the box. That bound is exact, and the box final, when its region meets the
    /// box with interior (the centre strictly inside it, else the LP's point): a pair inside that region attains it.</summary>
    private NodeResult ByPatterns(NetworkBounds bounds, EnumeratedPatterns.Ranking ranked,
        double intervalUpper, StrictPoint centre)
    {
        Interlocked.Increment(ref _enumerated);
        int k = 0;
        double? largest = null;
        foreach (var (value, mask) in ranked.Descending())
        {
            largest ??= value;
            var pattern = ranked.Walk.Pattern(mask);
            double upper = Math.Min(intervalUpper, Inflate(value));
            if (_witnesses.Lower >= upper || centre.Strict && centre.Has(pattern)) return Result(upper, Final: true, []);
            if (k++ == RegionChecksPerBox) return Result(upper, Final: false, []);
            var region = PatternRegion.Classify(bounds, pattern, LocalAffineMap.Of(_query.Network, pattern), InteriorSeconds);
            if (region.Kind == RegionKind.Empty)
            {
                Interlocked.Increment(ref _emptyPatterns);
                continue;
            }
            if (region.Point is { } point) _witnesses.FromPoint(point, pattern);
            return Result(upper, Final: region.Kind == RegionKind.Interior, []);
        }
        // Every pattern proven empty cannot happen in a box with interior; keep the enumeration's bound, unsettled.
        return Result(Math.Min(intervalUpper, Inflate(largest ?? double.PositiveInfinity)), Final: false, []);
    }

    /// <summary>Unstable ReLUs above the enumerable count at which a box is still split rather than solved: 4, and 8 for a
    /// squared objective, whose MIQCQP is slower (SDnet_10_30_30_30_3 on [0, 0.1]^10, 21 unstable ReLUs: with 8, (2, 2) took
    /// 4.6 s instead of 9.7 s, while l1 and l_inf took 3.0-3.2 s instead of 1.0-1.4 s).</summary>
    private readonly int _nearlyEnumerable;

    /// <summary>Region LPs one box may spend walking down its patterns (each takes well under a millisecond).</summary>
    private const int RegionChecksPerBox = 256;

    private const double InteriorSeconds = 2;

    /// <summary>Deeper than this a box whose patterns still did not settle it holds a pattern feasible only on a
    /// thin set (ReLU boundaries meeting inside it): splitting will not exclude it, the MIP does.</summary>
    private const int EnumerationDepthLimit = 30;

    /// <summary>A pattern norm inflated for float64 rounding of the Jacobian and the norm (relative errors of
    /// order 1e-14 on networks of this depth; 1e-9 is generous).</summary>
    private static double Inflate(double norm) => norm * (1 + 1e-9) + 1e-12;

    /// <summary>The plain engine's limits hold for the whole search (every box's bounds lie within the root's):
    /// a box's MIP would be built on them, and a property is refused the same way whichever route bounds it.</summary>
    private static void CheckMagnitudes(LipschitzQuery query, NetworkBounds rootBounds)
    {
        MagnitudeGuard.CheckPreActivation(rootBounds, query.BigMLimit);
        var forwardJacobians = IntervalUpperBounds.ForwardJacobians(query, rootBounds);
        var tangents = TangentBounds.Compute(rootBounds, query.InputNorm, query.FixedInputs, query.TangentJacobians ? forwardJacobians : null);
        MagnitudeGuard.CheckTangents(rootBounds, tangents, query.TangentLimit);
    }

    private static double IntervalBound(LipschitzQuery boxQuery, NetworkBounds bounds)
    {
        var forwardJacobians = IntervalUpperBounds.ForwardJacobians(boxQuery, bounds);
        var tangentBounds = TangentBounds.Compute(bounds, boxQuery.InputNorm, boxQuery.FixedInputs, boxQuery.TangentJacobians ? forwardJacobians : null);
        double upper = IntervalUpperBounds.Best(boxQuery, bounds, tangentBounds, forwardJacobians);
        return upper * (1 + 1e-12) + 1e-15;
    }

    private NodeResult Result(double upper, bool Final, IReadOnlyList<string> notes) =>
        new(upper, _witnesses.Best is null ? null : _witnesses.Lower, _witnesses.Best, Final, [.. notes, .. _witnesses.Notes]);
}
