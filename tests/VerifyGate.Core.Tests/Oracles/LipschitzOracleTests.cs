using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using static VerifyGate.Core.Tests.Oracles.OracleTestCases;

namespace VerifyGate.Core.Tests.Oracles;

public class LipschitzOracleTests
{
    [Theory]
    // f = relu(x) − 2 relu(x − 1): slopes 0, 1, −1 on (−inf, 0), (0, 1), (1, inf).
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, -2.0 }, -1.0, 3.0, 1.0, 3)]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, -2.0 }, 0.5, 3.0, 1.0, 2)]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, -2.0 }, -1.0, -0.5, 0.0, 1)]
    // f = relu(x) − 3 relu(x − 1): slopes 0, 1, −2.
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, -3.0 }, -1.0, 3.0, 2.0, 3)]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, -3.0 }, -1.0, 0.9, 1.0, 2)]
    // f = relu(x) + relu(x − 1) − 0.5 relu(x − 2): slopes 0, 1, 2, 1.5.
    [InlineData(new[] { 0.0, 1.0, 2.0 }, new[] { 1.0, 1.0, -0.5 }, -1.0, 4.0, 2.0, 4)]
    [InlineData(new[] { 0.0, 1.0, 2.0 }, new[] { 1.0, 1.0, -0.5 }, 2.5, 4.0, 1.5, 1)]
    public void One_dimensional_hinge_sums_have_the_hand_computed_constant(
        double[] knots, double[] weights, double lo, double hi, double expected, int regions)
    {
        var net = Hinges(knots, weights);
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                // In one dimension every norm is the absolute value.
                var result = LipschitzOracle.Compute(net, [lo], [hi], p, q);
                Assert.Equal(expected, result.Value, 12);
                Assert.Equal(regions, result.RegionCount);
                Assert.InRange(result.Point[0], lo + result.Radius, hi - result.Radius);
                double slope = net.Jacobian(net.PatternAt(result.Point))[0, 0];
                Assert.Equal(expected, Math.Abs(slope), 12);
            }
    }

    [Fact]
    public void Sum_of_two_relus_in_the_plane()
    {
        // f(x, y) = relu(x) + relu(y) on [−1, 1]²: four regions, the largest Jacobian is [1 1].
        var b = new NetworkBuilder(2);
        int h = b.Relu(b.Dense(b.Input, new double[,] { { 1, 0 }, { 0, 1 } }, [0, 0]));
        var net = b.Build(b.Dense(h, new double[,] { { 1, 1 } }, [0]));
        var regions = ActivationRegions.Enumerate(net, [-1, -1], [1, 1]);
        Assert.Equal(4, regions.Regions.Count);
        foreach (var q in NormKindExtensions.All)
        {
            Assert.Equal(1.0, LipschitzOracle.Compute(regions, NormKind.One, q).Value, 12);
            Assert.Equal(Math.Sqrt(2), LipschitzOracle.Compute(regions, NormKind.Two, q).Value, 12);
            var inf = LipschitzOracle.Compute(regions, NormKind.Inf, q);
            Assert.Equal(2.0, inf.Value, 12);
            Assert.Equal([true, true], inf.Pattern.Active(h));
            Assert.Equal(0.5, inf.Radius, 6);  // the Chebyshev centre of the quadrant [0, 1]²
        }
    }

    [Fact]
    public void Fixed_inputs_shift_the_breakpoints_but_are_not_varied()
    {
        // f(x, y) = relu(x + y) + 10 y, with y fixed: the 10 y term never counts.
        var b = new NetworkBuilder(2);
        int h = b.Relu(b.Dense(b.Input, new double[,] { { 1, 1 } }, [0]));
        var net = b.Build(b.Affine([new AffineTerm(h, SparseMatrix.FromDense(new double[,] { { 1 } })),
            new AffineTerm(b.Input, SparseMatrix.FromDense(new double[,] { { 0, 10 } }))], [0]));

        var below = LipschitzOracle.Compute(net, [-1, -5], [1, -5], NormKind.Inf, NormKind.Inf);
        Assert.Equal(0.0, below.Value);
        Assert.Equal(1, below.RegionCount);

        var across = LipschitzOracle.Compute(net, [-1, 0.5], [1, 0.5], NormKind.Two, NormKind.One);
        Assert.Equal(1.0, across.Value, 12);
        Assert.Equal(2, across.RegionCount);
        Assert.Equal(0.5, across.Point[1]);
        Assert.Equal(0.0, across.Direction[1]);
        Assert.True(across.Point[0] > -0.5);

        var free = LipschitzOracle.Compute(net, [-1, 0], [1, 1], NormKind.One, NormKind.One);
        Assert.Equal(11.0, free.Value, 12);
    }

    [Fact]
    public void Constant_neurons_downstream_of_dead_ones_add_no_constraint()
    {
        // On x in [−2, −1] the first neuron is dead, so the second layer sees exactly 0 and 1 − 0.
        var b = new NetworkBuilder(1);
        int h1 = b.Relu(b.Dense(b.Input, new double[,] { { 1 } }, [0]));
        int h2 = b.Relu(b.Dense(h1, new double[,] { { 1 }, { -1 } }, [0, 1]));
        var net = b.Build(b.Dense(h2, new double[,] { { 1, 1 } }, [0]));
        var dead = LipschitzOracle.Compute(net, [-2], [-1], NormKind.Two, NormKind.Two);
        Assert.Equal(0.0, dead.Value);
        Assert.Equal(1, dead.RegionCount);
        Assert.Equal([false, true], dead.Pattern.Active(h2));

        // On [−1, 2]: slope 0 for x < 0, 1 − 1 = 0 for 0 < x < 1, 1 for x > 1.
        var alive = LipschitzOracle.Compute(net, [-1], [2], NormKind.Two, NormKind.Two);
        Assert.Equal(1.0, alive.Value, 12);
        Assert.Equal(3, alive.RegionCount);
    }

    [Fact]
    public void Output_selection_drops_the_other_rows()
    {
        var b = new NetworkBuilder(1);
        int h = b.Relu(b.Dense(b.Input, new double[,] { { 1 } }, [0]));
        var net = b.Build(b.Affine([new AffineTerm(h, SparseMatrix.FromDense(new double[,] { { 1 }, { 0 } })),
            new AffineTerm(b.Input, SparseMatrix.FromDense(new double[,] { { 0 }, { 3 } }))], [0, 0]));
        Assert.Equal(1.0, LipschitzOracle.Compute(net, [-1], [1], NormKind.Inf, NormKind.Inf, outputs: [0]).Value, 12);
        Assert.Equal(3.0, LipschitzOracle.Compute(net, [-1], [1], NormKind.Inf, NormKind.Inf, outputs: [1]).Value, 12);
        Assert.Equal(4.0, LipschitzOracle.Compute(net, [-1], [1], NormKind.Inf, NormKind.One).Value, 12);
    }

    [Fact]
    public void Random_networks_are_deterministic_per_seed()
    {
        var a = RandomNetworks.Create(42, 3, [5, 4], 2);
        var c = RandomNetworks.Create(42, 3, [5, 4], 2);
        var d = RandomNetworks.Create(43, 3, [5, 4], 2);
        Assert.Equal(9, a.NeuronCount);
        Assert.Equal(a.Evaluate([0.1, 0.2, 0.3]), c.Evaluate([0.1, 0.2, 0.3]));
        Assert.NotEqual(a.Evaluate([0.1, 0.2, 0.3]), d.Evaluate([0.1, 0.2, 0.3]));
        var (lo, hi) = RandomNetworks.CreateBox(5, 4, 1);
        Assert.Equal(lo, RandomNetworks.CreateBox(5, 4, 1).Lo);
        Assert.Equal(hi, RandomNetworks.CreateBox(5, 4, 1).Hi);
        Assert.NotEqual(lo, RandomNetworks.CreateBox(6, 4, 1).Lo);
        Assert.Equal(1, lo.Zip(hi).Count(t => t.First == t.Second));
    }
}
