namespace VerifyGate.Core.Solving;

/// <summary>Builds <see cref="SolveResult"/>s with sound bounds: SCIP's infinity (1e20) becomes
/// ±infinity, and a bound the solver did not prove becomes the trivial one.</summary>
internal static class SolveResults
{
    private const double ScipInfinity = 1e20;

    public static double Trivial(MipModel model) => model.Maximize ? double.PositiveInfinity : double.NegativeInfinity;

    public static SolveResult Make(MipModel model, SolveStatus status, double objective, double bound, double[]? values,
        TimeSpan elapsed, string version, bool cancelled = false)
    {
        return new SolveResult(status, objective, Clean(bound, model), values, elapsed, version, cancelled);
    }

    public static SolveResult Infeasible(MipModel model, TimeSpan elapsed, string version) =>
        new(SolveStatus.Infeasible, null, -Trivial(model), null, elapsed, version);

    public static SolveResult Unbounded(MipModel model, TimeSpan elapsed, string version) =>
        new(SolveStatus.Unbounded, null, Trivial(model), null, elapsed, version);

    public static SolveResult NoSolution(MipModel model, TimeSpan elapsed, string version, bool cancelled) =>
        new(SolveStatus.NoSolutionAtLimit, null, Trivial(model), null, elapsed, version, cancelled);

    public static SolveResult NotStarted(MipModel model, TimeSpan elapsed, string version) =>
        new(SolveStatus.NoSolutionAtLimit, null, Trivial(model), null, elapsed, version, Cancelled: true);

    public static SolveResult Error(MipModel model, string message, TimeSpan elapsed, string version) =>
        new(SolveStatus.Error, null, Trivial(model), null, elapsed, version, Message: message);

    /// <summary>A solve during which SCIP printed errors (an infinite coefficient, unresolved numerical
    /// troubles) is a failed solve whatever status it ended with: SCIP may have dropped a constraint or
    /// given up on an LP, so neither its bound nor its incumbent can be trusted.</summary>
    public static SolveResult WithMessages(MipModel model, SolveResult result, IReadOnlyList<string> messages)
    {
        if (messages.Count == 0) return result;
        string status = result.Status == SolveStatus.Error ? $"{result.Message} " : "";
        return Error(model, $"{status}SCIP reported an error: {messages[0]}", result.Elapsed, result.SolverVersion) with
        {
            Cancelled = result.Cancelled,
            SolverMessages = messages,
        };
    }

    private static double Clean(double value, MipModel model)
    {
        if (double.IsNaN(value)) return Trivial(model);
        if (value >= ScipInfinity) return double.PositiveInfinity;
        if (value <= -ScipInfinity) return double.NegativeInfinity;
        return value;
    }
}
