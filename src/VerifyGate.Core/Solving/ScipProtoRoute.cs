using System.Diagnostics;
using Google.OrTools.ModelBuilder;
using OrStatus = Google.OrTools.ModelBuilder.SolveStatus;
using Google.Protobuf;

namespace VerifyGate.Core.Solving;

/// <summary>Models with quadratic parts: MPModelProto → binary file → ModelBuilder → SCIP
/// (OR-Tools 9.15's C# API has no in-memory proto solve, and MPSolver has no quadratic terms).
/// OR-Tools does not forward interrupts to SCIP on this path (InterruptSolve returns true but SCIP
/// runs on), so a cancelled solve is abandoned: the call returns at once with nothing proven, and
/// the native solve finishes in the background within its time limit.</summary>
internal static class ScipProtoRoute
{
    public static SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken, string version)
    {
        var clock = Stopwatch.StartNew();
        if (cancellationToken.IsCancellationRequested) return SolveResults.NotStarted(model, clock.Elapsed, version);

        var modelHelper = Load(model);
        var solver = new ModelSolverHelper("scip");
        solver.EnableOutput(options.EnableOutput);
        if (double.IsFinite(options.TimeLimitSeconds)) solver.SetTimeLimitInSeconds(ScipParameters.EffectiveTimeLimit(options));
        solver.SetSolverSpecificParameters(ScipParameters.Build(options));

        var solve = Task.Factory.StartNew(() =>
        {
            using var capture = SolverMessageCapture.Begin();
            try { solver.Solve(modelHelper); }
            finally { GC.KeepAlive(modelHelper); }
            return capture.Lines;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            solve.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            solve.ContinueWith(_ => { solver.Dispose(); modelHelper.Dispose(); }, TaskScheduler.Default);
            return SolveResults.NoSolution(model, clock.Elapsed, version, cancelled: true);
        }

        using (solver)
        using (modelHelper)
            return SolveResults.WithMessages(model, Read(model, solver, clock.Elapsed, version, options), solve.Result);
    }

    private static ModelBuilderHelper Load(MipModel model)
    {
        string path = Path.Combine(Path.GetTempPath(), $"verifygate-{Guid.NewGuid():N}.pb");
        try
        {
            using (var file = File.Create(path)) MipProtoWriter.ToProto(model).WriteTo(file);
            var helper = new ModelBuilderHelper();
            if (!helper.ReadModelFromProtoFile(path))
            {
                helper.Dispose();
                throw new InvalidOperationException("OR-Tools could not read the model file it was given.");
            }
            return helper;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SolveResult Read(MipModel model, ModelSolverHelper solver, TimeSpan elapsed, string version, SolveOptions options)
    {
        var status = solver.Status();
        bool hasSolution = solver.HasSolution();
        double[]? values = null;
        if (hasSolution)
        {
            values = new double[model.VariableCount];
            for (int i = 0; i < values.Length; i++) values[i] = solver.VariableValue(i);
        }
        return status switch
        {
            OrStatus.OPTIMAL when hasSolution => SolveResults.Make(model, Solving.SolveStatus.Optimal, solver.ObjectiveValue(), solver.BestObjectiveBound(), values, elapsed, version),
            OrStatus.OPTIMAL or OrStatus.FEASIBLE when hasSolution => SolveResults.Make(model, Solving.SolveStatus.FeasibleAtLimit, solver.ObjectiveValue(), solver.BestObjectiveBound(), values, elapsed, version),
            OrStatus.INFEASIBLE => SolveResults.Infeasible(model, elapsed, version),
            OrStatus.UNBOUNDED => SolveResults.Unbounded(model, elapsed, version),
            OrStatus.NOT_SOLVED or OrStatus.FEASIBLE => SolveResults.NoSolution(model, elapsed, version, cancelled: false),
            _ => SolveResults.Error(model, $"SCIP returned {status}: {solver.StatusString()}", elapsed, version),
        };
    }
}
