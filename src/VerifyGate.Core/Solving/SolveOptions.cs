namespace VerifyGate.Core.Solving;

/// <summary>Limits and tolerances of one solve. "At least as good" means &gt;= for a
/// maximisation and &lt;= for a minimisation.</summary>
public sealed record SolveOptions
{
    /// <summary>Wall-clock limit; +infinity for none.</summary>
    public double TimeLimitSeconds { get; init; } = double.PositiveInfinity;

    /// <summary>Stop when |primal − dual| / min(|primal|, |dual|) is below this (SCIP limits/gap).</summary>
    public double RelativeGap { get; init; } = 1e-7;

    /// <summary>Stop when |primal − dual| is below this (SCIP limits/absgap).</summary>
    public double AbsoluteGap { get; init; } = 0;

    /// <summary>Feasibility tolerance for constraints and bounds; SCIP also uses it for integrality
    /// (numerics/feastol; SCIP's default is 1e-6, math.md rule 2 asks for tighter).</summary>
    public double FeasibilityTolerance { get; init; } = 1e-9;

    /// <summary>Stop as soon as an incumbent is at least as good as this (SCIP limits/primal).</summary>
    public double? StopAtIncumbent { get; init; }

    /// <summary>Stop as soon as the proven bound is at least as good as this (SCIP limits/dual):
    /// for a maximisation, once the upper bound is &lt;= this value.</summary>
    public double? StopAtBound { get; init; }

    /// <summary>The order in which the solver takes open nodes.</summary>
    public NodeOrder NodeOrder { get; init; } = NodeOrder.SolverDefault;

    /// <summary>Extra SCIP parameters, one "name = value" per line, applied last.</summary>
    public string? ExtraScipParameters { get; init; }

    /// <summary>Print SCIP's log to stdout.</summary>
    public bool EnableOutput { get; init; }

    public static SolveOptions Default { get; } = new();
}
