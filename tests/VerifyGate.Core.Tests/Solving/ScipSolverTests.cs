using System.Diagnostics;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Solving;

public class ScipSolverTests
{
    private static readonly ScipSolver Scip = ScipSolver.Instance;

    [Fact]
    public void VersionNamesScip10()
    {
        Assert.StartsWith("SCIP 10.", Scip.Version);
        Assert.Contains("OR-Tools 9.15", Scip.Version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void KnapsackMatchesDynamicProgramming(int seed)
    {
        var (values, weights, capacity) = TestModels.RandomKnapsack(30, seed);
        int optimum = TestModels.KnapsackOptimum(values, weights, capacity);
        var model = TestModels.Knapsack(values, weights, capacity, offset: 0.25);

        var result = Scip.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(optimum + 0.25, result.Objective!.Value, 6);
        Assert.Equal(optimum + 0.25, result.BestBound, 6);
        Assert.Equal(0, model.MaxViolation(result.Values!), 9);
        Assert.Equal(result.Objective.Value, model.ObjectiveAt(result.Values!), 6);
    }

    [Fact]
    public void MinimisationReportsALowerBound()
    {
        // min Σ w_i x_i s.t. Σ v_i x_i >= V: checked against enumeration of all 2^14 subsets.
        var (values, weights, _) = TestModels.RandomKnapsack(14, 7);
        int target = values.Sum() / 2;
        int best = int.MaxValue;
        for (int mask = 0; mask < 1 << values.Length; mask++)
        {
            int v = 0, w = 0;
            for (int i = 0; i < values.Length; i++)
                if ((mask >> i & 1) == 1) { v += values[i]; w += weights[i]; }
            if (v >= target) best = Math.Min(best, w);
        }
        var model = new MipModel();
        var cover = new Expr();
        var cost = new Expr { Constant = -1 };
        for (int i = 0; i < values.Length; i++)
        {
            var x = model.AddBinary();
            cover.Add(x, values[i]);
            cost.Add(x, weights[i]);
        }
        model.AddConstraint(target, cover, double.PositiveInfinity);
        model.SetMinimize(cost);

        var result = Scip.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(best - 1, result.Objective!.Value, 6);
        Assert.Equal(best - 1, result.BestBound, 6);
    }

    [Fact]
    public void NonConvexQuadraticObjectiveIsSolvedToProvenOptimality()
    {
        var model = TestModels.NonConvexDisc();

        var result = Scip.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(1.5, result.Objective!.Value, 6);
        Assert.Equal(1.5, result.BestBound, 6);
        Assert.True(model.MaxViolation(result.Values!) <= 1e-8);
    }

    [Fact]
    public void ConvexQuadraticConstraintGivesSqrt2()
    {
        var model = new MipModel();
        var x = model.AddContinuous(-5, 5);
        var y = model.AddContinuous(-5, 5);
        model.AddConstraint(double.NegativeInfinity, new Expr().AddSquare(x).AddSquare(y), 1);
        model.SetMaximize(new Expr().Add(x).Add(y));

        var result = Scip.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(Math.Sqrt(2), result.Objective!.Value, 6);
        Assert.True(result.BestBound >= Math.Sqrt(2) - 1e-9);
        Assert.True(result.BestBound <= Math.Sqrt(2) + 1e-6);
    }

    [Fact]
    public void InfeasibleLinearModelIsReported()
    {
        var model = new MipModel();
        var a = model.AddBinary();
        var b = model.AddBinary();
        model.AddConstraint(3, new Expr().Add(a).Add(b), double.PositiveInfinity);
        model.SetMaximize(Expr.Of(a));

        var result = Scip.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.Equal(double.NegativeInfinity, result.BestBound);
        Assert.Null(result.Objective);
    }

    [Fact]
    public void InfeasibleQuadraticModelIsReported()
    {
        var model = TestModels.NonConvexDisc();
        var x = new Var(0);
        var y = new Var(1);
        model.AddConstraint(2, new Expr().Add(x).Add(y), double.PositiveInfinity); // outside the disc

        var result = Scip.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.Equal(double.NegativeInfinity, result.BestBound);
    }

    [Fact]
    public void UnboundedModelIsReported()
    {
        var model = new MipModel();
        var x = model.AddContinuous(0, double.PositiveInfinity);
        var n = model.AddInteger(0, double.PositiveInfinity);
        model.AddConstraint(double.NegativeInfinity, new Expr().Add(x).Add(n, -1), 0.5);
        model.SetMaximize(new Expr().Add(x).Add(n));

        var result = Scip.Solve(model, SolveOptions.Default);

        Assert.Equal(SolveStatus.Unbounded, result.Status);
        Assert.Equal(double.PositiveInfinity, result.BestBound);
    }

    [Theory]
    [InlineData(NodeOrder.BestBound, "nodeselection/bfs/maxplungedepth = 0")]
    public void NodeOrderIsAcceptedAndSolvesToTheSameOptimum(NodeOrder order, string line)
    {
        Assert.Contains(line, ScipParameters.Build(SolveOptions.Default with { NodeOrder = order }));
        Assert.DoesNotContain("nodeselection", ScipParameters.Build(SolveOptions.Default));
        var byDefault = Scip.Solve(TestModels.HardKnapsack(n: 20), SolveOptions.Default);
        var ordered = Scip.Solve(TestModels.HardKnapsack(n: 20), SolveOptions.Default with { NodeOrder = order });

        Assert.Equal(SolveStatus.Optimal, byDefault.Status);
        Assert.Equal(SolveStatus.Optimal, ordered.Status);  // a misspelt parameter name would be an error
        Assert.Equal(byDefault.Objective!.Value, ordered.Objective!.Value, 6);
    }

    [Fact]
    public void InvalidScipParameterIsAnError()
    {
        var model = TestModels.Knapsack([3, 4], [1, 2], 2);
        var result = Scip.Solve(model, SolveOptions.Default with { ExtraScipParameters = "no/such/parameter = 1" });

        Assert.Equal(SolveStatus.Error, result.Status);
        Assert.Equal(double.PositiveInfinity, result.BestBound);
    }

    [Fact]
    public void TimeLimitReturnsIncumbentAndValidBound()
    {
        var model = TestModels.HardKnapsack();
        var relaxed = Scip.Solve(TestModels.HardKnapsack(relax: true), SolveOptions.Default);
        var clock = Stopwatch.StartNew();

        var result = Scip.Solve(model, SolveOptions.Default with { TimeLimitSeconds = 0.2 });

        Assert.True(clock.Elapsed.TotalSeconds < 2, $"took {clock.Elapsed}");
        Assert.Equal(SolveStatus.FeasibleAtLimit, result.Status);
        Assert.False(result.Cancelled);
        Assert.Equal(0, model.MaxViolation(result.Values!), 9);
        Assert.True(result.Objective!.Value <= result.BestBound);
        Assert.True(result.BestBound <= relaxed.BestBound + 1e-6, $"{result.BestBound} > LP {relaxed.BestBound}");
        Assert.True(result.BestBound >= KnownHardOptimum - 1e-6);
    }

    // Optimum of TestModels.HardKnapsack() (seed 1), solved once without limits (~10 s).
    private const double KnownHardOptimum = 993.8;

    [Fact]
    public void RelativeGapIsPassedToScip()
    {
        var model = TestModels.HardKnapsack();
        var result = Scip.Solve(model, SolveOptions.Default with { RelativeGap = 0.01, TimeLimitSeconds = 10 });

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(result.BestBound - result.Objective!.Value <= 0.01 * result.Objective.Value);
        Assert.True(result.Elapsed.TotalSeconds < 2, $"took {result.Elapsed}");
    }

    [Fact]
    public void StopsAtIncumbentThreshold()
    {
        var model = TestModels.HardKnapsack();
        var result = Scip.Solve(model, SolveOptions.Default with { StopAtIncumbent = 950, TimeLimitSeconds = 10 });

        Assert.Equal(SolveStatus.FeasibleAtLimit, result.Status);
        Assert.True(result.Objective >= 950);
        Assert.True(result.Elapsed.TotalSeconds < 2, $"took {result.Elapsed}");
    }

    [Fact]
    public void StopsAtBoundThreshold()
    {
        var model = TestModels.HardKnapsack();
        const double threshold = 997.7;   // between the optimum 993.8 and the first LP bounds (~997.9)
        var result = Scip.Solve(model, SolveOptions.Default with { StopAtBound = threshold, TimeLimitSeconds = 10 });

        Assert.True(result.BestBound <= threshold, $"bound {result.BestBound}");
        Assert.True(result.BestBound >= KnownHardOptimum - 1e-6);
        Assert.True(result.Elapsed.TotalSeconds < 5, $"took {result.Elapsed}");
    }

    [Fact]
    public void CancellationReturnsPromptlyWithBound()
    {
        var model = TestModels.HardKnapsack();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(0.5));
        var clock = Stopwatch.StartNew();

        var result = Scip.Solve(model, SolveOptions.Default, cancel.Token);

        Assert.True(clock.Elapsed.TotalSeconds < 2, $"took {clock.Elapsed}");
        Assert.True(result.Cancelled);
        Assert.Equal(SolveStatus.FeasibleAtLimit, result.Status);
        Assert.True(double.IsFinite(result.BestBound));
        Assert.True(result.BestBound >= KnownHardOptimum - 1e-6);
        Assert.True(result.Objective <= KnownHardOptimum + 1e-6);
    }

    [Fact]
    public void CancelledBeforeStartProvesNothing()
    {
        var model = TestModels.NonConvexDisc();
        var result = Scip.Solve(model, SolveOptions.Default, new CancellationToken(canceled: true));

        Assert.Equal(SolveStatus.NoSolutionAtLimit, result.Status);
        Assert.True(result.Cancelled);
        Assert.Equal(double.PositiveInfinity, result.BestBound);
    }

    [Fact]
    public async Task ParallelSolvesAreIndependent()
    {
        var knapsacks = Enumerable.Range(10, 3).Select(seed => TestModels.RandomKnapsack(40, seed)).ToArray();
        var tasks = knapsacks
            .Select(k => Task.Run(() => Scip.Solve(TestModels.Knapsack(k.Values, k.Weights, k.Capacity), SolveOptions.Default)))
            .Append(Task.Run(() => Scip.Solve(TestModels.NonConvexDisc(), SolveOptions.Default)))
            .ToArray();
        var results = await Task.WhenAll(tasks);

        for (int i = 0; i < knapsacks.Length; i++)
        {
            var (values, weights, capacity) = knapsacks[i];
            Assert.Equal(TestModels.KnapsackOptimum(values, weights, capacity), results[i].Objective!.Value, 6);
        }
        Assert.Equal(1.5, results[^1].BestBound, 6);
    }
}
