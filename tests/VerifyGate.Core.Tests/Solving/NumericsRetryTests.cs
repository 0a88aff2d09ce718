using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Solving;

/// <summary>A solve the solver reported errors for is never used as a bound: <see cref="NumericsRetry"/>
/// retries it and keeps the messages for the notes; <see cref="SolveResults.WithMessages"/> turns any solve
/// with error output into an error, whatever status it ended with.</summary>
public class NumericsRetryTests
{
    private static MipModel Model()
    {
        var model = new MipModel();
        var x = model.AddContinuous(0, 10, "x");
        model.SetMaximize(new Expr().Add(x));
        return model;
    }

    /// <summary>Answers with the scripted results in order and records the options it was given.</summary>
    private sealed class ScriptedSolver(params SolveResult[] script) : IMipSolver
    {
        private int _next;
        public List<SolveOptions> Calls { get; } = [];
        public string Version => "scripted";

        public SolveResult Solve(MipModel model, SolveOptions options, CancellationToken cancellationToken = default)
        {
            Calls.Add(options);
            return script[_next++];
        }
    }

    private static SolveResult Optimal(double bound) => new(SolveStatus.Optimal, bound, bound, [bound], TimeSpan.Zero, "scripted");

    [Fact]
    public void An_optimal_solve_with_error_output_becomes_an_error_without_a_bound()
    {
        var model = Model();
        var reported = SolveResults.WithMessages(model, Optimal(1), ["[cons_linear.c:17812] ERROR: coefficient of variable <d2_0> is infinite"]);
        Assert.Equal(SolveStatus.Error, reported.Status);
        Assert.Equal(double.PositiveInfinity, reported.BestBound);
        Assert.Null(reported.Values);
        Assert.Contains("is infinite", reported.Message);
        Assert.Single(reported.SolverMessages);
    }

    [Fact]
    public void A_solve_without_error_output_is_unchanged()
    {
        var result = Optimal(3);
        Assert.Same(result, SolveResults.WithMessages(Model(), result, []));
    }

    [Fact]
    public void The_bound_of_a_reported_error_is_never_used_and_its_messages_are_kept()
    {
        var model = Model();
        // The failed solve claims a bound of 1 (the true optimum is 10): it must not be the answer.
        var broken = SolveResults.WithMessages(model, Optimal(1), ["[solve.c:4216] ERROR: (node 1) unresolved numerical troubles in LP 2 cannot be dealt with"]);
        var solver = new ScriptedSolver(broken, Optimal(10));

        var (result, margin, messages) = NumericsRetry.Run(solver, model, SolveOptions.Default, "max x", CancellationToken.None);

        Assert.Equal(10, result.BestBound);
        Assert.Equal(0, margin);
        Assert.Equal(2, solver.Calls.Count);
        Assert.Contains("randomseedshift", solver.Calls[1].ExtraScipParameters);
        var note = Assert.Single(messages);
        Assert.Contains("sub-problem 'max x'", note);
        Assert.Contains("unresolved numerical troubles", note);
    }

    [Fact]
    public void The_looser_retry_widens_the_bound()
    {
        var model = Model();
        var error = SolveResults.Error(model, "SCIP returned ABNORMAL.", TimeSpan.Zero, "scripted");
        var solver = new ScriptedSolver(error, error, Optimal(10));

        var retried = NumericsRetry.Run(solver, model, SolveOptions.Default, "max x", CancellationToken.None);

        Assert.Equal(1e-8, solver.Calls[2].FeasibilityTolerance);
        Assert.True(retried.ExtraRelativeMargin > 0);
    }

    [Fact]
    public void Errors_on_every_retry_fail_with_the_solver_messages()
    {
        var model = Model();
        var broken = SolveResults.WithMessages(model, Optimal(1), ["[cons_linear.c:17812] ERROR: coefficient is infinite"]);
        var solver = new ScriptedSolver(broken, broken, broken);

        var failure = Assert.Throws<SolverFailureException>(() => NumericsRetry.Run(solver, model, SolveOptions.Default, "max x", CancellationToken.None));

        Assert.Contains("max x", failure.Message);
        Assert.Contains("coefficient is infinite", failure.Message);
        Assert.Single(failure.SolverMessages);
    }

    [Fact]
    public void Scip_error_output_is_captured_not_printed()
    {
        // A coefficient beyond SCIP's infinity (1e20) makes SCIP print "[cons_linear.c:...] ERROR: ... is infinite"
        // (on the MPModelProto route OR-Tools' own validator refuses it first, with MODEL_INVALID: an error too).
        var model = new MipModel();
        var x = model.AddContinuous(0, 1, "x");
        var d = model.AddBinary("d");
        model.AddConstraint(double.NegativeInfinity, new Expr().Add(x).Add(d, -1e25), 0, "bigM");
        model.SetMaximize(new Expr().Add(x));

        var result = ScipSolver.Instance.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Error, result.Status);
        Assert.Equal(double.PositiveInfinity, result.BestBound);
        Assert.Contains(result.SolverMessages, m => m.Contains("ERROR:") && m.Contains("infinite"));
    }
}
