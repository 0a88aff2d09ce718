namespace VerifyGate.Core.Problems;

/// <summary>SCIP settings that keep the engines sound where SCIP itself is not.</summary>
public static class ScipWorkarounds
{
    /// <summary>With a single free input every tangent (and every input difference) is a multiple of one variable,
    /// and SCIP 10's presolve at feastol 1e-9 collapsed such models into false optima (max g = 0) and false
    /// infeasibilities: unsound bounds, found by the soundness trials (tests/…/Trials/Regressions). Presolve is
    /// worth nothing on these one-dimensional problems; on larger ones it is (turning it off everywhere made
    /// the Brusselator radius tests 1.7 times slower), so it is off only here.</summary>
    public static string ForFreeInputs(int freeInputs) => freeInputs == 1 ? NoPresolve : "";

    /// <summary>The gradient encoding's models (a chain of equalities G_k = Wᵀ G_y through big-M products) met the same
    /// presolve fault on three free inputs: on a random network (seed 1 of the oracle cases, the lower quarter of its box,
    /// l_inf → l1, covector (1, −1)) SCIP reported "optimal" at 2.0703 where fixing the binaries to a region's pattern gave a
    /// feasible 2.1414, the exact constant; with presolve off it proves 2.1414. Presolve is off for every such model.</summary>
    public const string ForGradientEncoding = NoPresolve;

    private const string NoPresolve = "presolving/maxrounds = 0\n";
}
