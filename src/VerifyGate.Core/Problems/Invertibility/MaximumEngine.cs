using VerifyGate.Core.Problems;
using System.Diagnostics;
using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>The maximisation kinds: D for <c>invertibility</c> (max ‖x − y‖_p) and M for <c>matching</c>
/// (max ‖g(x) − g(y)‖_q), both over x, y in the box with the coupled outputs within η.
/// Encoding: two forward copies of the model (and, for matching, two of the reference sharing their
/// inputs), each with its own binaries; fixed inputs are the same constant in every copy. The norm
/// objective is split into the sub-problems of <see cref="LipschitzObjective"/> (p = inf: max x_i − y_i
/// per free input, enough by the symmetry x ↔ y; p = 1: sign vectors; p = 2: one non-convex quadratic).
/// Upper bound: the largest proven bound, inflated; lower bound: a confirmed witness pair (else 0, x = y).</summary>
internal sealed class MaximumEngine(IMipSolver solver)
{
    public const double SafetyRelative = 1e-6;
    public const double SafetyAbsolute = 1e-9;

    public CertifiedBounds Solve(TwoCopyQuery query, IModelOracle? oracle, IModelOracle? referenceOracle,
        IProgress<BoundsProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        bool matching = query.Kind == TwoCopyKind.Matching;
        var bounds = BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        var referenceBounds = matching ? BoundPropagation.Compute(query.Reference!, query.Lower, query.Upper, query.BoundMethod) : null;
        MagnitudeGuard.CheckPreActivation(bounds, query.BigMLimit);
        if (referenceBounds is not null) MagnitudeGuard.CheckPreActivation(referenceBounds, query.BigMLimit);
        var free = Enumerable.Range(0, query.Lower.Length).Where(i => !query.FixedInputs[i]).ToArray();
        var outputs = query.SelectedOutputs;
        var solverMessages = new SolverMessageLog();
        int unstable = bounds.TotalUnstable + (referenceBounds?.TotalUnstable ?? 0);

        // The box's diameter (invertibility) or the certified output range (matching): the quantity's
        // trivial upper bound, and the scale of its resolution.
        double trivialUpper = matching
            ? VectorNorm.Norm(outputs.Select(o => bounds.Upper(query.Network.OutputIndex, o) - bounds.Lower(query.Network.OutputIndex, o)).ToArray(), query.OutputNorm)
            : VectorNorm.Norm(free.Select(i => query.Upper[i] - query.Lower[i]).ToArray(), query.InputNorm);
        double resolution = Resolution.Of(trivialUpper);
        trivialUpper = trivialUpper * (1 + 1e-12) + 1e-15;
        if (free.Length == 0)
            return new CertifiedBounds { Lower = 0, Upper = 0, Resolution = resolution, Solver = solver.Version, Elapsed = clock.Elapsed, Notes = ["every input is fixed: x = y is the only pair"] };
        var (difference, referenceDifference) = Differences(query, bounds, referenceBounds, outputs);
        var differenceNotes = new List<string>();
        if (!matching && difference is not null && query.DifferenceCap)
        {
            double cap = DifferenceCap(difference, free, query.InputNorm);
            differenceNotes.Add($"difference bounds: D <= {cap:G6} ({difference.LpSolved} LPs)");
            trivialUpper = Math.Min(trivialUpper, cap);
            if (query.Threshold is double t && !query.Exact && trivialUpper <= t || trivialUpper <= resolution)
                return new CertifiedBounds
                {
                    Lower = 0, Upper = trivialUpper, Resolution = resolution, Solver = solver.Version, Elapsed = clock.Elapsed, UnstableNeurons = unstable,
                    Notes = [$"decided by the difference bounds (LP over x - y with the output coupling): D <= {trivialUpper:G6}", PairWitnesses.AcceptanceNote(query)],
                };
        }

        query = query with { Threshold = query.Threshold is double given ? Resolution.Effective(given, resolution) : null };
        var witnesses = new PairWitnesses(query, oracle, referenceOracle, resolution);
        var notes = new List<string> { PairWitnesses.AcceptanceNote(query) };
        notes.AddRange(differenceNotes);
        int terms = matching ? outputs.Length : free.Length;
        var objectives = matching ? LipschitzObjective.For(query.OutputNorm, terms) : LipschitzObjective.For(query.InputNorm, terms);
        if (!query.SymmetryBreaking) objectives = [.. objectives, .. objectives.Select(LipschitzObjective.Negated)];
        if (UsesL2Surrogate(query, objectives))
        {
            objectives = LipschitzObjective.L2ByLargestTerm(terms);
            notes.Add($"l2 distances bounded through l_inf: D_2 <= sqrt({terms}) * D_inf (the threshold is below what a squared objective resolves)");
        }
        var objectiveUppers = objectives.Select(_ => double.PositiveInfinity).ToArray();
        bool timedOut = false;
        double Lower() => witnesses.BestValue ?? 0.0;
        double Upper() => Math.Min(trivialUpper, objectiveUppers.Max());
        progress?.Report(new BoundsProgress(clock.Elapsed, 0.0, trivialUpper));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = CoreBudget.Shared.Size };
        Parallel.For(0, objectives.Count, parallel, k =>
        {
            if (stop.IsCancellationRequested) return;
            var objective = objectives[k];
            SubProblemModel Build()
            {
                var model = new MipModel();
                var gx = new ForwardEncoding(model, bounds, "x_");
                var gy = new ForwardEncoding(model, bounds, "y_");
                LinearValue[] values;
                ForwardEncoding? fx = null, fy = null;
                if (matching)
                {
                    fx = new ForwardEncoding(model, referenceBounds!, "fx_", gx.Inputs);
                    fy = new ForwardEncoding(model, referenceBounds!, "fy_", gy.Inputs);
                    PairCoupling.AtMost(model, fx.Outputs, fy.Outputs, query.OutputNorm, query.OutputTolerance);
                    if (referenceDifference is not null && query.DifferenceRows) DifferenceRows.Add(model, fx, fy, referenceDifference);
                    values = outputs.Select(o => PairCoupling.Difference(model, gx.Outputs[o], gy.Outputs[o])).ToArray();
                }
                else
                {
                    PairCoupling.AtMost(model, outputs.Select(o => gx.Outputs[o]).ToArray(), outputs.Select(o => gy.Outputs[o]).ToArray(),
                        query.OutputNorm, query.OutputTolerance);
                    values = free.Select(i => PairCoupling.Difference(model, gx.Inputs[i], gy.Inputs[i])).ToArray();
                }
                if (difference is not null && query.DifferenceRows) DifferenceRows.Add(model, gx, gy, difference);
                objective.Apply(model, values);
                // x = y at the box's midpoint is always feasible (equal outputs): SCIP starts with an incumbent.
                var midpoint = query.Lower.Select((l, i) => (l + query.Upper[i]) / 2).ToArray();
                gx.HintAt(midpoint);
                gy.HintAt(midpoint);
                if (matching)
                {
                    fx!.HintAt(midpoint);
                    fy!.HintAt(midpoint);
                }
                model.HintRemaining(0.0);
                return new SubProblemModel(model, v => (gx.InputsAt(v), gy.InputsAt(v)));
            }
            var (upper, limited) = SolveSubProblem(query, objective, Build, witnesses, resolution, solverMessages, clock, stop);
            lock (objectiveUppers)
            {
                objectiveUppers[k] = upper;
                timedOut |= limited;
                progress?.Report(new BoundsProgress(clock.Elapsed, Lower(), Upper()));
            }
            if (!query.Exact && query.Threshold is double t && Lower() > t) stop.Cancel();  // decided: failed
        });
        notes.AddRange(witnesses.Notes);
        notes.AddRange(solverMessages.Notes);
        WitnessBeyondBound.Check(Lower(), Upper(), matching ? "M" : "D");
        return new CertifiedBounds
        {
            Lower = Lower(),
            Upper = Math.Max(Upper(), Lower()),
            Witness = witnesses.Best,
            TimedOut = timedOut || cancellation.IsCancellationRequested,
            Resolution = resolution,
            Cancelled = cancellation.IsCancellationRequested,
            Solver = solver.Version,
            SubProblems = objectives.Count,
            UnstableNeurons = unstable,
            Elapsed = clock.Elapsed,
            Notes = notes,
        };
    }

    /// <summary>The difference bounds of the two copies (and of the reference's, whose outputs are the coupled ones for
    /// matching); none unless <see cref="TwoCopyQuery.DifferenceRows"/> is on, or (for D) <see cref="TwoCopyQuery.DifferenceCap"/>.</summary>
    private static (DifferenceBounds? Model, DifferenceBounds? Reference) Differences(TwoCopyQuery query, NetworkBounds bounds,
        NetworkBounds? referenceBounds, int[] outputs)
    {
        if (!query.DifferenceRows && !(query.DifferenceCap && referenceBounds is null)) return (null, null);
        double budget = Math.Min(DifferenceBudgetSeconds, DifferenceTimeShare * query.TimeLimitSeconds);
        // |f_o(x) − f_o(y)| ≤ ‖f(x) − f(y)‖_q ≤ η for every q: the coupling bounds each output's difference.
        if (referenceBounds is null)
            return (DifferenceBounds.Compute(bounds, bounds, outputs, query.OutputTolerance, query.DifferenceLpRounds, budget), null);
        var referenceOutputs = Enumerable.Range(0, query.Reference!.OutputSize).ToArray();
        return (DifferenceBounds.Compute(bounds, bounds),
                DifferenceBounds.Compute(referenceBounds, referenceBounds, referenceOutputs, query.OutputTolerance, query.DifferenceLpRounds, budget));
    }

    private const double DifferenceBudgetSeconds = 5;
    private const double DifferenceTimeShare = 0.1;

    /// <summary>D ≤ ‖(max(|ΔL_i|, |ΔU_i|))_i‖_p over the free inputs.</summary>
    private static double DifferenceCap(DifferenceBounds difference, int[] free, NormKind p)
    {
        var reach = free.Select(i => Math.Max(Math.Abs(difference.Lower(0, i)), Math.Abs(difference.Upper(0, i)))).ToArray();
        return VectorNorm.Norm(reach, p) * (1 + 1e-12) + 1e-15;
    }

    /// <summary>A threshold below <see cref="LipschitzObjective.SquaredDecisionFloor"/> on an l2 quantity is decided
    /// on the unsquared value, by the linear surrogates (their incumbents are real pairs, and a square could not
    /// resolve it).</summary>
    private static bool UsesL2Surrogate(TwoCopyQuery query, IReadOnlyList<LipschitzObjective> objectives)
    {
        var norm = query.Kind == TwoCopyKind.Matching ? query.OutputNorm : query.InputNorm;
        return query.L2Surrogate && norm == NormKind.Two && !query.Exact && query.Threshold < LipschitzObjective.SquaredDecisionFloor
               && objectives.Any(o => o.Squared);
    }

    /// <summary>Solves one sub-problem; returns its certified upper bound (in the quantity's units).</summary>
    private (double Upper, bool TimedOut) SolveSubProblem(TwoCopyQuery query, LipschitzObjective objective, Func<SubProblemModel> build,
        PairWitnesses witnesses, double resolution, SolverMessageLog solverMessages, Stopwatch clock, CancellationTokenSource stop)
    {
        bool stopAtIncumbent = !query.Exact && query.Threshold.HasValue;
        double best = double.PositiveInfinity;
        while (true)
        {
            double remaining = query.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
            if (remaining <= 0) return (best, true);
            var built = build();
            var model = built.Model;
            double? decided = query.Exact ? witnesses.BestValue ?? 0.0 : query.Threshold * (1 - 2 * SafetyRelative) - 2 * SafetyAbsolute;
            var options = new SolveOptions
            {
                TimeLimitSeconds = remaining,
                RelativeGap = query.RelativeGap,
                // Closer than the resolution is closed: a maximum of 0 cannot be proven to 1e-9.
                AbsoluteGap = Math.Max(1e-9, objective.ToObjective(resolution)),
                StopAtBound = decided is double d ? objective.ObjectiveBelow(d) : null,
                StopAtIncumbent = stopAtIncumbent ? objective.ToObjective(query.Threshold!.Value) * (1 + 1e-7) + 1e-12 : null,
                ExtraScipParameters = ScipWorkarounds.ForFreeInputs(query.FixedInputs.Count(f => !f)),
            };
            var (result, margin, messages) = NumericsRetry.Run(solver, model, options, objective.Name, stop.Token);
            solverMessages.Add(messages);
            double bound = double.IsFinite(result.BestBound) ? result.BestBound + margin * Math.Abs(result.BestBound) : result.BestBound;
            best = Math.Min(best, objective.BoundFromObjective(bound + SafetyRelative * Math.Abs(bound) + SafetyAbsolute));
            if (result.Values is not null)
            {
                var (x, y) = built.PairAt(result.Values);
                witnesses.Offer(x, y);
            }
            bool stoppedOnIncumbent = stopAtIncumbent && result.Objective >= options.StopAtIncumbent;
            bool limited = result.Status is SolveStatus.FeasibleAtLimit or SolveStatus.NoSolutionAtLimit
                           && clock.Elapsed.TotalSeconds >= query.TimeLimitSeconds * 0.99;
            if (!stoppedOnIncumbent || witnesses.BestValue > query.Threshold) return (best, limited);
            stopAtIncumbent = false;  // the incumbent's pair was refused: search on without that stop
        }
    }
}
