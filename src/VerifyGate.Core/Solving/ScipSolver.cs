namespace VerifyGate.Core.Solving;

/// <summary>SCIP (bundled with OR-Tools) for MILPs and MIQCQPs. Linear models use MPSolver
/// (in memory, interruptible); models with quadratic terms use the MPModelProto route.
/// Thread-safe: every call creates its own SCIP instance.</summary>
public sealed class ScipSolver : IMipSolver
{
    private static readonly Lazy<string> LazyVersion = new(ReadVersion);

    public static ScipSolver Instance { get; } = new();

    public string Version => LazyVersion.Value;

    public SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return model.IsLinear
            ? ScipLinearRoute.Solve(model, options, cancellationToken, Version)
            : ScipProtoRoute.Solve(model, options, cancellationToken, Version);
    }

    private static string ReadVersion()
    {
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
        string scip = solver?.SolverVersion() ?? "SCIP (unavailable)";
        return $"{scip}; OR-Tools {Google.OrTools.Init.OrToolsVersion.VersionString()}";
    }
}
