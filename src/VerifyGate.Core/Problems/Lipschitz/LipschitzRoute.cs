using VerifyGate.Core.Norms;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>What `check` runs for a Lipschitz property: input splitting (<see cref="InputSplittingLipschitz"/>) where it
/// measures faster, the plain engine (<see cref="LipschitzEngine"/>) with the whole limit everywhere else, so a property the
/// search would bound worse keeps the engine's own answer. The search takes a query with a time limit when
///   - at most <see cref="SplitInputLimit"/> inputs are free: a few splits per input make boxes whose activation patterns
///     are enumerated (cartpole, ACAS Xu: exact in seconds, where the engine alone ends far from it), or
///   - the whole box has at most twice as many unstable ReLUs as a box may enumerate: one or two splits per unstable
///     ReLU reach enumerable boxes (SDnet_10_30_30_30_3 on [0, 0.1]^10, 10 inputs, 21 unstable, (2, 2): exact in 3.9 s,
///     where the engine times out at 120 s).
/// Over many inputs and many unstable ReLUs the boxes multiply faster than their bounds improve (lunarlander, 8 inputs,
/// l_inf, 60 s: engine upper 122.7, splitting 130.6; mnist-net_256x2, 784 inputs: engine exact in 24 s, splitting
/// [13.1, 57.0]; docs/benchmarks.md). Branching on ReLU phases instead measured worse than the engine there too
/// (docs/benchmarks.md, "branching"): SCIP's own branching on the MIP's binaries has LP bounds, the search's nodes interval
/// ones. A query without a time limit goes to the engine, which ends exact.</summary>
public sealed class LipschitzRoute(IMipSolver solver, InputSplittingOptions? splitting = null)
{
    public const int SplitInputLimit = 6;

    /// <summary>Unstable ReLUs beyond which the plain engine's MIP stalls (mnist-net_256x2 at 0.01, 29 unstable: exact in
    /// 27-33 s; lunarlander, 128: [60.4, 119.5] after 60 s for l2).</summary>
    public const int PhaseBranchingAboveUnstable = 40;

    /// <summary>The plain engine's share of the time under ReLU-phase branching (its witnesses, and a first cap).</summary>
    public const double PhaseBranchingRootShare = 0.25;

    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        query = query.AtResolution();
        var options = splitting ?? new InputSplittingOptions();
        return Choose(query) switch
        {
            LipschitzMethod.InputBranching => new InputSplittingLipschitz(solver, options with { Branching = Branching.Inputs }).Solve(query, oracle, progress, cancellation),
            LipschitzMethod.PhaseBranching => new InputSplittingLipschitz(solver, options with { Branching = Branching.Activations, RootEngineShare = PhaseBranchingRootShare })
                .Solve(query, oracle, progress, cancellation),
            _ => new LipschitzEngine(solver).Solve(query, oracle, progress, cancellation),
        };
    }

    public bool Splits(LipschitzQuery query) => Choose(query) == LipschitzMethod.InputBranching;

    /// <summary>Over many inputs and many unstable ReLUs, l1 and l2 outputs measured tighter upper bounds with the engine's
    /// first quarter and ReLU-phase branching on the rest (lunarlander after 60 s: l1 112.3 against 122.5, l2 92.8 against
    /// 119.5, docs/benchmarks.md "branching"); l_inf outputs did not (132.8 against 122.7), and keep the engine.</summary>
    public LipschitzMethod Choose(LipschitzQuery query)
    {
        int free = query.FixedInputs.Count(f => !f);
        if (free == 0 || !double.IsFinite(query.TimeLimitSeconds)) return LipschitzMethod.Engine;  // L = 0 at once; or no limit to split
        if (free <= SplitInputLimit) return LipschitzMethod.InputBranching;
        var bounds = Bounds.BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        if (EnumeratedPatterns.Affordable(query.Network, (bounds.TotalUnstable + 1) / 2, (splitting ?? new InputSplittingOptions()).EnumerationWorkLimit))
            return LipschitzMethod.InputBranching;
        return query.OutputNorm != NormKind.Inf && bounds.TotalUnstable > PhaseBranchingAboveUnstable
            ? LipschitzMethod.PhaseBranching : LipschitzMethod.Engine;
    }
}

public enum LipschitzMethod
{
    Engine,
    InputBranching,
    PhaseBranching,
}
