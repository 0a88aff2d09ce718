namespace VerifyGate.Core.Solving;

/// <summary>Which open node of its branch-and-bound tree the solver works on next.</summary>
public enum NodeOrder
{
    /// <summary>SCIP's default: best estimate with plunging, which hunts for good incumbents first.</summary>
    SolverDefault,

    /// <summary>Always the node with the weakest bound, never diving: the proven bound falls as fast as it can, at the price
    /// of later incumbents. For solves whose product is the bound.</summary>
    BestBound,
}
