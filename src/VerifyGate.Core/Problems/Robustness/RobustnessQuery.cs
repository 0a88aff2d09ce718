using VerifyGate.Core.Networks;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Search;

namespace VerifyGate.Core.Problems.Robustness;

/// <summary>One input box and the condition its outputs must meet everywhere in it.</summary>
public sealed record RobustnessCase(double[] Lower, double[] Upper, OutputCondition Condition);

/// <summary>What to compute: the worst margin, min over every case's box of its condition's margin, either exactly
/// or far enough to decide margin ≥ <see cref="AtLeast"/> (a strict condition at 0 needs margin &gt; 0).</summary>
public sealed record RobustnessQuery
{
    public required Network Network { get; init; }
    public required IReadOnlyList<RobustnessCase> Cases { get; init; }
    public double AtLeast { get; init; }
    public bool Exact { get; init; }
    public double RelativeGap { get; init; } = 1e-6;
    public double AbsoluteGap { get; init; } = 1e-9;
    public double TimeLimitSeconds { get; init; } = double.PositiveInfinity;
    /// <summary>What nodes are split on; Auto: inputs over at most <see cref="RobustnessDomain.InputBranchingMaxInputs"/>
    /// free inputs, ReLU phases over more.</summary>
    public Branching Branching { get; init; } = Branching.Auto;
    /// <summary>Look for counterexamples by gradient descent before the search (off only to test the search alone).</summary>
    public bool Attack { get; init; } = true;
    public int Seed { get; init; } = 12345;
    /// <summary>The search's options (tests force deep splitting with them).</summary>
    public SearchOptions? Search { get; init; }
}
