namespace VerifyGate.Core.Solving;

/// <summary>A solve failed even after the numerics retries; <see cref="SolverMessages"/> holds what the
/// solver printed (for the result's notes).</summary>
public sealed class SolverFailureException(string message, IReadOnlyList<string>? solverMessages = null) : Exception(message)
{
    public IReadOnlyList<string> SolverMessages { get; } = solverMessages ?? [];
}
