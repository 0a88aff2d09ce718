using System.Diagnostics;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Solving;

public class BudgetedSolverTests
{
    private static readonly MipModel Small = TestModels.Knapsack([3, 4, 5], [2, 3, 4], 5);

    private static SolveResult Pause(MipModel model, int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return SolveResults.NoSolution(model, TimeSpan.FromMilliseconds(milliseconds), "pause", cancelled: false);
    }

    [Fact]
    public async Task At_most_the_budget_s_solves_run_at_once_across_callers()
    {
        var budget = new CoreBudget(2);
        var recorder = new ConcurrencyRecordingSolver((m, _, _) => Pause(m, 20));
        var solver = new BudgetedSolver(recorder, budget);

        var callers = Enumerable.Range(0, 6).Select(_ => Task.Factory.StartNew(() =>
        {
            for (int k = 0; k < 5; k++) solver.Solve(Small, SolveOptions.Default);
        }, TaskCreationOptions.LongRunning));
        await Task.WhenAll(callers);

        Assert.Equal(30, recorder.Calls);
        Assert.InRange(recorder.MostAtOnce, 1, 2);
        Assert.Equal(2, budget.Free);
    }

    [Fact]
    public void The_slot_is_released_when_the_solve_throws()
    {
        var budget = new CoreBudget(1);
        var solver = new BudgetedSolver(new ConcurrencyRecordingSolver((_, _, _) => throw new SolverFailureException("boom", [])), budget);

        Assert.Throws<SolverFailureException>(() => solver.Solve(Small, SolveOptions.Default));

        Assert.Equal(1, budget.Free);
        var next = new BudgetedSolver(ConcurrencyRecordingSolver.OverScip(), budget).Solve(Small, SolveOptions.Default);
        Assert.Equal(SolveStatus.Optimal, next.Status);
        Assert.Equal(7, next.Objective!.Value, 6);
    }

    [Fact]
    public async Task A_cancel_while_waiting_for_a_slot_returns_at_once_with_nothing_proven()
    {
        var budget = new CoreBudget(1);
        var recorder = new ConcurrencyRecordingSolver((m, _, _) => Pause(m, 1));
        using var held = budget.Hold(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = Task.Factory.StartNew(() => new BudgetedSolver(recorder, budget).Solve(Small, SolveOptions.Default, cancel.Token), TaskCreationOptions.LongRunning);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        cancel.Cancel();
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(result.Cancelled);
        Assert.Equal(SolveStatus.NoSolutionAtLimit, result.Status);
        Assert.Equal(double.PositiveInfinity, result.BestBound);
        Assert.Equal(0, recorder.Calls);
        Assert.Equal(0, budget.Free);
        held.Dispose();
        Assert.Equal(1, budget.Free);
    }

    [Fact]
    public void A_solve_that_waited_for_its_slot_gets_its_full_time_limit()
    {
        var budget = new CoreBudget(1);
        var recorder = ConcurrencyRecordingSolver.OverScip();
        var solver = new BudgetedSolver(recorder, budget);
        var held = budget.Hold(CancellationToken.None);
        var release = new Thread(() => { Thread.Sleep(700); held.Dispose(); });
        release.Start();
        var clock = Stopwatch.StartNew();

        // HardKnapsack runs far past 0.5 s: only its own limit stops it, counted from when it got the slot.
        var result = solver.Solve(TestModels.HardKnapsack(), SolveOptions.Default with { TimeLimitSeconds = 0.5 });
        double total = clock.Elapsed.TotalSeconds;
        release.Join();

        Assert.Equal(0.5, Assert.Single(recorder.Starts).Options.TimeLimitSeconds);
        Assert.Equal(SolveStatus.FeasibleAtLimit, result.Status);
        Assert.False(result.Cancelled);
        Assert.True(result.Elapsed.TotalSeconds >= 0.45, $"the solve itself ran {result.Elapsed.TotalSeconds} s of its 0.5 s");
        Assert.True(total >= 0.7 + 0.45, $"waited and solved in {total} s");
    }

    [Fact]
    public async Task Properties_checked_at_once_share_the_budget_and_keep_their_exact_bounds()
    {
        var budget = new CoreBudget(1);
        var recorder = ConcurrencyRecordingSolver.OverScip();
        var networks = new[] { 1, 2, 3 }.Select(seed => RandomNetworks.Create(seed, 2, [8], 2)).ToArray();
        double[] lower = [-1, -1], upper = [1, 1];

        var runs = networks.Select(network => Task.Factory.StartNew(() =>
            new LipschitzEngine(new BudgetedSolver(recorder, budget)).Solve(
                new LipschitzQuery { Network = network, Lower = lower, Upper = upper, Exact = true }, new NetworkOracle(network)),
            TaskCreationOptions.LongRunning)).ToArray();
        var results = await Task.WhenAll(runs);

        Assert.Equal(1, recorder.MostAtOnce);
        Assert.True(recorder.Calls >= networks.Length);
        for (int i = 0; i < networks.Length; i++)
        {
            double exact = LipschitzOracle.Compute(networks[i], lower, upper, NormKind.Inf, NormKind.Inf).Value;
            Assert.InRange(results[i].Upper!.Value, exact * (1 - 1e-9), exact * (1 + 1e-5));
            Assert.InRange(results[i].Lower!.Value, exact * (1 - 1e-5), exact * (1 + 1e-9));
        }
    }

    [Fact]
    public void Cores_from_text_are_positive_whole_numbers()
    {
        Assert.Equal(3, CoreBudget.Parse("3"));
        Assert.Equal(1, CoreBudget.Parse(" 1 "));
        Assert.Null(CoreBudget.Parse("0"));
        Assert.Null(CoreBudget.Parse("-2"));
        Assert.Null(CoreBudget.Parse("two"));
        Assert.Null(CoreBudget.Parse(null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoreBudget(0));
    }
}
