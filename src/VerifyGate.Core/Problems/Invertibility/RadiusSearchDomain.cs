using VerifyGate.Core.Bounds;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>The radius kinds' part of the shared search (<see cref="BranchAndBound{TNode}"/>), which maximises
/// v = −t for the radius t = max(‖x − c‖_p, ‖y − c‖_p) of a feasible pair (f(x) = f(y), ‖x − y‖_inf ≥ δ).
/// Bound of a node, cheapest first; each proves the node holds no feasible pair (bound −∞) or bounds t from below:
/// 1. t ≥ the p-distance from c to each box; a node beyond maxRadius holds nothing that counts (the result is capped
///    at maxRadius), one beyond the best pair nothing better;
/// 2. the boxes are less than δ apart in every coordinate: no separated pair;
/// 3. some coupled output's interval over one box misses its interval over the other (or f(c));
/// 4. the boxes lie in one box on which f is one-to-one (<see cref="BoxInjectivity"/>): f(x) = f(y) forces x = y;
/// 5. (invertibility-radius) the difference bounds under f(x) = f(y) (<see cref="DifferenceBounds"/>, LP-tightened) keep
///    every |x_i − y_i| below δ: no separated pair;
/// 6. few unstable ReLUs in the node: the MIP over the node's boxes (<see cref="RadiusModel"/>), exact and final when
///    it finishes, its proven bound otherwise.
/// Split: <see cref="BoxPair.Split"/> (the widest free coordinate; a symmetric node into (A, A), (A, B), (B, B)).
/// Witnesses: the MIP's pairs, accepted by <see cref="PairWitnesses"/> (float64 and ONNX Runtime).</summary>
internal sealed class RadiusSearchDomain : ISearchDomain<BoxPair>
{
    private readonly TwoCopyQuery _query;
    private readonly IMipSolver _solver;
    private readonly PairWitnesses _witnesses;
    private readonly SolverMessageLog _messages;
    private readonly double[] _center, _centerOutput;
    private readonly int[] _free, _outputs;
    private readonly bool _pair;
    private readonly object _gate = new();
    private double _solverUnstableLimit = InitialSolverUnstableLimit;
    private int _solved, _injective, _byDifferences;
    private long _solverTicks;

    public RadiusSearchDomain(TwoCopyQuery query, IMipSolver solver, PairWitnesses witnesses, SolverMessageLog messages)
    {
        _query = query;
        _solver = solver;
        _witnesses = witnesses;
        _messages = messages;
        _center = query.Center!;
        _centerOutput = query.Network.Evaluate(_center);
        _free = Enumerable.Range(0, _center.Length).Where(i => !query.FixedInputs[i]).ToArray();
        _outputs = query.SelectedOutputs;
        _pair = query.Kind == TwoCopyKind.InvertibilityRadius;
    }

    public BoxPair Root => _pair
        ? new BoxPair(_query.Lower, _query.Upper, _query.Lower, _query.Upper)
        : new BoxPair(_query.Lower, _query.Upper, null, null);

    public int Solved => Volatile.Read(ref _solved);
    public int Injective => Volatile.Read(ref _injective);
    public int ByDifferences => Volatile.Read(ref _byDifferences);
    public TimeSpan SolverTime => TimeSpan.FromTicks(Interlocked.Read(ref _solverTicks));

    /// <summary>Unstable ReLUs (both copies) under which a node's MIP is tried first; it grows with the MIPs that finish
    /// and shrinks with those that time out. Measured on the Brusselator invertibility radii (l_inf, quiet machine):
    /// 12 with adaptation 6.8 s and 17.5 s; a fixed 6: 17.1 s and 15.9 s; a fixed 12: 10.1 s and 15.8 s; a fixed 24: 7.7 s and 15.4 s.</summary>
    private const double InitialSolverUnstableLimit = 12;

    /// <summary>The solver-free part holds one of the process's cores (<see cref="CoreBudget"/>), released before the
    /// node's MIP, whose solver takes its own (as in the other kinds' domains), so properties checked at once share the cores.</summary>
    public NodeResult Bound(BoxPair node, int depth, double remainingSeconds, CancellationToken cancellation)
    {
        if (CoreBudget.Shared.HoldWithin(remainingSeconds, cancellation) is not { } slot)
            return Result(double.PositiveInfinity, final: false);   // the parent's bound stands
        NodeResult? settled;
        Func<NodeResult>? solve;
        using (slot) (settled, solve) = BoundWithoutSolver(node, remainingSeconds, cancellation);
        return settled ?? solve!();
    }

    private (NodeResult? Settled, Func<NodeResult>? Solve) BoundWithoutSolver(BoxPair node, double remainingSeconds, CancellationToken cancellation)
    {
        double reach = Math.Max(Distance(node.XLow, node.XHigh), _pair ? Distance(node.YLow!, node.YHigh!) : 0);
        double best = _witnesses.BestValue ?? double.PositiveInfinity;
        if (reach > _query.MaxRadius) return (Nothing(), null);
        if (reach > best) return (Result(-reach, final: true), null);   // no pair here beats the best one
        var directions = Directions(node);
        if (directions.Count == 0) return (Nothing(), null);
        var xBounds = BoundPropagation.Compute(_query.Network, node.XLow, node.XHigh, BoundMethod.Symbolic);
        var yBounds = _pair ? BoundPropagation.Compute(_query.Network, node.YLow!, node.YHigh!, BoundMethod.Symbolic) : null;
        if (BoxPair.OutputsApart(xBounds, yBounds, _centerOutput, _outputs, _query.OutputNorm, 0)) return (Nothing(), null);
        if (OneToOneOnHull(node, xBounds))
        {
            Interlocked.Increment(ref _injective);
            return (Nothing(), null);
        }
        DifferenceBounds? difference = null;
        if (_pair && _query.DifferenceRows)
        {
            difference = RadiusModel.Differences(_query, xBounds, yBounds!);
            if (TooClose(difference))
            {
                Interlocked.Increment(ref _byDifferences);
                return (Nothing(), null);
            }
        }
        int unstable = xBounds.TotalUnstable + (yBounds?.TotalUnstable ?? 0);
        bool useSolver;
        lock (_gate) useSolver = unstable <= _solverUnstableLimit;
        return useSolver
            ? (null, () => Solve(node, xBounds, yBounds, difference, directions, reach, best, remainingSeconds, cancellation))
            : (Result(-reach, final: false), null);
    }

    public IReadOnlyList<BoxPair>? Split(BoxPair node, int depth) => node.Split(_free, symmetricQuantity: _query.SymmetryBreaking);

    /// <summary>Under f(x) = f(y) every |x_i − y_i| the difference bounds allow is below δ: no separated pair.</summary>
    private bool TooClose(DifferenceBounds difference) =>
        _free.All(i => Math.Max(Math.Abs(difference.Lower(0, i)), Math.Abs(difference.Upper(0, i))) < _query.Separation * (1 - PairWitnesses.SeparationSlack));

    private NodeResult Solve(BoxPair node, NetworkBounds xBounds, NetworkBounds? yBounds, DifferenceBounds? difference, IReadOnlyList<SeparationDirection> directions,
        double reach, double best, double remainingSeconds, CancellationToken cancellation)
    {
        double cap = Math.Min(_query.MaxRadius, best);
        var built = RadiusModel.Build(_query, xBounds, yBounds, directions, reach, cap, feasibilityOnly: false, difference);
        double slice = Math.Min(remainingSeconds, Math.Max(MinimumSliceSeconds, SliceFraction * remainingSeconds));
        var options = new SolveOptions
        {
            TimeLimitSeconds = slice,
            RelativeGap = _query.RelativeGap,
            AbsoluteGap = 1e-9,
            ExtraScipParameters = ScipWorkarounds.ForFreeInputs(_free.Length),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (result, margin, messages) = NumericsRetry.Run(_solver, built.Model, options, "radius node", cancellation);
        Interlocked.Add(ref _solverTicks, clock.Elapsed.Ticks);
        _messages.Add(messages);
        Interlocked.Increment(ref _solved);
        if (result.Values is not null)
        {
            var (x, y) = built.Built.PairAt(result.Values);
            _witnesses.Offer(x, y);
        }
        bool finished = result.Status is SolveStatus.Optimal or SolveStatus.Infeasible;
        int unstable = xBounds.TotalUnstable + (yBounds?.TotalUnstable ?? 0);
        lock (_gate)
            _solverUnstableLimit = finished
                ? Math.Max(_solverUnstableLimit, 1.25 * unstable + 1)
                : Math.Min(_solverUnstableLimit, 0.8 * unstable);
        if (result.Status == SolveStatus.Infeasible)
        {
            // No feasible pair with t ≤ cap: nothing beyond maxRadius counts, and beyond the best pair nothing is better.
            return cap >= _query.MaxRadius ? Nothing() : Result(-cap, final: true);
        }
        double proven = double.IsFinite(result.BestBound)
            ? Deflate(built.Ball.RadiusOf(result.BestBound - margin * Math.Abs(result.BestBound)))
            : double.NegativeInfinity;
        return Result(-Math.Max(reach, Math.Min(proven, cap)), final: finished && !cancellation.IsCancellationRequested);
    }

    /// <summary>A MIP gets this share of the remaining time, and at least <see cref="MinimumSliceSeconds"/>.</summary>
    private const double SliceFraction = 0.1;
    private const double MinimumSliceSeconds = 0.5;

    /// <summary>The directions s(x_i − y_i) ≥ δ some pair of the node can meet; in a symmetric node only s = +1 (swap x, y).</summary>
    private List<SeparationDirection> Directions(BoxPair node)
    {
        var result = new List<SeparationDirection>();
        bool symmetric = node.Symmetric && _query.SymmetryBreaking;
        foreach (int i in _free)
        {
            double yLow = node.YLow?[i] ?? _center[i], yHigh = node.YHigh?[i] ?? _center[i];
            if (node.XHigh[i] - yLow >= _query.Separation) result.Add(new SeparationDirection(i, 1));
            if (!symmetric && yHigh - node.XLow[i] >= _query.Separation) result.Add(new SeparationDirection(i, -1));
        }
        return result;
    }

    /// <summary>The smallest box holding both boxes (or the box and c) is one on which f is one-to-one. When that box is
    /// x's own (a symmetric node, or c inside x's box) its bounds are the ones already propagated.</summary>
    private bool OneToOneOnHull(BoxPair node, NetworkBounds xBounds) =>
        BoxInjectivity.Proves(node.HullBounds(xBounds, _center), _outputs, _query.FixedInputs);

    /// <summary>min over the box of ‖x − c‖_p: c clamped into the box.</summary>
    private double Distance(double[] low, double[] high) =>
        VectorNorm.Norm(_free.Select(i => Math.Max(0, Math.Max(low[i] - _center[i], _center[i] - high[i]))).ToArray(), _query.InputNorm);

    private static double Deflate(double value) =>
        double.IsFinite(value) ? value - RadiusEngine.SafetyRelative * Math.Abs(value) - RadiusEngine.SafetyAbsolute : value;

    /// <summary>The node holds no feasible pair that could count.</summary>
    private NodeResult Nothing() => Result(double.NegativeInfinity, final: true);

    private NodeResult Result(double upper, bool final) =>
        new(upper, _witnesses.BestValue is double t ? -t : null, _witnesses.Best, final, []);
}
