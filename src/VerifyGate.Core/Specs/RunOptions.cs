namespace VerifyGate.Core.Specs;

/// <summary>What a property's outcome is when time runs out with the threshold between the bounds.</summary>
public enum InconclusivePolicy
{
    Fail,
    Warn,
}

public enum SolverChoice
{
    /// <summary>SCIP, bundled with OR-Tools; the default.</summary>
    Scip,
    /// <summary>HiGHS: linear problems only.</summary>
    Highs,
    /// <summary>Gurobi, when the user has it installed and licensed.</summary>
    Gurobi,
}
