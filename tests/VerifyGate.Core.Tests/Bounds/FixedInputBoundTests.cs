using VerifyGate.Core.Bounds;

namespace VerifyGate.Core.Tests.Bounds;

public class FixedInputBoundTests
{
    [Theory]
    [InlineData(BoundMethod.Interval)]
    [InlineData(BoundMethod.Symbolic)]
    public void A_fully_fixed_box_gives_the_network_values(BoundMethod method)
    {
        var rng = new Random(5);
        var network = BoundTestNetworks.Residual(rng, 4, 6, slope: 0.1);
        var x = BoundTestNetworks.RandomVector(rng, 4, 2.0);
        var bounds = BoundPropagation.Compute(network, x, (double[])x.Clone(), method);
        var values = network.EvaluateAll(x);
        for (int node = 0; node < values.Length; node++)
            for (int j = 0; j < values[node].Length; j++)
            {
                double v = values[node][j], eps = 1e-7 * (1 + Math.Abs(v));
                Assert.InRange(bounds.Lower(node, j), v - eps, v);
                Assert.InRange(bounds.Upper(node, j), v, v + eps);
            }
    }

    [Fact]
    public void Some_fixed_inputs_are_sound_and_tighter_than_free_ones()
    {
        var rng = new Random(6);
        var network = BoundTestNetworks.Mlp(rng, 4, [8, 8], 2);
        double[] lower = [-1, 0.3, -0.5, 0.7], upper = [1, 0.3, 0.5, 0.7];
        var interval = BoundPropagation.Compute(network, lower, upper, BoundMethod.Interval);
        var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        BoundSampling.AssertContains(network, BoundSampling.Points(rng, lower, upper, 2000), interval, symbolic);

        double[] freeLower = [-1, 0.2, -0.5, 0.6], freeUpper = [1, 0.4, 0.5, 0.8];
        var free = BoundPropagation.Compute(network, freeLower, freeUpper, BoundMethod.Symbolic);
        Assert.True(BoundSampling.TotalWidth(symbolic) < BoundSampling.TotalWidth(free));
    }

    [Fact]
    public void Bad_boxes_are_refused()
    {
        var network = BoundTestNetworks.Mlp(new Random(1), 2, [3], 1);
        Assert.Throws<ArgumentException>(() => BoundPropagation.Compute(network, [0, 1], [1, 0.5], BoundMethod.Interval));
        Assert.Throws<ArgumentException>(() => BoundPropagation.Compute(network, [0, double.NaN], [1, 1], BoundMethod.Symbolic));
        Assert.Throws<ArgumentException>(() => BoundPropagation.Compute(network, [0, 0], [1, double.PositiveInfinity], BoundMethod.Symbolic));
        Assert.Throws<ArgumentException>(() => BoundPropagation.Compute(network, [0], [1], BoundMethod.Interval));
    }
}
