using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Bounds;

public class HandCheckedBoundTests
{
    /// <summary>z = (x1 + x2 + 0.5, x1 − x2), y = act(z1) + act(z2), on x in [−1, 1]².</summary>
    private static Network TwoTwoOne(double slope)
    {
        var b = new NetworkBuilder(2);
        int z = b.Dense(b.Input, new double[,] { { 1, 1 }, { 1, -1 } }, [0.5, 0]);
        int r = b.LeakyRelu(z, slope);
        return b.Build(b.Dense(r, new double[,] { { 1, 1 } }, [0]));
    }

    private const int Z = 1, R = 2, Y = 3;
    private const double Tolerance = 1e-8;

    [Fact]
    public void Interval_bounds_of_the_relu_network()
    {
        var bounds = BoundPropagation.Compute(TwoTwoOne(0), [-1, -1], [1, 1], BoundMethod.Interval);
        AssertBounds(bounds, Z, [-1.5, -2], [2.5, 2]);
        AssertBounds(bounds, R, [0, 0], [2.5, 2]);
        AssertBounds(bounds, Y, [0], [4.5]);
        Assert.Equal(2, bounds.UnstableCount(R));
    }

    [Fact]
    public void Symbolic_bounds_of_the_relu_network()
    {
        // Upper lines: act(z1) <= 0.625 z1 + 0.9375, act(z2) <= 0.5 z2 + 1, so
        // y <= 1.125 x1 + 0.125 x2 + 2.25 <= 3.5. Lower lines have slope 1 (u >= −l for both):
        // y >= 2 x1 + 0.5 >= −1.5, which the interval bound 0 beats.
        var bounds = BoundPropagation.Compute(TwoTwoOne(0), [-1, -1], [1, 1], BoundMethod.Symbolic);
        AssertBounds(bounds, Z, [-1.5, -2], [2.5, 2]);
        AssertBounds(bounds, Y, [0], [3.5]);
    }

    [Fact]
    public void Bounds_of_the_leaky_relu_network()
    {
        // α = 0.1: act(z1) in [−0.15, 2.5], act(z2) in [−0.2, 2]. Upper lines: slope (u − αl)/(u − l)
        // and intercept (1 − α)(−l)u/(u − l): 0.6625 z1 + 0.84375 and 0.55 z2 + 0.9, so
        // y <= 1.2125 x1 + 0.1125 x2 + 2.075 <= 3.4.
        var interval = BoundPropagation.Compute(TwoTwoOne(0.1), [-1, -1], [1, 1], BoundMethod.Interval);
        AssertBounds(interval, R, [-0.15, -0.2], [2.5, 2]);
        AssertBounds(interval, Y, [-0.35], [4.5]);
        var symbolic = BoundPropagation.Compute(TwoTwoOne(0.1), [-1, -1], [1, 1], BoundMethod.Symbolic);
        AssertBounds(symbolic, Y, [-0.35], [3.4]);
    }

    [Fact]
    public void Lower_line_slope_is_chosen_by_area()
    {
        // One neuron z = x + 0.5 on [−2, 1]: l = −1.5, u = 1.5 ⇒ slope 1; y = −act(z) lower bound uses the
        // upper line; y = act(z) − 0.5 z uses the lower line: with slope 1 it is 0.5 z >= −0.75.
        var b = new NetworkBuilder(1);
        int z = b.Dense(b.Input, new double[,] { { 1 } }, [0.5]);
        int r = b.Relu(z);
        int y = b.Affine([new AffineTerm(r, SparseMatrix.Identity(1)), new AffineTerm(z, SparseMatrix.Diagonal([-0.5]))], [0]);
        var net = b.Build(y);
        var symbolic = BoundPropagation.Compute(net, [-2], [1], BoundMethod.Symbolic);
        // Exact range of act(z) − 0.5z on z in [−1.5, 1.5] is [0, 0.75]; lower line slope 1 gives 0.5 z >= −0.75,
        // slope 0 would give −0.5 z >= −0.75 too; upper line 0.5 z + 0.75 − 0.5 z = 0.75.
        Assert.Equal(0.75, symbolic.Upper(y, 0), 7);
        Assert.Equal(-0.75, symbolic.Lower(y, 0), 7);
        // With u = 3 > −l = 1 (box [−1.5, 2.5]), slope 1 is chosen: act(z) − 0.5z >= 0.5 z >= −0.5.
        var wide = BoundPropagation.Compute(net, [-1.5], [2.5], BoundMethod.Symbolic);
        Assert.Equal(-0.5, wide.Lower(y, 0), 7);
    }

    [Fact]
    public void Relaxation_lines_per_neuron()
    {
        var b = new NetworkBuilder(4);
        int relu = b.LeakyRelu(b.Input, 0.25);
        var node = (ReluNode)b[relu];
        // neurons: stable active, stable inactive, unstable leaning right, unstable leaning left
        var lines = new ReluRelaxation(node, [0.0, -2.0, -1.0, -3.0], [1.0, 0.0, 3.0, 1.0]);
        Assert.Equal([1.0, 0.25, 1.0, 0.25], lines.LowerSlope);
        // chord through (l, αl) and (u, u)
        Assert.Equal([1.0, 0.25, (3.0 + 0.25) / 4.0, (1.0 + 0.75) / 4.0], lines.UpperSlope);
        Assert.Equal([0.0, 0.0, 0.75 * 3.0 / 4.0, 0.75 * 3.0 / 4.0], lines.UpperIntercept);
        for (int j = 2; j < 4; j++)
        {
            double l = new[] { 0.0, -2.0, -1.0, -3.0 }[j], u = new[] { 1.0, 0.0, 3.0, 1.0 }[j];
            Assert.Equal(0.25 * l, lines.UpperSlope[j] * l + lines.UpperIntercept[j], 12);
            Assert.Equal(u, lines.UpperSlope[j] * u + lines.UpperIntercept[j], 12);
        }
    }

    private static void AssertBounds(NetworkBounds bounds, int node, double[] lower, double[] upper)
    {
        for (int j = 0; j < lower.Length; j++)
        {
            Assert.InRange(bounds.Lower(node, j), lower[j] - Tolerance, lower[j]);
            Assert.InRange(bounds.Upper(node, j), upper[j], upper[j] + Tolerance);
        }
    }
}
