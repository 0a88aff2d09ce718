using VerifyGate.Core.Problems;
using VerifyGate.Core.Search;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>How <see cref="InputSplittingLipschitz"/> spends its time.</summary>
public sealed record InputSplittingOptions
{
    /// <summary>A box's engine time slice: this fraction of the time left, at least <see cref="MinimumSliceSeconds"/>.</summary>
    public double SliceFraction { get; init; } = 0.04;
    public double MinimumSliceSeconds { get; init; } = 0.5;
    /// <summary>Boxes shallower than this are split without being solved (tests use it to force splitting).</summary>
    public int SplitWithoutSolvingBelowDepth { get; init; }
    /// <summary>A box this deep is never split again: its bounds are final.</summary>
    public int MaximumDepth { get; init; } = 60;
    /// <summary>Boxes with more unstable ReLUs than this get no MIP, only interval bounds, and are split.
    /// The limit adapts: it grows past boxes the MIP closes within their slice and shrinks below those it
    /// does not.</summary>
    public double InitialSolverUnstableLimit { get; init; } = 40;
    /// <summary>Boxes get a MIP only when the query has more free inputs than this or enumeration is off (and, at any size, past the depth
    /// where splitting stops excluding thin patterns). Over fewer, splitting down to boxes whose patterns are enumerated
    /// is faster (60 s limit: cartpole l_inf with box MIPs [17.24, 20.61], without them exact in 11.9 s; ACAS Xu 1_1 l_inf
    /// exact in 25 s without them).</summary>
    public int SolverAboveFreeInputs { get; init; } = 6;
    /// <summary>Boxes whose unstable ReLUs' phases can be enumerated within this much Jacobian work
    /// (patterns x parameters x inputs) are bounded by <see cref="EnumeratedPatterns"/>, without a MIP; 0 turns it off.</summary>
    public double EnumerationWorkLimit { get; init; } = EnumeratedPatterns.WorkLimit;
    /// <summary>How nodes are split: bisecting an input, or fixing an unstable ReLU's phase (<see cref="SplitNeuron"/>).
    /// <see cref="Branching.Auto"/> branches on ReLUs over more than <see cref="ActivationBranchingAboveFreeInputs"/> free inputs.</summary>
    public Branching Branching { get; init; } = Branching.Auto;
    public int ActivationBranchingAboveFreeInputs { get; init; } = 16;
    /// <summary>Share of the time limit the plain engine first gets on the whole box (0: none). Its bound caps every
    /// node and its witness (the MIP's incumbents) is kept: ReLU-phase branching's nodes find few witnesses of their own.</summary>
    public double RootEngineShare { get; init; }
    /// <summary>Boxes bounded at the same time (each engine run also solves its sub-problems in parallel).</summary>
    public int Workers { get; init; } = CoreBudget.Shared.Size;
    /// <summary>The cores a box's solver-free bounding and split scoring hold while they run (the engine's MIPs draw
    /// on the budget of the solver they are given: the checker's is the same process budget).</summary>
    public CoreBudget Budget { get; init; } = CoreBudget.Shared;
}

public enum Branching
{
    Auto,
    Inputs,
    Activations,
}

/// <summary>Branch and bound for L_{p,q}: <see cref="BranchAndBound{TNode}"/> over parts of the domain, each bounded
/// by <see cref="LipschitzBoxDomain"/>; a part is a sub-box (input branching) or the part of the box where some ReLUs
/// have fixed phases (ReLU-phase branching, <see cref="InputSplittingOptions.Branching"/>).
/// Soundness: L over a box is the supremum of the Jacobian norm over its points of differentiability, and each such
/// point lies in one part of any cover, sub-boxes or the two phases of a ReLU: the largest node bound is an upper bound.
/// A witness pair is a pair of the box wherever a node found it.</summary>
public sealed class InputSplittingLipschitz(IMipSolver solver, InputSplittingOptions? options = null)
{
    private readonly InputSplittingOptions _options = options ?? new InputSplittingOptions();

    /// <summary>How the search's note of its node counts begins, by what it branched on.</summary>
    public const string InputBranchingNote = "input splitting", PhaseBranchingNote = "ReLU-phase branching";

    public static bool IsSearchNote(string note) =>
        note.StartsWith(InputBranchingNote + ":", StringComparison.Ordinal) || note.StartsWith(PhaseBranchingNote + ":", StringComparison.Ordinal);

    public CertifiedBounds Solve(LipschitzQuery query, IModelOracle? oracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        query = query.AtResolution();
        var domain = new LipschitzBoxDomain(query, solver, oracle, _options);
        var search = new BranchAndBound<SplitBox>(domain, new SearchOptions
        {
            Workers = _options.Workers,
            // Each activation split fixes one ReLU: as deep as there are unstable ReLUs.
            MaximumDepth = domain.BranchesOnActivations ? Math.Max(_options.MaximumDepth, domain.RootUnstable) : _options.MaximumDepth,
            SplitWithoutBoundingBelowDepth = _options.SplitWithoutSolvingBelowDepth,
        });
        var goal = new SearchGoal(query.Exact ? null : query.AtMost, query.RelativeGap, 10 * LipschitzEngine.SafetyAbsolute);
        var relay = progress is null ? null : new SearchProgressRelay(progress);
        var (root, rootElapsed) = (default(NodeResult), TimeSpan.Zero);
        if (_options.RootEngineShare > 0 && double.IsFinite(query.TimeLimitSeconds))
        {
            var engine = new LipschitzEngine(solver).Solve(query with { TimeLimitSeconds = _options.RootEngineShare * query.TimeLimitSeconds },
                oracle, progress, cancellation, domain.Root.Bounds);
            if (!engine.TimedOut || engine.Cancelled) return engine;  // settled (or stopped) on the root
            root = new NodeResult(engine.Upper ?? double.PositiveInfinity, engine.Witness is null ? null : engine.Lower, engine.Witness, Final: false, engine.Notes);
            rootElapsed = engine.Elapsed;
        }
        var result = search.Run(domain.Root, root, goal, query.TimeLimitSeconds - rootElapsed.TotalSeconds, relay, cancellation);
        // Every node's bound covers its part and every witness is a pair of the box: a witness above the largest bound is a solver's fault.
        if (double.IsFinite(result.Upper)) WitnessBeyondBound.Check(result.Lower, result.Upper, "L");
        return new CertifiedBounds
        {
            Lower = result.Lower ?? 0,
            Upper = double.IsFinite(result.Upper) ? result.Upper : null,
            Witness = result.Witness,
            TimedOut = result.TimedOut,
            Resolution = Resolution.Floor,
            Cancelled = result.Cancelled,
            Solver = solver.Version,
            SubProblems = domain.Solved,
            UnstableNeurons = domain.RootUnstable,
            Elapsed = rootElapsed + result.Elapsed,
            Notes = [.. result.Notes,  $"{(domain.BranchesOnActivations ? PhaseBranchingNote : InputBranchingNote)}: {domain.Solved} boxes solved by the MIP, {domain.Exact} inside one linear region, {domain.Enumerated} by their activation patterns, {domain.Evaluated} bounded by intervals only, {result.NodesOpen} left open; {domain.EmptyPatterns} activation patterns proven empty by LP"],
        };
    }
}

/// <summary>One node of the Lipschitz search: a box [Low, High] of the cover with the count of its unstable ReLUs and, when
/// the split scoring computed them, its pre-activation bounds. Under activation branching the node is the part of the box
/// where <see cref="FixedPhases"/> ReLUs have the phases its <see cref="Bounds"/> give them (<see cref="PhaseSplit"/>).</summary>
internal sealed record SplitBox(double[] Low, double[] High, int Unstable, Bounds.NetworkBounds? Bounds = null, int FixedPhases = 0);
