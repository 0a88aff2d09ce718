using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace VerifyGate.Core.Solving;

/// <summary>Linear models go through OR-Tools' MPSolver with SCIP: no files, and SCIP's own
/// interrupt works (SCIPinterruptSolve), so cancellation returns promptly with the bound so far.</summary>
internal static class ScipLinearRoute
{
    public static SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken, string version)
    {
        using var capture = SolverMessageCapture.Begin();
        var result = SolveCapturing(model, options, cancellationToken, version);
        return SolveResults.WithMessages(model, result, capture.Lines);
    }

    private static SolveResult SolveCapturing(MipModel model, SolveOptions options, CancellationToken cancellationToken, string version)
    {
        var clock = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("SCIP")
            ?? throw new InvalidOperationException("OR-Tools was built without SCIP.");
        var vars = BuildModel(solver, model);
        if (model.Hint.Count > 0)
            solver.SetHint(model.Hint.Select(h => vars[h.Var]).ToArray(), model.Hint.Select(h => h.Value).ToArray());

        if (options.EnableOutput) solver.EnableOutput(); else solver.SuppressOutput();
        if (double.IsFinite(options.TimeLimitSeconds))
            solver.SetTimeLimit((long)Math.Ceiling(ScipParameters.EffectiveTimeLimit(options) * 1000));
        if (!solver.SetSolverSpecificParametersAsString(ScipParameters.Build(options)))
            return SolveResults.Error(model, "SCIP rejected the solver parameters.", clock.Elapsed, version);
        using var parameters = new MPSolverParameters();
        // MPSolver applies its own generic defaults (gap 1e-4, tolerance 1e-7): override them.
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.RelativeGap);
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.PRIMAL_TOLERANCE, options.FeasibilityTolerance);

        if (cancellationToken.IsCancellationRequested)
            return SolveResults.NotStarted(model, clock.Elapsed, version);

        Solver.ResultStatus status;
        bool cancelled;
        using (var interrupter = new CancellationInterrupter(cancellationToken, () => solver.InterruptSolve()))
        {
            status = solver.Solve(parameters);
            interrupter.Dispose();
            cancelled = interrupter.Fired;
        }

        bool hasSolution = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        double[]? values = null;
        if (hasSolution)
        {
            values = new double[vars.Length];
            for (int i = 0; i < vars.Length; i++) values[i] = vars[i].SolutionValue();
        }
        var objective = solver.Objective();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL when !cancelled => SolveResults.Make(model, SolveStatus.Optimal, objective.Value(), objective.BestBound(), values, clock.Elapsed, version),
            Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE => SolveResults.Make(model, SolveStatus.FeasibleAtLimit, objective.Value(), objective.BestBound(), values, clock.Elapsed, version, cancelled),
            Solver.ResultStatus.INFEASIBLE => SolveResults.Infeasible(model, clock.Elapsed, version),
            Solver.ResultStatus.UNBOUNDED => SolveResults.Unbounded(model, clock.Elapsed, version),
            Solver.ResultStatus.NOT_SOLVED => SolveResults.NoSolution(model, clock.Elapsed, version, cancelled),
            // MPSolver maps SCIP's "dual limit reached" without an incumbent to ABNORMAL; the dual limit
            // is the only limit of ours it can be (ScipSolver then reads the bound from the limit).
            Solver.ResultStatus.ABNORMAL when options.StopAtBound.HasValue && !cancelled => SolveResults.NoSolution(model, clock.Elapsed, version, cancelled),
            _ => SolveResults.Error(model, $"SCIP returned {status}.", clock.Elapsed, version),
        };
    }

    private static Variable[] BuildModel(Solver solver, MipModel model)
    {
        var vars = new Variable[model.VariableCount];
        for (int i = 0; i < vars.Length; i++)
            vars[i] = solver.MakeVar(model.VarLower(i), model.VarUpper(i), model.VarKindAt(i) != VarKind.Continuous, model.VarName(i) ?? "");
        for (int r = 0; r < model.LinearConstraintCount; r++)
        {
            var row = solver.MakeConstraint(model.RowLower(r), model.RowUpper(r), model.RowName(r) ?? "");
            for (int k = model.RowStart(r); k < model.RowEnd(r); k++) row.SetCoefficient(vars[model.RowVar(k)], model.RowCoef(k));
        }
        var objective = solver.Objective();
        for (int k = 0; k < model.ObjectiveVars.Length; k++) objective.SetCoefficient(vars[model.ObjectiveVars[k]], model.ObjectiveCoefs[k]);
        objective.SetOffset(model.ObjectiveOffset);
        objective.SetOptimizationDirection(model.Maximize);
        return vars;
    }
}
