namespace VerifyGate.Core.Solving;

public enum SolveStatus
{
    /// <summary>Solved to the requested gap: the bound and the incumbent agree within it.</summary>
    Optimal,
    /// <summary>Stopped by a limit (time, threshold, cancellation) with an incumbent.</summary>
    FeasibleAtLimit,
    /// <summary>Proven infeasible.</summary>
    Infeasible,
    /// <summary>Proven unbounded (or the solver reported so).</summary>
    Unbounded,
    /// <summary>Stopped by a limit (time, threshold, cancellation) before any incumbent.</summary>
    NoSolutionAtLimit,
    /// <summary>Invalid model, invalid parameter or solver failure; see <see cref="SolveResult.Message"/>.</summary>
    Error,
}

/// <summary>What a solve proved and found.</summary>
/// <param name="Objective">Objective value of the incumbent as the solver reports it; null when there is none.</param>
/// <param name="BestBound">The proven bound on the optimum (for a maximisation an upper bound), always
/// sound: +infinity (maximisation) / −infinity (minimisation) when nothing is proven; for an
/// infeasible problem the empty optimum (−infinity for a maximisation).</param>
/// <param name="Values">Variable values of the incumbent; null when there is none.</param>
/// <param name="Cancelled">The solve was stopped through the cancellation token.</param>
public sealed record SolveResult(
    SolveStatus Status,
    double? Objective,
    double BestBound,
    double[]? Values,
    TimeSpan Elapsed,
    string SolverVersion,
    bool Cancelled = false,
    string? Message = null)
{
    public bool HasSolution => Values is not null;

    /// <summary>What the solver printed as errors during this solve (SCIP's "[file:line] ERROR: ..." lines).
    /// A solve with any is an <see cref="SolveStatus.Error"/>: its bound is never used.</summary>
    public IReadOnlyList<string> SolverMessages { get; init; } = [];
}
