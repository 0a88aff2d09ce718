using VerifyGate.Core.Networks;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Tests.Invertibility;

/// <summary>Grid searches over pairs on tiny random networks cannot beat a certified bound, and the exact
/// solves land where the grid says: every grid pair that is feasible bounds the optimum from its side.</summary>
public class BruteForceTests
{
    private static readonly TwoCopyEngine Engine = new(ScipSolver.Instance);

    private static Network Random(int inputs, int hidden, int outputs, int seed)
    {
        var rng = new Random(seed);
        double[,] Matrix(int rows, int columns)
        {
            var m = new double[rows, columns];
            for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) m[r, c] = rng.NextDouble() * 2 - 1;
            return m;
        }
        var b = new NetworkBuilder(inputs);
        var h = b.Relu(b.Dense(b.Input, Matrix(hidden, inputs), Enumerable.Range(0, hidden).Select(_ => rng.NextDouble() - 0.5).ToArray()));
        b.Dense(h, Matrix(outputs, hidden), new double[outputs]);
        return b.Build();
    }

    private static double[] Grid(double lo, double hi, int points) =>
        Enumerable.Range(0, points).Select(k => lo + (hi - lo) * k / (points - 1)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void No_grid_pair_within_eta_is_farther_apart_than_the_certified_invertibility(int seed)
    {
        var network = Random(2, 6, 2, seed);
        const double eta = 0.05;
        double[] lo = [-1, -1], hi = [1, 1];
        var result = Engine.Solve(new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = network, Lower = lo, Upper = hi, OutputTolerance = eta, Exact = true,
        }, new NetworkOracle(network));

        var axis = Grid(-1, 1, 41);
        var points = axis.SelectMany(a => axis.Select(b => new[] { a, b })).ToArray();
        var outputs = points.Select(p => network.Evaluate(p)).ToArray();
        double gridBest = 0;
        for (int i = 0; i < points.Length; i++)
            for (int j = i + 1; j < points.Length; j++)
                if (Math.Max(Math.Abs(outputs[i][0] - outputs[j][0]), Math.Abs(outputs[i][1] - outputs[j][1])) <= eta)
                    gridBest = Math.Max(gridBest, Math.Max(Math.Abs(points[i][0] - points[j][0]), Math.Abs(points[i][1] - points[j][1])));

        Assert.True(gridBest > 0.05, $"the grid found no pair apart: {gridBest}");
        Assert.True(gridBest <= result.Upper, $"grid pair at {gridBest} beats the certified upper bound {result.Upper}");
        Assert.True(result.Lower >= gridBest - 1e-6, $"the exact solve stopped at {result.Lower}, below the grid's {gridBest}");
    }

    /// <summary>1 input, 1 output: a sign change of f(y) − f(x) between neighbouring grid points brackets an exact
    /// preimage, so each bracket is a radius the certified lower bound may not exceed.</summary>
    [Theory]
    [InlineData(TwoCopyKind.PreimageRadius, 4)]
    [InlineData(TwoCopyKind.PreimageRadius, 8)]
    [InlineData(TwoCopyKind.PreimageRadius, 10)]
    [InlineData(TwoCopyKind.PreimageRadius, 11)]
    [InlineData(TwoCopyKind.PreimageRadius, 12)]
    [InlineData(TwoCopyKind.InvertibilityRadius, 4)]
    [InlineData(TwoCopyKind.InvertibilityRadius, 5)]
    public void No_grid_noninvertibility_is_closer_than_the_certified_radius(TwoCopyKind kind, int seed)
    {
        var network = Random(1, 8, 1, seed);
        double c = 0.1, maxRadius = 3, delta = 1e-3;
        var result = Engine.Solve(new TwoCopyQuery
        {
            Kind = kind, Network = network, Lower = [c - maxRadius], Upper = [c + maxRadius], Center = [c], Separation = delta, Exact = true,
        }, new NetworkOracle(network));

        var grid = Grid(c - maxRadius, c + maxRadius, 1201);
        var f = grid.Select(v => network.Evaluate([v])[0]).ToArray();
        double gridBest = double.PositiveInfinity;
        var anchors = kind == TwoCopyKind.PreimageRadius ? [c] : grid;
        foreach (double x in anchors)
        {
            double fx = network.Evaluate([x])[0];
            for (int j = 0; j + 1 < grid.Length; j++)
            {
                bool separated = Math.Min(Math.Abs(grid[j] - x), Math.Abs(grid[j + 1] - x)) >= delta && (grid[j] - x) * (grid[j + 1] - x) > 0;
                if (separated && (f[j] - fx) * (f[j + 1] - fx) <= 0)
                    gridBest = Math.Min(gridBest, Math.Max(Math.Abs(x - c), Math.Max(Math.Abs(grid[j] - c), Math.Abs(grid[j + 1] - c))));
            }
        }

        Assert.True(double.IsFinite(gridBest), "the grid found no noninvertibility (pick another seed)");
        Assert.True(result.Lower <= gridBest, $"a grid bracket at {gridBest} lies inside the certified radius {result.Lower}");
        Assert.True(result.Upper <= gridBest + 1e-6, $"the exact solve's witness {result.Upper} is worse than the grid's {gridBest}");
        Assert.True(result.Upper - result.Lower <= 1e-4, $"[{result.Lower}, {result.Upper}]");
    }
}
