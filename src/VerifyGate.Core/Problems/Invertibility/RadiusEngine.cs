using VerifyGate.Core.Problems;
using System.Diagnostics;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>The radius kinds (minimisations around the centre c, in the ball norm p = inf, 1 or 2; <see cref="RadiusModel"/>):
/// <c>invertibility-radius</c> r* = min t s.t. ‖x − c‖_p ≤ t, ‖y − c‖_p ≤ t, f(x) = f(y), ‖x − y‖_inf ≥ δ;
/// <c>preimage-radius</c> R* = min t s.t. ‖x − c‖_p ≤ t, f(x) = f(c), ‖x − c‖_inf ≥ δ.
/// The disjunction ‖·‖_inf ≥ δ is split into sub-problems, one per free coordinate i and sign s
/// (s(x_i − y_i) ≥ δ; for the pair only s = +1 is needed, by the symmetry x ↔ y), solved in parallel.
/// Lower bound: the smallest proven bound over the sub-problems, deflated by a safety margin; upper
/// bound: a confirmed witness pair (for preimage-radius the other preimage and c).
/// Box shrinking (<see cref="RadiusMethod.Direct"/>): every feasible point with t ≤ R lies in the ball of
/// radius R, so once a sub-problem (or any other) has an incumbent at t, its big-M bounds are recomputed
/// on the ball of radius t and the problem is re-solved; a sub-problem restricted to radius R proves
/// min(bound, R), which is a valid lower bound on its optimum whether or not that optimum is below R.</summary>
internal sealed class RadiusEngine(IMipSolver solver)
{
    public const double SafetyRelative = 1e-6;
    public const double SafetyAbsolute = 1e-9;

    /// <summary>A restart on a smaller ball pays off only when the radius shrinks at least this much.</summary>
    private const double ShrinkFactor = 0.8;

    public CertifiedBounds Solve(TwoCopyQuery query, IModelOracle? oracle, IProgress<BoundsProgress>? progress, CancellationToken cancellation)
    {
        if (query.RadiusMethod == RadiusMethod.Search && query.FixedInputs.Count(f => !f) <= RadiusSearch.MaximumFreeInputs)
            return new RadiusSearch(solver).Solve(query, oracle, progress, cancellation);
        var clock = Stopwatch.StartNew();
        var center = query.Center ?? throw new ArgumentException("the radius kinds need a centre");
        double maxRadius = query.MaxRadius;
        var fixedInputs = query.FixedInputs;
        var free = Enumerable.Range(0, center.Length).Where(i => !fixedInputs[i]).ToArray();
        bool pair = query.Kind == TwoCopyKind.InvertibilityRadius;
        // x ↔ y turns a pair separated in −x_i into one separated in +x_i: a pair needs only the + directions.
        var directions = free.SelectMany(i => pair && query.SymmetryBreaking ? [new SeparationDirection(i, 1)] : new[] { new SeparationDirection(i, 1), new SeparationDirection(i, -1) }).ToArray();
        var witnesses = new PairWitnesses(query, oracle, null);
        var notes = new List<string> { PairWitnesses.AcceptanceNote(query) };
        var solverMessages = new SolverMessageLog();
        var lowers = directions.Select(_ => double.NegativeInfinity).ToArray();
        bool timedOut = false;
        var ballBounds = BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        MagnitudeGuard.CheckPreActivation(ballBounds, query.BigMLimit);  // every smaller ball's bounds are smaller
        int unstable = ballBounds.TotalUnstable;
        double Lower() => Math.Min(lowers.Min(), maxRadius);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = CoreBudget.Shared.Size };
        Parallel.For(0, directions.Length, parallel, k =>
        {
            if (stop.IsCancellationRequested) return;
            var (lower, limited) = query.RadiusMethod == RadiusMethod.Bisection
                ? Bisect(query, directions[k], witnesses, solverMessages, clock, stop)
                : SolveDirect(query, directions[k], witnesses, solverMessages, clock, stop);
            lock (lowers)
            {
                lowers[k] = lower;
                timedOut |= limited;
                if (lowers.All(double.IsFinite)) progress?.Report(new BoundsProgress(clock.Elapsed, Lower(), witnesses.BestValue));
            }
            if (!query.Exact && query.Threshold is double t && witnesses.BestValue < t) stop.Cancel();  // decided: failed
        });
        notes.AddRange(witnesses.Notes);
        notes.AddRange(solverMessages.Notes);
        if (witnesses.BestValue is null && !timedOut) notes.Add($"no separated pair with equal outputs exists within maxRadius {maxRadius:G6}: the lower bound is maxRadius");
        double lowerBound = Math.Max(0, Lower());
        return new CertifiedBounds
        {
            Lower = double.IsFinite(lowerBound) ? lowerBound : 0,
            Upper = witnesses.BestValue is double u ? Math.Max(u, lowerBound) : null,
            Witness = witnesses.Best,
            TimedOut = timedOut || cancellation.IsCancellationRequested,
            Cancelled = cancellation.IsCancellationRequested,
            Solver = solver.Version,
            SubProblems = directions.Length,
            UnstableNeurons = unstable,
            Elapsed = clock.Elapsed,
            Notes = notes,
        };
    }

    /// <summary>Builds the sub-problem of one direction on the ball of radius R (bounds computed on that ball's box).
    /// With <paramref name="feasibilityOnly"/> the objective is dropped (bisection steps).</summary>
    private static RadiusModel Build(TwoCopyQuery query, SeparationDirection direction, double radius, bool feasibilityOnly, double atLeast = 0, Witness? hint = null)
    {
        var center = query.Center!;
        var fixedInputs = query.FixedInputs;
        var lo = center.Select((c, i) => fixedInputs[i] ? c : Math.Max(query.Lower[i], c - radius)).ToArray();
        var hi = center.Select((c, i) => fixedInputs[i] ? c : Math.Min(query.Upper[i], c + radius)).ToArray();
        var bounds = BoundPropagation.Compute(query.Network, lo, hi, query.BoundMethod);
        bool pair = query.Kind == TwoCopyKind.InvertibilityRadius;
        var built = RadiusModel.Build(query, bounds, pair ? bounds : null, [direction], atLeast, radius, feasibilityOnly);
        HintStart(query, direction, radius, built, hint);
        return built;
    }

    /// <summary>A starting point for SCIP: a known pair when it fits this direction and ball (a full feasible
    /// solution), otherwise only the x copy at the centre (SCIP completes or discards it).</summary>
    private static void HintStart(TwoCopyQuery query, SeparationDirection direction, double radius, RadiusModel built, Witness? hint)
    {
        var center = query.Center!;
        bool pair = query.Kind == TwoCopyKind.InvertibilityRadius;
        if (hint is not null)
        {
            var (hx, hy) = (hint.X, hint.Y);
            int i = direction.Coordinate;
            if (pair && direction.Sign * (hx[i] - hy[i]) < 0) (hx, hy) = (hy, hx);   // x ↔ y symmetry
            double separation = pair ? direction.Sign * (hx[i] - hy[i]) : direction.Sign * (hx[i] - center[i]);
            double reach = Math.Max(Distance(query, hx), pair ? Distance(query, hy) : 0);
            if (separation >= query.Separation * (1 - PairWitnesses.SeparationSlack) && reach <= radius)
            {
                built.Hint(hx, pair ? hy : null, reach);
                return;
            }
        }
        built.X.HintAt(center);
    }

    private static double Distance(TwoCopyQuery query, double[] x) => RadiusModel.Distance(x, query.Center!, query.InputNorm);

    private (double Lower, bool TimedOut) SolveDirect(TwoCopyQuery query, SeparationDirection direction, PairWitnesses witnesses, SolverMessageLog solverMessages, Stopwatch clock, CancellationTokenSource stop)
    {
        // Growing balls: start small (few unstable neurons, fast infeasibility proofs), double the radius
        // while the ball holds no solution; every infeasible ball proves t ≥ its radius, a cut for the next.
        double maxRadius = Math.Min(query.MaxRadius, witnesses.BestValue ?? double.PositiveInfinity);
        double radius = Math.Min(maxRadius, query.MaxRadius / InitialFraction);
        double proven = 0;
        bool stopAtIncumbent = !query.Exact && query.Threshold.HasValue;
        bool firstSolutionOnly = true;
        while (true)
        {
            double remaining = query.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
            if (remaining <= 0 || stop.IsCancellationRequested) return (proven, true);
            if (witnesses.BestValue is double known && known < radius) radius = Math.Max(known, proven);
            var built = Build(query, direction, radius, feasibilityOnly: false, atLeast: proven, hint: witnesses.Best);
            double? best = witnesses.BestValue;
            double? decided = query.Exact || query.Threshold is null ? best : Math.Min(Inflate(query.Threshold.Value), best ?? double.PositiveInfinity);
            var ball = built.Ball;
            var options = new SolveOptions
            {
                TimeLimitSeconds = remaining,
                RelativeGap = query.RelativeGap,
                AbsoluteGap = 1e-9,
                StopAtBound = decided is double d ? ball.ObjectiveOf(d) : null,
                StopAtIncumbent = stopAtIncumbent ? ball.ObjectiveOf(query.Threshold!.Value * (1 - 1e-7)) : null,
                ExtraScipParameters = (firstSolutionOnly ? "limits/solutions = 1\n" : "") + ScipWorkarounds.ForFreeInputs(query.FixedInputs.Count(f => !f)),
            };
            var (result, margin, messages) = NumericsRetry.Run(solver, built.Model, options, direction.Name, stop.Token);
            solverMessages.Add(messages);
            double? found = null;
            if (result.Values is not null)
            {
                var (x, y) = built.PairAt(result.Values);
                found = witnesses.Offer(x, y);
            }
            bool limited = result.Status is SolveStatus.FeasibleAtLimit or SolveStatus.NoSolutionAtLimit
                           && clock.Elapsed.TotalSeconds >= query.TimeLimitSeconds * 0.99;
            if (result.Status == SolveStatus.Infeasible)
            {
                // No solution with t ≤ radius: t* > radius for this direction.
                proven = radius;
                // Beyond maxRadius, or beyond a pair already known (from any direction), nothing is left to search.
                if (radius >= maxRadius || radius >= (witnesses.BestValue ?? double.PositiveInfinity)) return (radius, false);
                radius = Math.Min(maxRadius, GrowthFactor * radius);
                firstSolutionOnly = true;
                continue;
            }
            if (firstSolutionOnly && result.Objective is double s0 && ball.RadiusOf(s0) is var t0 && !limited && !stop.IsCancellationRequested)
            {
                double shrunk = Math.Max(t0, found ?? t0) * (1 + 1e-6) + 1e-9;
                if (shrunk < ShrinkFactor * radius) radius = Math.Max(shrunk, proven);
                else firstSolutionOnly = false;
                continue;
            }
            double bound = double.IsFinite(result.BestBound) ? ball.RadiusOf(result.BestBound - margin * Math.Abs(result.BestBound)) : result.BestBound;
            double lower = Math.Max(proven, Math.Min(Deflate(bound), radius));
            bool stoppedOnIncumbent = stopAtIncumbent && result.Objective <= options.StopAtIncumbent;
            if (!stoppedOnIncumbent || witnesses.BestValue < query.Threshold) return (lower, limited);
            stopAtIncumbent = false;
        }
    }

    /// <summary>Each infeasible ball is followed by one this much larger (measured: 2 makes the last ball too hard).</summary>
    private const double GrowthFactor = 1.5;

    /// <summary>A threshold stop that survives the safety deflation of the bound.</summary>
    private static double Inflate(double value) => value + 2 * (SafetyRelative * Math.Abs(value) + SafetyAbsolute);

    /// <summary>The first ball searched has radius maxRadius / this.</summary>
    private const int InitialFraction = 8;

    /// <summary>Bisection on r for one direction: is there a separated pair with equal outputs in the ball of radius r?
    /// Feasible: r is an upper bound (with the pair as witness); infeasible: r is a lower bound.</summary>
    private (double Lower, bool TimedOut) Bisect(TwoCopyQuery query, SeparationDirection direction, PairWitnesses witnesses, SolverMessageLog solverMessages, Stopwatch clock, CancellationTokenSource stop)
    {
        double low = 0, high = query.MaxRadius;
        bool highFeasible = false;
        while (high - low > Math.Max(query.RelativeGap * high, 1e-9) && !stop.IsCancellationRequested)
        {
            double remaining = query.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
            if (remaining <= 0) return (Deflate(low), true);
            double r = highFeasible ? (low + high) / 2 : high;
            var built = Build(query, direction, r, feasibilityOnly: true, hint: witnesses.Best);
            var options = new SolveOptions
            {
                TimeLimitSeconds = remaining,
                ExtraScipParameters = "limits/solutions = 1\n" + ScipWorkarounds.ForFreeInputs(query.FixedInputs.Count(f => !f)),
            };
            var (result, _, messages) = NumericsRetry.Run(solver, built.Model, options, direction.Name, stop.Token);
            solverMessages.Add(messages);
            if (result.Status == SolveStatus.Infeasible)
            {
                if (!highFeasible) return (Deflate(high), false);
                low = r;
            }
            else if (result.Values is not null)
            {
                var (x, y) = built.PairAt(result.Values);
                double value = witnesses.Offer(x, y) ?? r;
                high = Math.Min(r, Math.Max(value, low));
                highFeasible = true;
            }
            else return (Deflate(low), true);
        }
        return (Deflate(low), false);
    }

    private static double Deflate(double value) => double.IsFinite(value) ? value - SafetyRelative * Math.Abs(value) - SafetyAbsolute : value;
}
