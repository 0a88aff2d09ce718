namespace VerifyGate.Core.Problems;

/// <summary>SCIP settings that keep the engines sound where SCIP itself is not.</summary>
public static class ScipWorkarounds
{
    /// <summary>With a single free input every tangent (and every input difference) is a multiple of one variable,
    /// and SCIP 10's presolve at feastol 1e-9 collapsed such models into false optima (max g = 0) and false
    /// infeasibilities: unsound bounds, found by the soundness trials (tests/…/Trials/Regressions). Presolve is
    /// worth nothing on these one-dimensional problems; on larger ones it is (turning it off everywhere made
    /// the Brusselator radius tests 1.7 times slower), so it is off only here.</summary>
    public static string ForFreeInputs(int freeInputs) => freeInputs == 1 ? "presolving/maxrounds = 0\n" : "";
}
