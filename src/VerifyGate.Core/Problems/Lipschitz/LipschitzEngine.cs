using VerifyGate.Core.Problems;
using System.Diagnostics;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>Certified bounds on the Lipschitz constant L_{p,q} of a ReLU network over a box
/// (math.md, "Lipschitz constant"). Problem: the forward big-M encoding ties an activation pattern
/// to a point of the box; a tangent v in the unit p-ball is pushed through that pattern; the
/// objective maximises ‖J v‖_q, split into independent sub-problems solved in parallel.
/// Soundness: the upper bound is the largest proven solver bound over the sub-problems (never an
/// incumbent), inflated by <see cref="SafetyRelative"/>; the lower bound is only ever the ratio of a
/// concrete pair evaluated in float64 and confirmed by the model oracle.</summary>
public sealed class LipschitzEngine(IMipSolver solver)
{
    /// <summary>Inflation of proven bounds against solver tolerances (math.md, rule 2), applied in the
    /// objective's own units (L, or L² for q = 2): SCIP's feasibility tolerance (1e-9) lets a proven
    /// bound fall short of the optimum by errors of that order, seen up to ~5e-10 absolute.</summary>
    public const double SafetyRelative = 2e-7;
    public const double SafetyAbsolute = 2e-9;

    /// <param name="bounds">Pre-activation bounds over the query's box computed already, or over the part of it a search
    /// node is (<see cref="PhaseSplit"/>): the MIP is built on them, so its bound covers that part.</param>
    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default, NetworkBounds? bounds = null)
    {
        query = query.AtResolution();
        if (!L2OutputSurrogate.Applies(query)) return SolveDirect(query, oracle, progress, cancellation, bounds);
        var clock = Stopwatch.StartNew();
        var surrogate = L2OutputSurrogate.Solve(query with { TimeLimitSeconds = query.TimeLimitSeconds / 4 },
            q => SolveDirect(q, oracle, progress, cancellation, bounds), oracle, cancellation);
        double remaining = query.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
        if (L2OutputSurrogate.Decided(query, surrogate) || cancellation.IsCancellationRequested || remaining <= 0) return surrogate;
        var squared = SolveDirect(query with { TimeLimitSeconds = remaining }, oracle, progress, cancellation, bounds);
        return L2OutputSurrogate.Combine(surrogate, squared, clock.Elapsed);
    }

    private CertifiedBounds SolveDirect(LipschitzQuery query, IModelOracle? oracle,
        IProgress<BoundsProgress>? progress, CancellationToken cancellation, NetworkBounds? given)
    {
        var clock = Stopwatch.StartNew();
        var network = query.Network;
        var bounds = given ?? BoundPropagation.Compute(network, query.Lower, query.Upper, query.BoundMethod);
        MagnitudeGuard.CheckPreActivation(bounds, query.BigMLimit);
        var fixedInputs = query.FixedInputs;
        var outputs = query.SelectedOutputs;
        if (fixedInputs.All(f => f))
            return new CertifiedBounds { Lower = 0, Upper = 0, Solver = solver.Version, Elapsed = clock.Elapsed, Resolution = Resolution.Floor, Notes = ["every input is fixed: no pair of distinct inputs exists, L = 0"] };

        var forwardJacobians = IntervalUpperBounds.ForwardJacobians(query, bounds);
        var tangentBounds = TangentBounds.Compute(bounds, query.InputNorm, fixedInputs, query.TangentJacobians ? forwardJacobians : null);
        MagnitudeGuard.CheckTangents(bounds, tangentBounds, query.TangentLimit);
        double intervalUpper = InflateValue(IntervalUpperBounds.Best(query, bounds, tangentBounds, forwardJacobians));
        var witnesses = new LipschitzWitnesses(query, bounds, oracle);
        var solverMessages = new SolverMessageLog();
        SampledLowerBound.Run(query, witnesses, cancellation);
        progress?.Report(new BoundsProgress(clock.Elapsed, witnesses.Lower, intervalUpper));

        var gradient = GradientSides.For(query, bounds);
        var objectives = gradient?.Objectives ?? LipschitzObjective.For(query.OutputNorm, outputs.Length);
        CertifiedBounds Done(double upper, bool timedOut) => new()
        {
            Lower = witnesses.Lower ?? 0,
            Upper = Math.Min(upper, intervalUpper),
            Witness = witnesses.Best,
            TimedOut = timedOut,
            Resolution = Resolution.Floor,
            Cancelled = cancellation.IsCancellationRequested,
            Solver = solver.Version,
            SubProblems = objectives.Count,
            UnstableNeurons = bounds.TotalUnstable,
            Elapsed = clock.Elapsed,
            Notes = [.. witnesses.Notes, .. solverMessages.Notes],
        };

        if (!query.Exact && query.AtMost is double threshold && (witnesses.Lower > threshold || intervalUpper <= threshold))
            return Done(intervalUpper, false);

        var objectiveBounds = objectives.Select(o => o.ToObjective(intervalUpper)).ToArray();  // inflated again below: harmless
        // Sub-problems that time out while others finish early leave time unused: they run again on what is left
        // (SCIP starts over, with more time), as long as they are still open and the time is worth it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = CoreBudget.Shared.Size };
        var open = Enumerable.Range(0, objectives.Count).ToList();
        while (open.Count > 0)
        {
            var unfinished = new List<int>();
            int started = 0;
            Parallel.ForEach(open, parallel, k =>
            {
                if (stop.IsCancellationRequested) return;
                // Split the time left evenly over the waves of sub-problems still to run, so that a time
                // limit leaves every sub-problem with a proven bound rather than some with none.
                int waiting = open.Count - Interlocked.Increment(ref started) + 1;
                double waves = Math.Ceiling((double)waiting / parallel.MaxDegreeOfParallelism);
                double budget = (query.TimeLimitSeconds - clock.Elapsed.TotalSeconds) / waves;
                var objective = objectives[k];
                var outcome = SolveSubProblem(query, bounds, tangentBounds, gradient, objective, witnesses, solverMessages, clock, budget, stop);
                lock (objectiveBounds)
                {
                    objectiveBounds[k] = Math.Min(objectiveBounds[k], outcome.Bound);
                    if (outcome.TimedOut) unfinished.Add(k);
                    double upper = objectives.Select((o, i) => o.BoundFromObjective(Inflate(objectiveBounds[i]))).Max();
                    progress?.Report(new BoundsProgress(clock.Elapsed, witnesses.Lower, Math.Min(upper, intervalUpper)));
                }
                if (!query.Exact && query.AtMost is double a && witnesses.Lower > a) stop.Cancel();  // decided: failed
            });
            open = unfinished.Where(k => !Closed(query, objectives[k], objectiveBounds[k], witnesses.Lower)).ToList();
            double left = query.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
            if (stop.IsCancellationRequested || left < RerunMinimumSeconds || left < RerunMinimumShare * query.TimeLimitSeconds) break;
        }
        bool timedOut = open.Count > 0;
        double finalUpper = objectives.Select((o, i) => o.BoundFromObjective(Inflate(objectiveBounds[i]))).Max();
        // On part of the box (a search node's fixed phases) the witnesses, pairs anywhere in the box, may rightly exceed it.
        if (!bounds.IsSubdomain && WitnessBeyondBound.Contradicts(witnesses.Lower, Math.Min(finalUpper, intervalUpper)))
        {
            // The interval bound needs no solver: it is what is left to trust (a witness beyond it cannot be confirmed).
            solverMessages.Add([WitnessBeyondBound.Describe(witnesses.Lower!.Value, finalUpper, "L") + "; the interval bound is used instead"]);
            WitnessBeyondBound.Check(witnesses.Lower, intervalUpper, "L");
            finalUpper = intervalUpper;
        }
        return Done(finalUpper, timedOut || cancellation.IsCancellationRequested);
    }

    private (double Bound, bool TimedOut) SolveSubProblem(LipschitzQuery query, NetworkBounds bounds, TangentBounds tangentBounds,
        GradientSides? gradient, LipschitzObjective objective, LipschitzWitnesses witnesses, SolverMessageLog solverMessages, Stopwatch clock, double budgetSeconds, CancellationTokenSource stop)
    {
        var deadline = clock.Elapsed.TotalSeconds + budgetSeconds;
        bool stopAtIncumbent = !query.Exact && query.AtMost.HasValue;
        double bound = double.PositiveInfinity;
        var cuts = objective.GradientSeed is null && UsesCuttingPlanes(query) ? new TwoBallCuts() : null;
        double[]? restart = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            double remaining = Math.Min(deadline, query.TimeLimitSeconds) - clock.Elapsed.TotalSeconds;
            if (remaining <= 0) return (bound, true);
            var model = new MipModel();
            var forward = new ForwardEncoding(model, bounds);
            int forwardVariables = model.VariableCount;
            Func<double[], double[]> directionAt;
            GradientEncoding? encoded = null;
            if (objective.GradientSeed is int seed)
            {
                encoded = gradient!.Encode(forward, seed);
                objective.Apply(model, gradient.Free.Select(i => encoded.InputGradient[i]).ToArray());
                directionAt = values => gradient.DirectionAt(encoded!, values);
            }
            else
            {
                var tangent = new TangentEncoding(forward, tangentBounds, query.InputNorm, twoBallCuts: cuts?.Directions);
                var outputTangent = tangent.OutputTangent(query.Network);
                objective.Apply(model, query.SelectedOutputs.Select(o => outputTangent[o]).ToArray());
                directionAt = values => tangent.DirectionAt(values);
            }
            if (restart is not null)
            {
                for (int i = 0; i < restart.Length; i++) model.AddHint(new Var(i), restart[i]);
            }
            else
            {
                // A feasible start: the best witness point with a zero tangent (every tangent-side variable 0).
                var start = witnesses.Best?.X ?? Midpoint(query);
                forward.HintAt(start);
                encoded?.HintAt(query.Network.PatternAt(start));
                model.HintRemaining(0.0);
            }

            // Stopped by its bound limit before any incumbent, a quadratic model's solve reports no bound at all (ScipSolver).
            // On part of the box the hint, the best witness, may lie outside it and give none: solve such a model out. The
            // gradient encoding's squared objective is solved out too: SCIP did not take its hint (random networks, p = 2).
            double? decided = (bounds.IsSubdomain || encoded is not null) && !model.IsLinear ? null : query.Exact ? witnesses.Lower : query.AtMost;
            var options = new SolveOptions
            {
                TimeLimitSeconds = remaining,
                RelativeGap = Math.Min(query.RelativeGap / 10, 1e-7),
                StopAtBound = decided is double d ? (query.Exact ? Deflate(objective.ObjectiveBelow(d)) : BelowSafetyMargin(objective.ObjectiveBelow(d))) : null,
                StopAtIncumbent = stopAtIncumbent ? objective.ToObjective(query.AtMost!.Value) * (1 + 1e-7) + 1e-12 : null,
                ExtraScipParameters = encoded is not null ? ScipWorkarounds.ForGradientEncoding : ScipWorkarounds.ForFreeInputs(query.FixedInputs.Count(f => !f)),
                NodeOrder = query.NodeOrder,
            };
            var (result, margin, messages) = NumericsRetry.Run(solver, model, options, objective.Name, stop.Token);
            solverMessages.Add(messages);
            // −∞: no feasible point, which only a search node's part of the box can show (it is empty); the tangent v = 0
            // gives every objective 0, so 0 bounds it as well.
            double proven = double.IsFinite(result.BestBound)
                ? result.BestBound + margin * Math.Abs(result.BestBound)
                : double.IsNaN(result.BestBound) || double.IsPositiveInfinity(result.BestBound) ? double.PositiveInfinity : 0;
            bound = Math.Min(bound, proven);  // every relaxation contains the true problem: each bound holds
            double[]? direction = result.Values is null ? null : directionAt(result.Values);
            ActivationPattern? pattern = result.Values is null ? null : forward.PatternOf(result.Values);
            if (result.Values is not null)
                witnesses.FromIncumbent(forward.InputsAt(result.Values), pattern!, direction!);

            bool stoppedOnIncumbent = stopAtIncumbent && result.Objective >= options.StopAtIncumbent;
            bool confirmedViolation = witnesses.Lower > query.AtMost;
            if (cuts is not null && !confirmedViolation && !IsTimeLimit(result, remaining) && !result.Cancelled
                && !Closed(query, objective, bound, witnesses.Lower) && result.Values is not null
                && Refine(query, cuts, direction!, pattern!))
            {
                // The relaxation's optimum left the l2 ball: cut it off and solve again, starting from
                // that solution with its tangent side scaled back into the ball (still feasible).
                restart = ScaledIntoBall(model, result.Values, forwardVariables, VectorNorm.Norm(direction!, NormKind.Two));
                attempt--;
                continue;
            }
            if (!stoppedOnIncumbent || confirmedViolation) return (bound, IsTimeLimit(result, remaining));
            // The incumbent broke the threshold but its witness did not (its pattern has no interior):
            // search on without that stop, until the bound decides or a real witness appears.
            stopAtIncumbent = false;
        }
        return (bound, false);
    }

    private static bool UsesCuttingPlanes(LipschitzQuery query) => query.InputNorm == NormKind.Two && query.TwoBall switch
    {
        TwoBallMethod.CuttingPlanes => true,
        TwoBallMethod.Automatic => query.OutputNorm != NormKind.Two,
        _ => false,
    };

    /// <summary>Adds the cuts of one relaxation's optimum; false when there is nothing left to cut.</summary>
    private static bool Refine(LipschitzQuery query, TwoBallCuts cuts, double[] direction, ActivationPattern pattern)
    {
        // Inside the ball (to the tolerance) the relaxation's optimum is the sub-problem's own.
        if (!(VectorNorm.Norm(direction, NormKind.Two) > 1 + OutsideBallTolerance)) return false;
        bool added = cuts.Add(direction);
        if (PatternDirectionSafe(query, pattern) is double[] exact) added |= cuts.Add(exact);
        return added;
    }

    private static double[]? PatternDirectionSafe(LipschitzQuery query, ActivationPattern pattern)
    {
        try { return TwoBallCuts.PatternDirection(query, pattern); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>How far outside the unit l2 ball a relaxation's direction may be before it is cut off.</summary>
    private const double OutsideBallTolerance = 1e-9;

    /// <summary>The sub-problem's bound has met the best witness to within the query's gap.</summary>
    /// <summary>Time left below which timed-out sub-problems are not run again (absolute, and as a share of the limit).</summary>
    private const double RerunMinimumSeconds = 1, RerunMinimumShare = 0.1;

    private static bool Closed(LipschitzQuery query, LipschitzObjective objective, double bound, double? lower)
    {
        if (lower is not double l || !double.IsFinite(bound)) return false;
        double upper = objective.BoundFromObjective(Inflate(bound));
        if (!query.Exact && query.AtMost is double a && upper <= a) return true;
        return upper - l <= query.RelativeGap / 4 * upper;
    }

    /// <summary>A solution with every tangent-side variable (after the forward encoding) divided by the
    /// direction's l2 norm, binaries kept: the tangent side is homogeneous in v, so this stays feasible.</summary>
    private static double[] ScaledIntoBall(MipModel model, double[] values, int forwardVariables, double norm)
    {
        var scaled = (double[])values.Clone();
        if (!(norm > 1)) return scaled;
        for (int i = forwardVariables; i < scaled.Length; i++)
            if (model.Kind(new Var(i)) == VarKind.Continuous) scaled[i] /= norm;
        return scaled;
    }

    /// <summary>Stopped by its time budget (not by a threshold, a bound limit or a cancellation).</summary>
    private static bool IsTimeLimit(SolveResult result, double budgetSeconds) =>
        result.Status is SolveStatus.FeasibleAtLimit or SolveStatus.NoSolutionAtLimit && !result.Cancelled
        && result.Elapsed.TotalSeconds >= 0.95 * budgetSeconds;

    private static double[] Midpoint(LipschitzQuery query) => query.Lower.Select((lo, i) => (lo + query.Upper[i]) / 2).ToArray();

    /// <summary>Where a threshold-mode solve may stop: far enough below the threshold that the bound, once
    /// inflated (by <see cref="Inflate"/> and a relaxed retry's margin), still decides it.</summary>
    private static double BelowSafetyMargin(double objective) => objective - 1e-5 * Math.Abs(objective) - 2 * SafetyAbsolute;

    private static double Inflate(double objective) => objective + SafetyRelative * Math.Abs(objective) + SafetyAbsolute;

    /// <summary>A dual-limit target whose inflated bound still lands at or below <paramref name="objective"/>
    /// (twice the margin absorbs rounding), so that stopping there decides the threshold.</summary>
    private static double Deflate(double objective) =>
        objective >= 0 ? (objective - 2 * SafetyAbsolute) / (1 + 2 * SafetyRelative) : (objective - 2 * SafetyAbsolute) / (1 - 2 * SafetyRelative);

    /// <summary>The interval bound needs no solver tolerance, only float64 rounding.</summary>
    private static double InflateValue(double value) => value * (1 + 1e-12) + 1e-15;
}
