using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Problems;

/// <summary>What every engine returns: certified bounds on its quantity. The bound on the solver's side
/// comes from proven solver bounds (with a safety margin); the other from <see cref="Witness"/> only.</summary>
public sealed record CertifiedBounds
{
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    /// <summary>The concrete inputs behind the witness-side bound, confirmed by the model oracle.</summary>
    public Witness? Witness { get; init; }
    public bool TimedOut { get; init; }
    /// <summary>The smallest value of the quantity the engine tells from zero (<see cref="Problems.Resolution"/>);
    /// an atMost threshold below it was decided against it. Null for kinds without one.</summary>
    public double? Resolution { get; init; }
    /// <summary>The caller's cancellation token fired during the run: the bounds are those reached by then.</summary>
    public bool Cancelled { get; init; }
    public required string Solver { get; init; }
    public int SubProblems { get; init; }
    public int UnstableNeurons { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>Anything the user should know (for example a witness ONNX Runtime did not confirm).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Best certified bounds known while a solve runs (for progress displays).</summary>
/// <param name="OpenNodes">Nodes still open in a branch-and-bound search; null for a single solve.</param>
public readonly record struct BoundsProgress(TimeSpan Elapsed, double? Lower, double? Upper, int? OpenNodes = null);
