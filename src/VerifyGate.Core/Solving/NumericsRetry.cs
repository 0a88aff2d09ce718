namespace VerifyGate.Core.Solving;

/// <summary>One solve with SCIP's numerics retries, for the big-M models of every engine. A solve that
/// ends in <see cref="SolveStatus.Error"/> (SCIP gave up on "unresolved numerical troubles", or printed an
/// error: see <see cref="SolveResults.WithMessages"/>) is never used; it is retried with the same tight
/// tolerance along another search path, then once with a looser tolerance whose bound must be widened by
/// <see cref="RetriedSolve.ExtraRelativeMargin"/>. When every level fails: <see cref="SolverFailureException"/>.</summary>
public static class NumericsRetry
{
    private sealed record Level(double FeasibilityTolerance, double ExtraRelativeMargin, string Parameters, Level? Next)
    {
        public static readonly Level Relaxed = new(1e-8, 2e-6, "randomization/randomseedshift = 11\n", null);
        public static readonly Level Reseeded = new(1e-9, 0, "randomization/randomseedshift = 7\n", Relaxed);
        public static readonly Level Tight = new(1e-9, 0, "", Reseeded);
    }

    /// <summary>Few root cutting rounds and no restarts: SCIP's default cut loop barely moves the bound of
    /// these big-M models and costs several times more (docs/benchmarks.md).</summary>
    public const string TunedScipParameters = "separating/maxroundsroot = 3\nseparating/maxrounds = 0\npresolving/maxrestarts = 0\nheuristics/completesol/maxunknownrate = 1\n";

    /// <summary>Solves <paramref name="model"/> with <paramref name="options"/> plus the tuned parameters, the
    /// level's tolerance and seed, and VERIFYGATE_SCIP_PARAMS (';'-separated, for experiments).</summary>
    /// <param name="name">The sub-problem's name, for the failure message.</param>
    public static RetriedSolve Run(IMipSolver solver, MipModel model, SolveOptions options, string name, CancellationToken cancellation)
    {
        var messages = new List<string>();
        for (var level = Level.Tight; ; )
        {
            var tuned = options with
            {
                FeasibilityTolerance = level.FeasibilityTolerance,
                EnableOutput = options.EnableOutput || SolverMessageCapture.EchoToConsole,
                ExtraScipParameters = TunedScipParameters + level.Parameters + (options.ExtraScipParameters ?? "")
                                      + (Environment.GetEnvironmentVariable("VERIFYGATE_SCIP_PARAMS")?.Replace(';', '\n') ?? ""),
            };
            var result = solver.Solve(model, tuned, cancellation);
            messages.AddRange(result.SolverMessages.Select(m => $"SCIP on sub-problem '{name}': {m}"));
            if (result.Status != SolveStatus.Error) return new RetriedSolve(result, level.ExtraRelativeMargin, messages.Distinct().ToArray());
            level = level.Next
                ?? throw new SolverFailureException($"the solver failed on sub-problem '{name}': {result.Message}", messages.Distinct().ToArray());
        }
    }
}

/// <param name="Result">A solve that did not fail (any status but <see cref="SolveStatus.Error"/>).</param>
/// <param name="ExtraRelativeMargin">How much wider (relative) its bound must be made: the looser retry's price.</param>
/// <param name="SolverMessages">What the solver printed on this and the failed attempts, for the result's notes.</param>
public sealed record RetriedSolve(SolveResult Result, double ExtraRelativeMargin, IReadOnlyList<string> SolverMessages);
