namespace VerifyGate.Core.Bounds;

/// <summary>Limits of <see cref="LpTightening"/>.</summary>
public sealed record LpTighteningOptions
{
    /// <summary>Wall-clock budget for the LPs; neurons not reached keep their symbolic bounds
    /// (still sound). +infinity for none.</summary>
    public double TimeBudgetSeconds { get; init; } = double.PositiveInfinity;

    /// <summary>Solver threads per layer (neurons of one layer are independent; each thread has its
    /// own GLOP instance). 1 solves sequentially.</summary>
    public int Threads { get; init; } = 1;

    public static LpTighteningOptions Default { get; } = new();
}

/// <summary>What <see cref="LpTightening"/> did.</summary>
/// <param name="LpsSolved">LPs GLOP solved to optimality (two per neuron: min and max).</param>
/// <param name="LpsFailed">LPs without an optimal status (their bound was kept).</param>
/// <param name="NeuronsSkipped">Unstable neurons left with symbolic bounds because the budget ran out.</param>
public sealed record LpTighteningResult(
    NetworkBounds Bounds, int LpsSolved, int LpsFailed, int NeuronsSkipped, TimeSpan Elapsed)
{
    public bool BudgetExhausted => NeuronsSkipped > 0;
}
