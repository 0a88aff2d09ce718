using VerifyGate.Core.Bounds;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>The radius kinds by the shared branch and bound over boxes of the ball (<see cref="RadiusSearchDomain"/>),
/// for balls with few free inputs (<see cref="RadiusMethod.Search"/>).
/// The search maximises v = −t; its certified interval [lower_v, upper_v] becomes the radius interval
/// [min(maxRadius, −upper_v), −lower_v]: every node's bound is a proven lower bound on t over it (−∞ in v only for
/// nodes that hold no pair within maxRadius), and lower_v is the best confirmed pair.</summary>
internal sealed class RadiusSearch(IMipSolver solver)
{
    /// <summary>Over more free inputs than this the boxes would be too many; the per-direction MIPs are used.</summary>
    public const int MaximumFreeInputs = 4;

    public CertifiedBounds Solve(TwoCopyQuery query, IModelOracle? oracle, IProgress<BoundsProgress>? progress, CancellationToken cancellation)
    {
        var witnesses = new PairWitnesses(query, oracle, null);
        var messages = new SolverMessageLog();
        var rootBounds = BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        MagnitudeGuard.CheckPreActivation(rootBounds, query.BigMLimit);   // every node's bounds lie within the root's
        var domain = new RadiusSearchDomain(query, solver, witnesses, messages);
        var goal = new SearchGoal(query.Exact || query.Threshold is null ? null : -query.Threshold.Value, query.RelativeGap, 1e-9, Floor: double.NegativeInfinity);
        var search = new BranchAndBound<BoxPair>(domain, new SearchOptions { MaximumDepth = MaximumDepth });
        var relay = progress is null ? null : new Progress(progress, query.MaxRadius);
        var result = search.Run(domain.Root, null, goal, query.TimeLimitSeconds, relay, cancellation);

        double? upper = witnesses.BestValue;
        double lower = Math.Max(0, Math.Min(query.MaxRadius, -result.Upper));
        if (upper is double u) lower = Math.Min(lower, u);
        var notes = new List<string> { PairWitnesses.AcceptanceNote(query) };
        notes.Add($"radius search over boxes of the ball: {result.NodesBounded} boxes bounded, {domain.Solved} by the MIP ({domain.SolverTime.TotalSeconds:0.0} s of solver time), " +
                  $"{domain.Injective} proven one-to-one by their interval Jacobian, {domain.ByDifferences} without a separated pair by their difference bounds, {result.NodesOpen} left open");
        if (upper is null && !result.TimedOut && !result.Cancelled)
            notes.Add($"no separated pair with equal outputs exists within maxRadius {query.MaxRadius:G6}: the lower bound is maxRadius");
        notes.AddRange(witnesses.Notes);
        notes.AddRange(messages.Notes);
        return new CertifiedBounds
        {
            Lower = lower,
            Upper = upper,
            Witness = witnesses.Best,
            TimedOut = result.TimedOut || result.Cancelled,
            Cancelled = result.Cancelled,
            Solver = solver.Version,
            SubProblems = domain.Solved,
            UnstableNeurons = rootBounds.TotalUnstable,
            Elapsed = result.Elapsed,
            Notes = notes,
        };
    }

    /// <summary>A pair needs both boxes split to about δ in each free coordinate: deep, but each level halves one width.</summary>
    private const int MaximumDepth = 200;

    private sealed class Progress(IProgress<BoundsProgress> target, double maxRadius) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) =>
            target.Report(new BoundsProgress(value.Elapsed, Math.Max(0, Math.Min(maxRadius, -value.Upper)), -value.Lower, value.OpenNodes));
    }
}
