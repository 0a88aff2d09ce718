namespace VerifyGate.Core.Solving;

/// <summary>A MIP / MIQCQP back end. Implementations must be safe to call concurrently on
/// different models.</summary>
public interface IMipSolver
{
    /// <summary>Name and version of the underlying solver, e.g. "SCIP 10.0.0 [LP solver: SoPlex 8.0.0]".</summary>
    string Version { get; }

    SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken = default);
}
