using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>The difference bounds hold for every pair they cover: sampled pairs of random boxes on random networks (ReLU
/// and LeakyReLU), grid pairs that meet an output coupling, and the hull's rows for sampled neuron pairs; and the LP
/// rounds carry the coupling back to the inputs where it decides them.</summary>
public class DifferenceBoundsTests
{
    private static Network Leaky(int seed, double alpha)
    {
        var rng = new Random(seed);
        double[,] Matrix(int rows, int columns)
        {
            var m = new double[rows, columns];
            for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) m[r, c] = rng.NextDouble() * 2 - 1;
            return m;
        }
        double[] Bias(int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var b = new NetworkBuilder(3);
        var h1 = b.LeakyRelu(b.Dense(b.Input, Matrix(8, 3), Bias(8)), alpha);
        var h2 = b.LeakyRelu(b.Dense(h1, Matrix(8, 8), Bias(8)), alpha);
        b.Dense(h2, Matrix(2, 8), Bias(2));
        return b.Build();
    }

    [Theory]
    [InlineData(1, 0.0, 0)]
    [InlineData(2, 0.0, 3)]
    [InlineData(3, 0.1, 0)]
    [InlineData(4, 0.1, 3)]
    [InlineData(5, 0.0, 3)]
    public void Sampled_pairs_of_two_boxes_stay_within_the_difference_bounds(int seed, double alpha, int lpRounds)
    {
        var network = Leaky(seed, alpha);
        var rng = new Random(seed);
        double[] xLow = [-1, -0.5, 0], xHigh = [0.5, 1, 1], yLow = [-0.2, -1, -1], yHigh = [1, 0.3, 0.4];
        var x = BoundPropagation.Compute(network, xLow, xHigh, BoundMethod.Symbolic);
        var y = BoundPropagation.Compute(network, yLow, yHigh, BoundMethod.Symbolic);
        var difference = DifferenceBounds.Compute(x, y, lpRounds: lpRounds);
        var xs = BoundSampling.Points(rng, xLow, xHigh, 1500).ToArray();
        var ys = BoundSampling.Points(rng, yLow, yHigh, 1500).ToArray();
        for (int k = 0; k < xs.Length; k++)
            AssertWithin(network, difference, xs[k], ys[k]);
        if (lpRounds > 0) Assert.True(difference.LpSolved > 0, "no LP was solved");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Grid_pairs_that_meet_the_coupling_stay_within_the_coupled_bounds(int seed)
    {
        var network = RandomNetworks.Create(seed, 2, [6], 2);
        const double eta = 0.3;
        double[] low = [-1, -1], high = [1, 1];
        var bounds = BoundPropagation.Compute(network, low, high, BoundMethod.Symbolic);
        var difference = DifferenceBounds.Compute(bounds, bounds, [0, 1], eta, lpRounds: 3);
        var axis = Enumerable.Range(0, 25).Select(k => -1 + 2.0 * k / 24).ToArray();
        var points = axis.SelectMany(a => axis.Select(b => new[] { a, b })).ToArray();
        var outputs = points.Select(p => network.Evaluate(p)).ToArray();
        int coupled = 0;
        for (int i = 0; i < points.Length; i++)
            for (int j = 0; j < points.Length; j++)
                if (Math.Max(Math.Abs(outputs[i][0] - outputs[j][0]), Math.Abs(outputs[i][1] - outputs[j][1])) <= eta)
                {
                    coupled++;
                    AssertWithin(network, difference, points[i], points[j]);
                }
        Assert.True(coupled > points.Length, $"only {coupled} coupled pairs");
    }

    /// <summary>f(x1, x2) = (|x1|, x2) on [−1, 1]²: with η = 0, x2 = y2 while x1 = −y1 is allowed. The interval pass only
    /// knows the box (Δx2 in [−2, 2]); the LP reads the second output back to the input.</summary>
    [Fact]
    public void The_LP_rounds_carry_an_exact_coupling_back_to_the_inputs()
    {
        var b = new NetworkBuilder(2);
        var h = b.Relu(b.Dense(b.Input, new double[,] { { 1, 0 }, { -1, 0 }, { 0, 1 } }, [0, 0, 10]));
        b.Dense(h, new double[,] { { 1, 1, 0 }, { 0, 0, 1 } }, [0, -10]);
        var network = b.Build();
        var bounds = BoundPropagation.Compute(network, [-1, -1], [1, 1], BoundMethod.Symbolic);

        var interval = DifferenceBounds.Compute(bounds, bounds, [0, 1], 0);
        Assert.Equal(2, interval.Upper(0, 1), 6);
        var tightened = DifferenceBounds.Compute(bounds, bounds, [0, 1], 0, lpRounds: 3);
        Assert.InRange(tightened.Lower(0, 1), -1e-6, 0);
        Assert.InRange(tightened.Upper(0, 1), 0, 1e-6);
        Assert.True(tightened.Upper(0, 0) >= 2 - 1e-9, $"Δx1 ≤ {tightened.Upper(0, 0)} cuts off the pair (1, 0), (−1, 0)");
        Assert.True(tightened.Lower(0, 0) <= -2 + 1e-9, $"Δx1 ≥ {tightened.Lower(0, 0)} cuts off the pair (−1, 0), (1, 0)");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    public void The_hull_rows_hold_for_sampled_neuron_pairs(double alpha)
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 2000; trial++)
        {
            double Draw() => rng.NextDouble() * 4 - 2;
            double l = Draw(), u = l + rng.NextDouble() * 3, l2 = Draw(), u2 = l2 + rng.NextDouble() * 3;
            var sx = NetworkBounds.Classify(l, u);
            var sy = NetworkBounds.Classify(l2, u2);
            double lower = l - u2, upper = u - l2;
            var cuts = ReluDifferenceHull.Cuts(lower, upper, alpha, sx, sy).ToArray();
            var (hLow, hHigh) = ReluDifferenceHull.Range(lower, upper, alpha, sx, sy);
            for (int k = 0; k < 20; k++)
            {
                double z = l + rng.NextDouble() * (u - l), z2 = l2 + rng.NextDouble() * (u2 - l2);
                double dz = z - z2, dh = Math.Max(z, alpha * z) - Math.Max(z2, alpha * z2);
                Assert.InRange(dh, hLow, hHigh);
                foreach (var cut in cuts)
                    Assert.InRange(dh - cut.Slope * dz, cut.Lower, cut.Upper);
            }
        }
    }

    private static void AssertWithin(Network network, DifferenceBounds difference, double[] x, double[] y)
    {
        var vx = network.EvaluateAll(x);
        var vy = network.EvaluateAll(y);
        for (int node = 0; node < vx.Length; node++)
            for (int j = 0; j < vx[node].Length; j++)
            {
                double d = vx[node][j] - vy[node][j];
                double slack = 1e-9 * (1 + Math.Abs(vx[node][j]) + Math.Abs(vy[node][j]));
                Assert.True(d >= difference.Lower(node, j) - slack && d <= difference.Upper(node, j) + slack,
                    $"node {node} value {j}: difference {d} outside [{difference.Lower(node, j)}, {difference.Upper(node, j)}]");
            }
    }
}
