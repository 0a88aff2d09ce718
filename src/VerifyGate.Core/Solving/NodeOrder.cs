namespace VerifyGate.Core.Solving;

/// <summary>Which open node of its branch-and-bound tree the solver works on next.</summary>
public enum NodeOrder
{
    /// <summary>SCIP's default: best estimate with plunging, which hunts for good incumbents first.</summary>
    SolverDefault,

    /// <summary>Always the node with the weakest bound, never diving: the proven bound falls as fast as it can, at the price
    /// of later incumbents. For solves whose product is the bound.</summary>
    BestBound,

    /// <summary>SCIP's best-estimate selector taking the weakest-bound node every second time, never diving: most of the fall
    /// of <see cref="BestBound"/>'s bound, with incumbents in between. For solves that may end on either side.</summary>
    Alternating,
}
