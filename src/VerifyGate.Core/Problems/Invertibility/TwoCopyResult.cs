using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>Certified bounds on a two-copy quantity. For invertibility and matching (maximisations) the
/// lower bound comes from <see cref="Witness"/> and the upper bound from the solver; for the radius kinds
/// (minimisations) the lower bound comes from the solver and the upper bound from <see cref="Witness"/>.</summary>
public sealed record TwoCopyResult
{
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    /// <summary>The pair behind the witness-side bound, with both outputs (float64, the engine's own evaluation).</summary>
    public Witness? Witness { get; init; }
    public bool TimedOut { get; init; }
    public required string Solver { get; init; }
    public int SubProblems { get; init; }
    public int UnstableNeurons { get; init; }
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}
