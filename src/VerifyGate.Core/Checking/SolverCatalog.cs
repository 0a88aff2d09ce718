using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking;

/// <summary>The MIP back end behind each <c>solver</c> choice. SCIP (bundled with OR-Tools) is the only
/// one in this build; HiGHS and Gurobi are refused with a message.</summary>
public static class SolverCatalog
{
    /// <summary>The solver, or null with the reason it is not available.</summary>
    public static (IMipSolver? Solver, string? Unavailable) Get(SolverChoice choice) => choice switch
    {
        SolverChoice.Scip => (ScipSolver.Instance, null),
        SolverChoice.Highs => (null, "solver highs is not available in this build; use scip"),
        SolverChoice.Gurobi => (null, "solver gurobi is not installed; use scip"),
        _ => (null, $"unknown solver {choice}"),
    };

    public static string Name(SolverChoice choice) => choice.ToString().ToLowerInvariant();

    /// <summary>Settings outside the model that change what the solver computes (part of the cache key).</summary>
    public static string Settings => Environment.GetEnvironmentVariable("VERIFYGATE_SCIP_PARAMS") ?? "";
}
