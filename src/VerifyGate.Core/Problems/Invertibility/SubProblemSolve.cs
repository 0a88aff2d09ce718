using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>A built sub-problem: its model and how to read the pair (x, y) out of a solution.</summary>
public sealed record SubProblemModel(MipModel Model, Func<double[], (double[] X, double[] Y)> PairAt);

/// <summary>One solve of a sub-problem with SCIP's numerics retries (as in the Lipschitz engine): the same
/// tight tolerance along another search path, then a looser tolerance whose bound gets a wider margin.
/// Returns the result and the relative margin its bound must be widened by.</summary>
public static class SubProblemSolve
{
    private sealed record NumericsLevel(double FeasibilityTolerance, double ExtraRelativeMargin, string Parameters, NumericsLevel? Next)
    {
        public static readonly NumericsLevel Relaxed = new(1e-8, 2e-6, "randomization/randomseedshift = 11\n", null);
        public static readonly NumericsLevel Reseeded = new(1e-9, 0, "randomization/randomseedshift = 7\n", Relaxed);
        public static readonly NumericsLevel Tight = new(1e-9, 0, "", Reseeded);
    }

    /// <summary>Few root cutting rounds and no restarts: as for the Lipschitz MIPs, SCIP's default cut loop
    /// barely moves the bound of these big-M models.</summary>
    public const string TunedScipParameters = "separating/maxroundsroot = 3\nseparating/maxrounds = 0\npresolving/maxrestarts = 0\nheuristics/completesol/maxunknownrate = 1\n";

    private static readonly bool SolverLog = Environment.GetEnvironmentVariable("VERIFYGATE_SOLVER_LOG") == "1";

    public static (SolveResult Result, double ExtraRelativeMargin) Run(IMipSolver solver, MipModel model, SolveOptions options,
        string name, CancellationToken cancellation)
    {
        var level = NumericsLevel.Tight;
        while (true)
        {
            var tuned = options with
            {
                FeasibilityTolerance = level.FeasibilityTolerance,
                EnableOutput = options.EnableOutput || SolverLog,
                ExtraScipParameters = TunedScipParameters + level.Parameters + (options.ExtraScipParameters ?? "")
                                      + (Environment.GetEnvironmentVariable("VERIFYGATE_SCIP_PARAMS")?.Replace(';', '\n') ?? ""),
            };
            var result = solver.Solve(model, tuned, cancellation);
            if (result.Status != SolveStatus.Error) return (result, level.ExtraRelativeMargin);
            level = level.Next ?? throw new SolverFailureException($"the solver failed on sub-problem '{name}': {result.Message}");
        }
    }
}
