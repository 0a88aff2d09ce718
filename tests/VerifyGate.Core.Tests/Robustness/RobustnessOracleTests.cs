using VerifyGate.Core.Networks;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Problems.Robustness;
using VerifyGate.Core.Search;
using VerifyGate.Core.Tests.Oracles;
using Xunit;

namespace VerifyGate.Core.Tests.Robustness;

/// <summary>The robustness engine against brute force: the margin evaluated on a fine grid of a two-input box. The true
/// worst margin lies between the certified lower bound and the grid's minimum, so an exact run must land at or below the
/// grid minimum, and no run may certify a lower bound above it; every verdict agrees with the grid.</summary>
public sealed class RobustnessOracleTests
{
    private const int GridPoints = 201;

    public static TheoryData<int, string, Branching, int> Cases()
    {
        var data = new TheoryData<int, string, Branching, int>();
        foreach (int seed in new[] { 1, 2, 3, 4, 5, 6 })
            foreach (var condition in new[] { "label", "bounds", "any", "cnf" })
            {
                data.Add(seed, condition, Branching.Inputs, 0);
                data.Add(seed, condition, Branching.Activations, 0);
            }
        // Forced deep splitting: the first levels are split without being bounded.
        foreach (int seed in new[] { 7, 8 })
            foreach (var branching in new[] { Branching.Inputs, Branching.Activations })
                data.Add(seed, "cnf", branching, 6);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_exact_worst_margin_lies_between_the_certified_bound_and_the_grid_minimum(int seed, string conditionKind, Branching branching, int forcedDepth)
    {
        var network = RandomNetworks.Create(seed, 2, [8, 8], 3);
        var condition = Condition(conditionKind, network, seed);
        double[] low = [-1, -1], high = [1, 1];
        double gridMin = GridMinimum(network, condition, low, high);

        var result = new RobustnessEngine().Solve(Query(network, condition, low, high, branching, forcedDepth) with { Exact = true }, oracle: null);

        Assert.False(result.TimedOut);
        Assert.NotNull(result.Lower);
        Assert.NotNull(result.Upper);
        Assert.True(result.Lower <= gridMin + 1e-12, $"certified lower bound {result.Lower} above the grid minimum {gridMin}");
        Assert.True(result.Upper - result.Lower <= 1e-6 * Math.Abs(result.Upper!.Value) + 1e-8, $"not closed: [{result.Lower}, {result.Upper}]");
        Assert.True(result.Upper <= gridMin + 1e-8, $"exact value {result.Upper} above the grid minimum {gridMin}");
        // The witness is a point of the box with that margin.
        var x = result.Witness!.X;
        Assert.All(x, (v, i) => Assert.InRange(v, low[i], high[i]));
        Assert.Equal(result.Upper!.Value, condition.Margin(network.Evaluate(x)), 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_threshold_verdict_agrees_with_the_grid(int seed, string conditionKind, Branching branching, int forcedDepth)
    {
        var network = RandomNetworks.Create(seed, 2, [8, 8], 3);
        var condition = Condition(conditionKind, network, seed);
        double[] low = [-0.5, -0.5], high = [0.5, 0.5];
        double gridMin = GridMinimum(network, condition, low, high);
        foreach (double atLeast in new[] { gridMin - 0.05, gridMin + 0.05 })
        {
            var result = new RobustnessEngine().Solve(Query(network, condition, low, high, branching, forcedDepth) with { AtLeast = atLeast }, oracle: null);
            bool passed = result.Lower >= atLeast, failed = result.Upper < atLeast;
            Assert.True(passed || failed, $"atLeast {atLeast}: undecided [{result.Lower}, {result.Upper}]");
            // Above the grid's minimum the property is certainly broken, and the engine must say so.
            if (atLeast > gridMin) Assert.True(failed && !passed, $"atLeast {atLeast} > grid min {gridMin}, yet [{result.Lower}, {result.Upper}]");
            if (passed) Assert.True(gridMin >= atLeast);
        }
    }

    [Fact]
    public void A_strict_label_fails_at_a_tie_and_passes_only_above_zero()
    {
        // y0 = x, y1 = 0: output 0 is the strict maximum for x > 0 only.
        var builder = new NetworkBuilder(1);
        int hidden = builder.Relu(builder.Dense(builder.Input, new double[,] { { 1 } }, [0]));
        int output = builder.Dense(hidden, new double[,] { { 1 }, { 0 } }, [0, 0]);
        var network = builder.Build(output);
        var label = OutputCondition.Label(0, 2);

        var tie = new RobustnessEngine().Solve(Query(network, label, [0], [1], Branching.Inputs, 0), oracle: null);
        Assert.Equal(0, tie.Upper);
        Assert.Equal([0.0], tie.Witness!.X);
        Assert.False(label.Holds(network.Evaluate(tie.Witness.X)));

        var above = new RobustnessEngine().Solve(Query(network, label, [0.25], [1], Branching.Inputs, 0), oracle: null);
        Assert.True(above.Lower > 0.24 && above.Lower <= 0.25, $"lower {above.Lower}");
    }

    private static RobustnessQuery Query(Network network, OutputCondition condition, double[] low, double[] high, Branching branching, int forcedDepth) => new()
    {
        Network = network,
        Cases = [new RobustnessCase(low, high, condition)],
        Branching = branching,
        TimeLimitSeconds = 60,
        Search = new SearchOptions { SplitWithoutBoundingBelowDepth = forcedDepth, Workers = 2 },
    };

    /// <summary>label: the network's label at the origin; bounds: per-output bounds around its values there; any: one
    /// clause of three random constraints; cnf: two clauses of two.</summary>
    private static OutputCondition Condition(string kind, Network network, int seed)
    {
        var rng = new Random(seed * 31);
        var y = network.Evaluate([0.0, 0.0]);
        OutputAtom Atom() => new([rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1], rng.NextDouble() * 0.5, Strict: false);
        return kind switch
        {
            "label" => OutputCondition.Label(Array.IndexOf(y, y.Max()), 3),
            "bounds" => OutputCondition.Bounds([y[0] - 0.5, null, y[2] - 0.3], [y[0] + 0.4, y[1] + 0.2, null]),
            "any" => new OutputCondition([new OutputClause([Atom(), Atom(), Atom()])]),
            _ => new OutputCondition([new OutputClause([Atom(), Atom()]), new OutputClause([Atom(), Atom()])]),
        };
    }

    private static double GridMinimum(Network network, OutputCondition condition, double[] low, double[] high)
    {
        double min = double.PositiveInfinity;
        for (int a = 0; a < GridPoints; a++)
            for (int b = 0; b < GridPoints; b++)
            {
                double[] x = [low[0] + (high[0] - low[0]) * a / (GridPoints - 1), low[1] + (high[1] - low[1]) * b / (GridPoints - 1)];
                min = Math.Min(min, condition.Margin(network.Evaluate(x)));
            }
        return min;
    }
}

/// <summary>Several boxes (a VNN-LIB file's cases): the property's margin is the smallest over all of them, so a first box
/// that merely sits below a negative threshold's mirror image must not end the search before a later box is checked.</summary>
public sealed class RobustnessCasesTests
{
    [Fact]
    public void A_later_box_below_the_threshold_fails_the_property_and_an_early_stop_certifies_no_lower_bound()
    {
        // y = relu(x) must stay at most 2: margin 2 − relu(x); 0.5 on [0, 1.5], −8 on [0, 10].
        var builder = new NetworkBuilder(1);
        var network = builder.Build(builder.Relu(builder.Dense(builder.Input, new double[,] { { 1 } }, [0])));
        var condition = new OutputCondition([new OutputClause([new OutputAtom([1.0], 2, Strict: false)])]);
        var query = new RobustnessQuery
        {
            Network = network,
            Cases = [new RobustnessCase([0], [1.5], condition), new RobustnessCase([0], [10], condition), new RobustnessCase([0], [1], condition)],
            AtLeast = -1,
            TimeLimitSeconds = 30,
        };
        var result = new RobustnessEngine().Solve(query, oracle: null);
        Assert.True(result.Upper <= -7.99, $"upper {result.Upper}");
        Assert.Null(result.Lower);  // the third box was not searched

        var exact = new RobustnessEngine().Solve(query with { Exact = true }, oracle: null);
        Assert.True(exact.Lower <= -8 + 1e-6 && exact.Lower >= -8 - 1e-6, $"lower {exact.Lower}");
    }
}
