using VerifyGate.Core.Bounds;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>The invertibility kind (D) by the shared branch and bound over pairs of boxes (<see cref="InvertibilitySearchDomain"/>),
/// for boxes with few free inputs (<see cref="InvertibilityMethod.Search"/>). The search's certified interval is D's:
/// every node's bound is a proven bound on ‖x − y‖_p over its feasible pairs, its lower end the best confirmed pair
/// (or 0: x = y is always feasible).</summary>
public sealed class InvertibilitySearch(IMipSolver solver)
{
    /// <summary>Over more free inputs than this the pairs of boxes would be too many; the per-objective MIPs are used.</summary>
    public const int MaximumFreeInputs = 4;

    public CertifiedBounds Solve(TwoCopyQuery query, IModelOracle? oracle, IProgress<BoundsProgress>? progress, CancellationToken cancellation)
    {
        var free = Enumerable.Range(0, query.Lower.Length).Where(i => !query.FixedInputs[i]).ToArray();
        double diameter = VectorNorm.Norm(free.Select(i => query.Upper[i] - query.Lower[i]).ToArray(), query.InputNorm);
        double resolution = Resolution.Of(diameter);
        query = query with { Threshold = query.Threshold is double given ? Resolution.Effective(given, resolution) : null };
        var witnesses = new PairWitnesses(query, oracle, null, resolution);
        var messages = new SolverMessageLog();
        var rootBounds = BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        MagnitudeGuard.CheckPreActivation(rootBounds, query.BigMLimit);   // every node's bounds lie within the root's
        var domain = new InvertibilitySearchDomain(query, solver, witnesses, messages, resolution);
        var goal = new SearchGoal(query.Exact ? null : query.Threshold, query.RelativeGap, Math.Max(1e-9, resolution));
        var search = new BranchAndBound<InvertibilityNode>(domain, new SearchOptions { MaximumDepth = MaximumDepth });
        var relay = progress is null ? null : new Progress(progress);
        var result = search.Run(domain.Root, null, goal, query.TimeLimitSeconds, relay, cancellation);

        double lower = witnesses.BestValue ?? 0;
        double upper = Math.Max(lower, Math.Min(diameter * (1 + 1e-12) + 1e-15, Math.Max(0, result.Upper)));
        var notes = new List<string>
        {
            PairWitnesses.AcceptanceNote(query),
            $"invertibility search over pairs of boxes: {result.NodesBounded} pairs bounded, {domain.Solved} by the MIP ({domain.SolverTime.TotalSeconds:0.0} s of solver time), " +
            $"{domain.Injective} proven one-to-one by their interval Jacobian, {domain.ByDifferences} settled by their difference bounds, {result.NodesOpen} left open",
        };
        notes.AddRange(witnesses.Notes);
        notes.AddRange(messages.Notes);
        WitnessBeyondBound.Check(lower, upper, "D");
        return new CertifiedBounds
        {
            Lower = lower,
            Upper = upper,
            Witness = witnesses.Best,
            TimedOut = result.TimedOut || result.Cancelled,
            Cancelled = result.Cancelled,
            Resolution = resolution,
            Solver = solver.Version,
            SubProblems = domain.Solved,
            UnstableNeurons = rootBounds.TotalUnstable,
            Elapsed = result.Elapsed,
            Notes = notes,
        };
    }

    /// <summary>As for the radius search: boxes split to the resolution in each free coordinate of both copies.</summary>
    private const int MaximumDepth = 200;

    private sealed class Progress(IProgress<BoundsProgress> target) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) =>
            target.Report(new BoundsProgress(value.Elapsed, Math.Max(0, value.Lower ?? 0), Math.Max(0, value.Upper), value.OpenNodes));
    }
}
