namespace VerifyGate.Core.Solving;

/// <summary>A solver whose every solve holds a slot of a <see cref="CoreBudget"/> while it runs. The solve's
/// time limit counts from when it has its slot (the solver's own clock starts then), so a solve that waited
/// still gets its full limit (<see cref="SolveResult.Elapsed"/> is the solve's own time, without the wait). A cancellation while
/// waiting returns at once with nothing proven, as a solve cancelled before it started.</summary>
public sealed class BudgetedSolver(IMipSolver inner, CoreBudget budget) : IMipSolver
{
    public IMipSolver Inner => inner;

    public string Version => inner.Version;

    public SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken = default)
    {
        CoreSlot slot;
        try
        {
            slot = budget.Hold(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SolveResults.NotStarted(model, TimeSpan.Zero, inner.Version);
        }
        using (slot)
            return inner.Solve(model, options, cancellationToken);
    }

    /// <summary>Wraps <paramref name="solver"/> unless it already draws on this budget.</summary>
    public static IMipSolver Over(IMipSolver solver, CoreBudget budget) =>
        solver is BudgetedSolver b && ReferenceEquals(b.Budget, budget) ? solver : new BudgetedSolver(solver, budget);

    private CoreBudget Budget => budget;
}
