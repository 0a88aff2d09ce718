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
        var result = model.IsLinear
            ? ScipLinearRoute.Solve(model, options, cancellationToken, Version)
            : ScipProtoRoute.Solve(model, options, cancellationToken, Version);
        return WithDualLimitBound(model, options, result);
    }

    /// <summary>Neither OR-Tools route reports SCIP's dual bound when there is no incumbent. When SCIP
    /// stopped without an incumbent, before its time limit and without being cancelled, the only limit
    /// we set that can have stopped it is limits/dual: the proven bound is then at least as good as
    /// <see cref="SolveOptions.StopAtBound"/>.</summary>
    private static SolveResult WithDualLimitBound(MipModel model, SolveOptions options, SolveResult result)
    {
        // Only on the linear route, where MPSolver's mapping of SCIP's statuses is known (ABNORMAL =
        // a limit other than time without a solution); the quadratic route's NOT_SOLVED is ambiguous.
        if (!model.IsLinear || result.Status != SolveStatus.NoSolutionAtLimit || result.Cancelled || options.StopAtBound is not double limit)
            return result;
        if (double.IsFinite(options.TimeLimitSeconds) && result.Elapsed.TotalSeconds >= 0.95 * options.TimeLimitSeconds)
            return result;
        double bound = model.Maximize ? Math.Min(result.BestBound, limit) : Math.Max(result.BestBound, limit);
        return result with { BestBound = bound, Message = "stopped by the bound limit" };
    }

    private static string ReadVersion()
    {
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
        string scip = solver?.SolverVersion() ?? "SCIP (unavailable)";
        return $"{scip}; OR-Tools {Google.OrTools.Init.OrToolsVersion.VersionString()}";
    }
}
