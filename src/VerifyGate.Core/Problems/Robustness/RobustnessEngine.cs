using System.Diagnostics;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Search;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary><b>Method card: output conditions over a box (kind "robustness", VNN-LIB properties).</b>
/// Accepts: a ReLU network and one or more cases, each an input box with a condition on the outputs in conjunctive
/// normal form over linear atoms (<see cref="OutputCondition"/>); a margin threshold, or exact.
/// Method: per case, gradient descent looks for a counterexample (<see cref="MarginAttack"/>); then the shared
/// branch-and-bound search (<see cref="BranchAndBound{TNode}"/>) bounds the margin over sub-boxes or ReLU-phase parts
/// with back-substitution bounds of the slack network (<see cref="RobustnessDomain"/>), as α,β-CROWN's input and
/// activation splitting do, until the threshold is decided, the interval closes or the time is spent. A case that is
/// violated ends the property unless exact.
/// Why it is sound: the certified lower bound is the smallest node bound over a cover of every box; the upper bound
/// is the margin at a point of a box, reproduced by ONNX Runtime, and a violation is reported only where the
/// condition fails in both evaluations (<see cref="MarginWitnesses"/>).
/// Reference: Wang et al., "Beta-CROWN", NeurIPS 2021; Bunel et al., "Branch and Bound for Piecewise Linear Neural
/// Network Verification", JMLR 2020; Zhang et al., "Efficient Neural Network Robustness Certification with General
/// Activation Functions" (CROWN), NeurIPS 2018.</summary>
public sealed class RobustnessEngine
{
    public const string SolverName = "VerifyGate branch and bound (back-substitution bounds)";

    public CertifiedBounds Solve(RobustnessQuery query, IModelOracle? oracle, IProgress<BoundsProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        double? lower = null, upper = null;
        Witness? witness = null;
        bool timedOut = false, cancelled = false;
        var notes = new List<string>();
        int bounded = 0, open = 0;
        for (int c = 0; c < query.Cases.Count; c++)
        {
            double remaining = query.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
            double share = remaining / (query.Cases.Count - c);
            var result = SolveCase(query, query.Cases[c], oracle, share, ProgressOf(progress, clock, lower, upper), cancellation);
            lower = Min(lower, result.Lower);
            if (result.Upper is double u && !(upper <= u))
            {
                upper = u;
                witness = result.Witness;
            }
            timedOut |= result.Search.TimedOut;
            cancelled |= result.Search.Cancelled;
            bounded += result.Search.NodesBounded;
            open += result.Search.NodesOpen;
            foreach (var note in result.Notes) if (!notes.Contains(note)) notes.Add(note);
            // A box below the threshold decides the property; the boxes not searched then leave no certified lower bound.
            if (cancelled || !query.Exact && upper < query.AtLeast)
            {
                if (c < query.Cases.Count - 1) lower = null;
                break;
            }
        }
        string cases = query.Cases.Count == 1 ? "" : $" over {query.Cases.Count} boxes";
        notes.Insert(0, $"{bounded} node{(bounded == 1 ? "" : "s")} bounded{cases}{(open > 0 ? $", {open} left open" : "")}");
        return new CertifiedBounds
        {
            Lower = lower,
            Upper = upper,
            Witness = witness,
            TimedOut = timedOut,
            Cancelled = cancelled,
            Solver = SolverName,
            Elapsed = clock.Elapsed,
            Notes = notes,
        };
    }

    /// <summary>One case's margin interval (<see cref="Lower"/> null when nothing was proven) and the search behind it.</summary>
    private sealed record CaseResult(double? Lower, double? Upper, Witness? Witness, SearchResult Search, IReadOnlyList<string> Notes);

    private static CaseResult SolveCase(RobustnessQuery query, RobustnessCase @case, IModelOracle? oracle, double seconds,
        IProgress<SearchProgress> progress, CancellationToken cancellation)
    {
        var witnesses = new MarginWitnesses(query.Network, @case.Condition, oracle);
        var domain = new RobustnessDomain(query.Network, @case, query.Branching, witnesses);
        var goal = Goal(query);
        if (query.Attack)
            MarginAttack.Run(query.Network, @case.Condition, @case.Lower, @case.Upper, witnesses, query.Seed,
                TimeSpan.FromSeconds(Math.Min(AttackSeconds, 0.1 * seconds)), cancellation);
        var search = new BranchAndBound<SplitBox>(domain, query.Search);
        // A counterexample from the attack already decides a threshold question: the search then only bounds the root.
        var result = search.Run(domain.Root, null, goal, seconds, progress, cancellation);
        double? lower = double.IsFinite(result.Upper) ? -result.Upper : null;
        return new CaseResult(lower, witnesses.Margin, witnesses.Best, result, result.Notes);
    }

    /// <summary>The violation v = −margin is what the search maximises: margin ≥ t is v ≤ −t. A strict condition
    /// asked for a margin of 0 needs v &lt; 0, which the smallest positive double turns into v ≤ −ε.</summary>
    private static SearchGoal Goal(RobustnessQuery query) => new(
        query.Exact ? null : query.AtLeast == 0 && query.Cases.Any(c => c.Condition.Strict) ? -double.Epsilon : -query.AtLeast,
        query.RelativeGap, query.AbsoluteGap, Floor: double.NegativeInfinity);

    private const double AttackSeconds = 2;

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>The search's interval over v, as margin progress, combined with the cases already done.</summary>
    private static IProgress<SearchProgress> ProgressOf(IProgress<BoundsProgress>? target, Stopwatch clock, double? lower, double? upper) =>
        new Progress(target, clock, lower, upper);

    private sealed class Progress(IProgress<BoundsProgress>? target, Stopwatch clock, double? doneLower, double? doneUpper)
        : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value)
        {
            if (target is null) return;
            double? lower = double.IsFinite(value.Upper) ? Min(doneLower, -value.Upper) : null;
            double? upper = Min(doneUpper, value.Lower is double v ? -v : null);
            target.Report(new BoundsProgress(clock.Elapsed, lower, upper, value.OpenNodes));
        }
    }
}
