using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>The robustness kind's part of the search, for one case. The search maximises the violation v = −margin,
/// so a node's certified upper bound is minus a certified lower bound of the margin over the node.
/// Bound: back-substitution (CROWN) bounds of the slack network (<see cref="MarginNetwork"/>) over the node; a clause's
/// margin is at least its largest atom's slack bound, the condition's at least the smallest clause's. The node's
/// centre and the corner its margin's gradient points to are offered as witnesses. A node of the whole box on which
/// every ReLU is stable and every clause has one atom is final: each slack is affine there, so its bound is its
/// minimum, attained at a corner.
/// Split: over few free inputs, the input with the largest smear (<see cref="SplitInput"/>);
/// over many, the phase of an unstable ReLU (<see cref="SplitNeuron"/>, <see cref="PhaseSplit"/>).
/// Soundness: the halves of a box, and the two phases of a ReLU, cover the node; bounds are concretised over a
/// superset of the node, and the margin bound is lowered by a relative 1e-9 for the rounding of the folded slack
/// layer.</summary>
internal sealed class RobustnessDomain : ISearchDomain<SplitBox>
{
    /// <summary>Above this many free inputs, bisecting inputs is hopeless (an image): nodes fix ReLU phases instead.</summary>
    public const int InputBranchingMaxInputs = 16;

    private readonly Network _network, _slacks;
    private readonly OutputCondition _condition;
    private readonly MarginWitnesses _witnesses;
    private readonly SplitNeuron _splitNeuron;
    private readonly int[] _freeInputs;
    private readonly double[] _rootLow, _rootHigh;
    private int _bounded;

    public RobustnessDomain(Network network, RobustnessCase @case, Branching branching, MarginWitnesses witnesses)
    {
        _network = network;
        _condition = @case.Condition;
        _slacks = MarginNetwork.Build(network, @case.Condition);
        _witnesses = witnesses;
        _rootLow = @case.Lower;
        _rootHigh = @case.Upper;
        _freeInputs = Enumerable.Range(0, _rootLow.Length).Where(i => _rootLow[i] < _rootHigh[i]).ToArray();
        BranchesOnActivations = branching == Branching.Activations
            || branching == Branching.Auto && _freeInputs.Length > InputBranchingMaxInputs;
        _splitNeuron = new SplitNeuron(_slacks);
        RootBounds = BoundPropagation.Compute(_slacks, _rootLow, _rootHigh, BoundMethod.Symbolic);
    }

    public bool BranchesOnActivations { get; }
    public NetworkBounds RootBounds { get; }
    public SplitBox Root => new(_rootLow, _rootHigh, RootBounds.TotalUnstable, RootBounds);
    public int Bounded => Volatile.Read(ref _bounded);

    public NodeResult Bound(SplitBox node, int depth, double remainingSeconds, CancellationToken cancellation)
    {
        CoreSlot slot;
        try
        {
            slot = CoreBudget.Shared.Hold(cancellation);
        }
        catch (OperationCanceledException)
        {
            return Result(double.PositiveInfinity, final: false);
        }
        using (slot)
        {
            Interlocked.Increment(ref _bounded);
            var bounds = node.Bounds ?? BoundPropagation.Compute(_slacks, node.Low, node.High, BoundMethod.Symbolic);
            if (bounds.IsEmpty) return Result(double.NegativeInfinity, final: true);
            var centre = node.Low.Select((lo, i) => lo + (node.High[i] - lo) / 2).ToArray();
            _witnesses.Offer(centre);
            if (MarginAttack.Corner(_network, _condition, centre, node.Low, node.High) is { } corner) _witnesses.Offer(corner);
            double marginLower = CertifiedMarginLower(bounds);
            bool stable = bounds.TotalUnstable == 0;
            bool final = stable && node.FixedPhases == 0 && _condition.Clauses.All(c => c.Atoms.Count == 1);
            // Phase-split nodes and stable multi-atom boxes get the LP: it sees the fixed phases and the clauses' maxima.
            if (!final && (BranchesOnActivations || stable))
            {
                var lp = LpMarginLower(bounds, Math.Min(LpSeconds, remainingSeconds));
                marginLower = Math.Max(marginLower, lp.Lower);
                final = stable && lp.Complete;
                // An LP that did not finish on a fixed pattern: often a pattern no point has, which the region LP proves.
                if (stable && !lp.Complete && node.FixedPhases > 0 && IsEmptyPattern(bounds)) return Result(double.NegativeInfinity, final: true);
            }
            return Result(-marginLower, final);
        }
    }

    /// <summary>A lower bound of the margin over the bounds' box from the slack layer's lower bounds.</summary>
    public double CertifiedMarginLower(NetworkBounds bounds) => WithAllowance(ClauseLowers(bounds).Min());

    private static double WithAllowance(double margin) => margin - RoundingAllowance * (1 + Math.Abs(margin));

    /// <summary>Per clause, a lower bound of its margin over the bounds' box: its largest atom bound, or for several atoms
    /// the best combination of their linear bounds (<see cref="ClauseBound"/>) when that can lower the minimum.</summary>
    private double[] ClauseLowers(NetworkBounds bounds)
    {
        var result = new double[_condition.Clauses.Count];
        var slackLower = bounds.LowerSpan(_slacks.OutputIndex);
        double margin = double.PositiveInfinity;
        int row = 0;
        BackSubstitution.LinearLower? linear = null;
        int c = 0;
        foreach (var clause in _condition.Clauses)
        {
            double best = double.NegativeInfinity;
            for (int j = 0; j < clause.Atoms.Count; j++) best = Math.Max(best, slackLower[row + j]);
            // A clause of several atoms: the best combination of their linear bounds (ClauseBound), when it can matter.
            if (clause.Atoms.Count > 1 && best < margin)
            {
                linear ??= BackSubstitution.LowerLinear(_slacks, _slacks.OutputIndex, bounds);
                best = Math.Max(best, ClauseBound.Lower(linear, row, clause.Atoms.Count, bounds.LowerSpan(0), bounds.UpperSpan(0)));
            }
            row += clause.Atoms.Count;
            margin = Math.Min(margin, best);
            result[c++] = best;
        }
        return result;
    }

    private const double RoundingAllowance = 1e-9;
    private const double LpSeconds = 10;

    private bool IsEmptyPattern(NetworkBounds bounds)
    {
        var pattern = PhaseSplit.StablePattern(bounds);
        return PatternRegion.Classify(bounds, pattern, LocalAffineMap.Of(_slacks, pattern), LpSeconds).Kind == RegionKind.Empty;
    }

    /// <summary>The LP bound of every clause (<see cref="MarginLp"/>), each LP's point offered as a witness; Complete when
    /// every clause's LP was solved.</summary>
    /// <summary>Clauses are taken from the lowest back-substitution bound up, and a clause whose bound is already at
    /// least the minimum so far is skipped (it cannot lower it), so the minimum is exact when every LP taken is.
    /// All LPs share <paramref name="seconds"/>.</summary>
    private (double Lower, bool Complete) LpMarginLower(NetworkBounds bounds, double seconds)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var crown = ClauseLowers(bounds);
        var firstRow = new int[crown.Length];
        for (int c = 1; c < crown.Length; c++) firstRow[c] = firstRow[c - 1] + _condition.Clauses[c - 1].Atoms.Count;
        double margin = double.PositiveInfinity;
        bool complete = true;
        foreach (int c in Enumerable.Range(0, crown.Length).OrderBy(c => crown[c]))
        {
            if (crown[c] >= margin) continue;
            double left = seconds - clock.Elapsed.TotalSeconds;
            var (lower, point) = left > 0 ? MarginLp.Clause(bounds, firstRow[c], _condition.Clauses[c].Atoms.Count, left) : (null, null);
            if (point is not null) _witnesses.Offer(point);
            if (lower is null) complete = false;
            margin = Math.Min(margin, Math.Max(crown[c], lower ?? double.NegativeInfinity));
        }
        return (WithAllowance(margin), complete);
    }

    public IReadOnlyList<SplitBox>? Split(SplitBox node, int depth)
    {
        using var slot = CoreBudget.Shared.Hold(CancellationToken.None);
        var bounds = node.Bounds ?? BoundPropagation.Compute(_slacks, node.Low, node.High, BoundMethod.Symbolic);
        return BranchesOnActivations ? _splitNeuron.Split(node, bounds) : SplitInput(node, bounds);
    }

    /// <summary>Bisects the input with the largest smear, width × the input's weight in the linear bounds of the worst
    /// clause's atoms (the input that loosens the bound most); the halves are bounded when the search reaches them.
    /// The smear misses what an input does to the ReLU relaxations (on ACAS Xu property 1 an input whose linear weight
    /// was near 0 kept 158 ReLUs unstable while the others were split down to 1e-6, and the search stalled), so an input
    /// more than <see cref="MaximumAspect"/> times wider, relative to the root box, than the narrowest is split first.</summary>
    private SplitBox[]? SplitInput(SplitBox node, NetworkBounds bounds)
    {
        var linear = BackSubstitution.LowerLinear(_slacks, _slacks.OutputIndex, bounds);
        var slackLower = bounds.LowerSpan(_slacks.OutputIndex);
        int row = 0, worstRow = 0, worstCount = 1;
        double worst = double.PositiveInfinity;
        foreach (var clause in _condition.Clauses)
        {
            double best = double.NegativeInfinity;
            for (int j = 0; j < clause.Atoms.Count; j++) best = Math.Max(best, slackLower[row + j]);
            if (best < worst) (worst, worstRow, worstCount) = (best, row, clause.Atoms.Count);
            row += clause.Atoms.Count;
        }
        var splittable = _freeInputs.Where(i =>
        {
            double middle = node.Low[i] + (node.High[i] - node.Low[i]) / 2;
            return middle > node.Low[i] && middle < node.High[i];
        }).ToList();
        if (splittable.Count == 0) return null;
        double Relative(int i) => (node.High[i] - node.Low[i]) / (_rootHigh[i] - _rootLow[i]);
        double Smear(int i)
        {
            double weight = 0;
            for (int j = worstRow; j < worstRow + worstCount; j++) weight += linear.A[j] is { } a ? Math.Abs(a[i]) : 0;
            // The width counts too, so an input the bounds ignore is still split once it is the widest.
            return (node.High[i] - node.Low[i]) * (weight + 1e-9);
        }
        int widest = splittable.MaxBy(Relative);
        int split = Relative(widest) > MaximumAspect * splittable.Min(Relative) ? widest : splittable.MaxBy(Smear);
        double cut = node.Low[split] + (node.High[split] - node.Low[split]) / 2;
        double[] leftHigh = [.. node.High], rightLow = [.. node.Low];
        leftHigh[split] = cut;
        rightLow[split] = cut;
        return [new SplitBox(node.Low, leftHigh, node.Unstable), new SplitBox(rightLow, node.High, node.Unstable)];
    }

    /// <summary>Measured on ACAS Xu properties 1, 2, 5, 6, 7 (8 instances, 30 s each): 8 and 64 left 1-4 of them
    /// undecided, 256 and 1024 one (3_3 property 2), 256 with the shorter times; no limit (the smear alone) stalls on 1_4 property 1.</summary>
    private const double MaximumAspect = 256;

    private NodeResult Result(double upper, bool final) =>
        new(upper, _witnesses.Margin is double m ? -m : null, _witnesses.Best, final, _witnesses.Notes);
}
