using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>A node of the invertibility search: a pair of boxes and, below the root, the sub-problem of the norm it
/// maximises (<see cref="LipschitzObjective.For"/>: x_i − y_i for l_inf, a sign vector for l1, the squares for l2).</summary>
internal sealed record InvertibilityNode(BoxPair Boxes, int? Objective);

/// <summary>The invertibility kind's part of the shared search (<see cref="BranchAndBound{TNode}"/>): D = max ‖x − y‖_p
/// over pairs of the box with ‖f(x) − f(y)‖_q ≤ η, a node being a pair of boxes (x in one, y in the other).
/// Bound of a node, cheapest first; each is a certified upper bound on ‖x − y‖_p over the node's feasible pairs
/// (−∞ when it has none):
/// 1. the largest p-distance between the two boxes; a node no farther than the best pair cannot improve on it;
/// 2. some coupled output's intervals over the two boxes are more than η apart: no feasible pair;
/// 3. f is one-to-one on the boxes' hull (<see cref="BoxInjectivity"/>) with ‖x − y‖_inf ≤ κ ‖f(x) − f(y)‖_inf there:
///    with η = 0 only x = y is feasible (value 0, or no pair when the boxes are disjoint), otherwise D ≤ κη (in l_inf);
/// 4. the difference bounds over the node with the coupling (<see cref="DifferenceBounds"/>, LP-tightened): D ≤ the
///    p-norm of the largest |x_i − y_i| they allow;
/// 5. the two-copy MIP over the node's boxes with the node's sub-problem as objective and the node's difference rows,
///    at the first level (the sub-problems over the whole box, on a slice of the time) and wherever few ReLUs are
///    unstable; exact and final when it finishes.
/// Split: the root into the sub-problems (one MIP objective each: a linear objective is far easier for SCIP than the
/// whole norm's selection binaries: measured on a monotone 4-10-4 map, 0.4 s against no closure in 20 s); then
/// <see cref="BoxPair.Split"/> with all four pairs of halves, since a signed sub-problem is not symmetric in x and y.
/// Witnesses: the MIPs' pairs, accepted by <see cref="PairWitnesses"/>.</summary>
internal sealed class InvertibilitySearchDomain : ISearchDomain<InvertibilityNode>
{
    private readonly TwoCopyQuery _query;
    private readonly IMipSolver _solver;
    private readonly PairWitnesses _witnesses;
    private readonly SolverMessageLog _messages;
    private readonly int[] _free, _outputs;
    private readonly double _resolution;
    private readonly object _gate = new();
    private double _solverUnstableLimit = InitialSolverUnstableLimit;
    private int _solved, _injective, _byDifferences;
    private long _solverTicks;

    public InvertibilitySearchDomain(TwoCopyQuery query, IMipSolver solver, PairWitnesses witnesses, SolverMessageLog messages, double resolution)
    {
        _query = query;
        _solver = solver;
        _witnesses = witnesses;
        _messages = messages;
        _resolution = resolution;
        _free = Enumerable.Range(0, query.Lower.Length).Where(i => !query.FixedInputs[i]).ToArray();
        _outputs = query.SelectedOutputs;
        _objectives = Objectives(query, _free.Length);
    }

    private readonly IReadOnlyList<LipschitzObjective> _objectives;

    public InvertibilityNode Root => new(new BoxPair(_query.Lower, _query.Upper, _query.Lower, _query.Upper), null);

    public int Solved => Volatile.Read(ref _solved);
    public int Injective => Volatile.Read(ref _injective);
    public int ByDifferences => Volatile.Read(ref _byDifferences);
    public TimeSpan SolverTime => TimeSpan.FromTicks(Interlocked.Read(ref _solverTicks));

    /// <summary>As in <see cref="RadiusSearchDomain"/>: unstable ReLUs of both copies under which a node's MIP is tried,
    /// adapted to the MIPs that finish or time out.</summary>
    private const double InitialSolverUnstableLimit = 12;

    /// <summary>A MIP gets this share of the remaining time, and at least <see cref="MinimumSliceSeconds"/>.</summary>
    private const double SliceFraction = 0.1;
    private const double MinimumSliceSeconds = 0.5;

    /// <summary>The sub-problems over the whole box may take half the remaining time each (the per-objective MIPs alone
    /// take all of it), so splitting only begins where they do not finish.</summary>
    private const double FirstLevelSliceFraction = 0.5;

    public IReadOnlyList<InvertibilityNode>? Split(InvertibilityNode node, int depth) =>
        node.Objective is null
            ? Enumerable.Range(0, _objectives.Count).Select(k => node with { Objective = k }).ToList()
            : node.Boxes.Split(_free, symmetricQuantity: false)?.Select(b => node with { Boxes = b }).ToList();

    public NodeResult Bound(InvertibilityNode node, int depth, double remainingSeconds, CancellationToken cancellation)
    {
        if (CoreBudget.Shared.HoldWithin(remainingSeconds, cancellation) is not { } slot)
            return Result(double.PositiveInfinity, final: false);
        NodeResult? settled;
        Func<NodeResult>? solve;
        using (slot) (settled, solve) = BoundWithoutSolver(node.Boxes, node.Objective, depth, remainingSeconds);
        return settled ?? solve!();
    }

    private (NodeResult? Settled, Func<NodeResult>? Solve) BoundWithoutSolver(BoxPair node, int? objective, int depth, double remainingSeconds)
    {
        double best = _witnesses.BestValue ?? 0;
        double upper = Reach(node);
        if (upper <= best + _resolution) return (Result(upper, final: true), null);
        var xBounds = BoundPropagation.Compute(_query.Network, node.XLow, node.XHigh, BoundMethod.Symbolic);
        var yBounds = node.Symmetric ? xBounds : BoundPropagation.Compute(_query.Network, node.YLow!, node.YHigh!, BoundMethod.Symbolic);
        if (BoxPair.OutputsApart(xBounds, yBounds, null, _outputs, _query.OutputNorm, _query.OutputTolerance)) return (Nothing(), null);
        if (InverseBound(node, xBounds) is double kappa)
        {
            Interlocked.Increment(ref _injective);
            if (_query.OutputTolerance == 0) return (Overlap(node) ? Result(0, final: true) : Nothing(), null);
            upper = Math.Min(upper, kappa * _query.OutputTolerance * InfToP(_free.Length));
        }
        DifferenceBounds? difference = null;
        if (_query.DifferenceRows)
        {
            difference = DifferenceBounds.Compute(xBounds, yBounds, _outputs, _query.OutputTolerance, _query.DifferenceLpRounds,
                Math.Min(DifferenceBudgetSeconds, remainingSeconds));
            double cap = VectorNorm.Norm(_free.Select(i => Math.Max(Math.Abs(difference.Lower(0, i)), Math.Abs(difference.Upper(0, i)))).ToArray(), _query.InputNorm);
            if (cap * (1 + 1e-12) + 1e-15 < upper)
            {
                upper = cap * (1 + 1e-12) + 1e-15;
                if (upper <= best + _resolution) Interlocked.Increment(ref _byDifferences);
            }
        }
        if (upper <= best + _resolution) return (Result(upper, final: true), null);
        int unstable = xBounds.TotalUnstable + yBounds.TotalUnstable;
        bool useSolver;
        if (_query.SearchSolverUnstableLimit is double fixedLimit) useSolver = objective is not null && unstable <= fixedLimit;
        else lock (_gate) useSolver = objective is not null && (depth == 1 || unstable <= _solverUnstableLimit);
        return useSolver
            ? (null, () => Solve(_objectives[objective!.Value], xBounds, yBounds, difference, upper, unstable,
                remainingSeconds, depth == 1 ? FirstLevelSliceFraction : SliceFraction))
            : (Result(upper, final: false), null);
    }

    private const double DifferenceBudgetSeconds = 1;

    private NodeResult Solve(LipschitzObjective objective, NetworkBounds xBounds, NetworkBounds yBounds, DifferenceBounds? difference, double upper, int unstable,
        double remainingSeconds, double sliceFraction)
    {
        var model = new MipModel();
        var gx = new ForwardEncoding(model, xBounds, "x_");
        var gy = new ForwardEncoding(model, yBounds, "y_");
        PairCoupling.AtMost(model, _outputs.Select(o => gx.Outputs[o]).ToArray(), _outputs.Select(o => gy.Outputs[o]).ToArray(),
            _query.OutputNorm, _query.OutputTolerance);
        if (difference is not null) DifferenceRows.Add(model, gx, gy, difference);
        objective.Apply(model, _free.Select(i => PairCoupling.Difference(model, gx.Inputs[i], gy.Inputs[i])).ToArray());
        double slice = Math.Min(remainingSeconds, Math.Max(MinimumSliceSeconds, sliceFraction * remainingSeconds));
        var options = new SolveOptions
        {
            TimeLimitSeconds = slice,
            RelativeGap = _query.RelativeGap,
            AbsoluteGap = Math.Max(1e-9, objective.ToObjective(_resolution)),
            ExtraScipParameters = ScipWorkarounds.ForFreeInputs(_free.Length),
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (result, margin, messages) = NumericsRetry.Run(_solver, model, options, "invertibility node", CancellationToken.None);
        Interlocked.Add(ref _solverTicks, clock.Elapsed.Ticks);
        _messages.Add(messages);
        Interlocked.Increment(ref _solved);
        if (result.Values is not null) _witnesses.Offer(gx.InputsAt(result.Values), gy.InputsAt(result.Values));
        bool finished = result.Status is SolveStatus.Optimal or SolveStatus.Infeasible;
        lock (_gate)
            _solverUnstableLimit = finished
                ? Math.Max(_solverUnstableLimit, 1.25 * unstable + 1)
                : Math.Min(_solverUnstableLimit, 0.8 * unstable);
        if (result.Status == SolveStatus.Infeasible) return Nothing();
        if (double.IsFinite(result.BestBound))
        {
            double bound = result.BestBound + margin * Math.Abs(result.BestBound);
            upper = Math.Min(upper, objective.BoundFromObjective(bound + MaximumEngine.SafetyRelative * Math.Abs(bound) + MaximumEngine.SafetyAbsolute));
        }
        return Result(upper, final: finished);
    }

    /// <summary>The sub-problems of the norm; an l2 threshold below <see cref="LipschitzObjective.SquaredDecisionFloor"/> is
    /// decided on the largest x_i − y_i times √n instead, as <see cref="MaximumEngine"/> does (a square could not resolve it).</summary>
    private static IReadOnlyList<LipschitzObjective> Objectives(TwoCopyQuery query, int terms)
    {
        var objectives = query is { InputNorm: NormKind.Two, Exact: false, Threshold: < LipschitzObjective.SquaredDecisionFloor } && query.L2Surrogate && terms > 1
            ? LipschitzObjective.L2ByLargestTerm(terms)
            : LipschitzObjective.For(query.InputNorm, terms);
        return query.SymmetryBreaking ? objectives : [.. objectives, .. objectives.Select(LipschitzObjective.Negated)];
    }

    /// <summary>max ‖x − y‖_p over the two boxes.</summary>
    private double Reach(BoxPair node) =>
        VectorNorm.Norm(_free.Select(i => Math.Max(node.XHigh[i] - node.YLow![i], node.YHigh![i] - node.XLow[i])).ToArray(), _query.InputNorm)
        * (1 + 1e-12) + 1e-15;

    private bool Overlap(BoxPair node) => _free.All(i => node.XLow[i] <= node.YHigh![i] && node.YLow![i] <= node.XHigh[i]);

    private double? InverseBound(BoxPair node, NetworkBounds xBounds) =>
        BoxInjectivity.InverseBound(node.HullBounds(xBounds), _outputs, _query.FixedInputs);

    /// <summary>‖v‖_p ≤ factor · ‖v‖_inf over n coordinates.</summary>
    private double InfToP(int n) => _query.InputNorm switch
    {
        NormKind.One => n,
        NormKind.Two => Math.Sqrt(n),
        _ => 1,
    };

    private NodeResult Nothing() => Result(double.NegativeInfinity, final: true);

    private NodeResult Result(double upper, bool final) => new(upper, _witnesses.BestValue, _witnesses.Best, final, []);
}
