using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Bounds;

public class RandomNetworkBoundTests
{
    [Theory]
    [MemberData(nameof(BoundTestNetworks.RandomCases), MemberType = typeof(BoundTestNetworks))]
    public void Sampled_values_stay_within_both_bounds_and_symbolic_is_no_looser(string kind, int seed)
    {
        var rng = new Random(seed * 101 + kind.Length);
        var network = BoundTestNetworks.RandomNetwork(kind, rng);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, network.InputSize);
        var interval = BoundPropagation.Compute(network, lower, upper, BoundMethod.Interval);
        var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);

        BoundSampling.AssertContains(network, BoundSampling.Points(rng, lower, upper, 10_000), interval, symbolic);
        BoundSampling.AssertNoLooser(symbolic, interval);
        Assert.True(symbolic.TotalUnstable <= interval.TotalUnstable);
    }

    [Fact]
    public void Symbolic_bounds_are_strictly_tighter_on_deep_random_networks()
    {
        var rng = new Random(42);
        int tighter = 0;
        for (int trial = 0; trial < 5; trial++)
        {
            var network = BoundTestNetworks.Mlp(rng, 4, [10, 10, 10, 10], 3);
            var (lower, upper) = BoundTestNetworks.RandomBox(rng, 4, maxWidth: 2.0);
            var interval = BoundPropagation.Compute(network, lower, upper, BoundMethod.Interval);
            var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
            if (BoundSampling.TotalWidth(symbolic) < BoundSampling.TotalWidth(interval) * 0.99) tighter++;
        }
        Assert.Equal(5, tighter);
    }

    [Fact]
    public void Every_node_has_bounds_and_activations_follow_their_source()
    {
        var rng = new Random(9);
        var network = BoundTestNetworks.Residual(rng, 3, 5, slope: 0.1);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, 3);
        var bounds = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        Assert.Equal(lower, bounds.Lower(0));
        Assert.Equal(upper, bounds.Upper(0));
        foreach (var node in network.Nodes)
        {
            Assert.Equal(node.Size, bounds.Lower(node.Index).Length);
            Assert.All(bounds.Lower(node.Index), v => Assert.True(double.IsFinite(v)));
            Assert.All(bounds.Upper(node.Index), v => Assert.True(double.IsFinite(v)));
        }
        int unstable = 0;
        foreach (var relu in network.Activations)
        {
            Assert.Equal(bounds.Lower(relu.Source), bounds.PreActivationLower(relu.Index));
            var states = bounds.States(relu.Index);
            for (int j = 0; j < relu.Size; j++)
            {
                double l = bounds.Lower(relu.Source, j), u = bounds.Upper(relu.Source, j);
                var expected = l >= 0 ? NeuronState.StableActive : u <= 0 ? NeuronState.StableInactive : NeuronState.Unstable;
                Assert.Equal(expected, states[j]);
                Assert.Equal(expected, bounds.State(relu.Index, j));
            }
            Assert.Equal(states.Count(s => s == NeuronState.Unstable), bounds.UnstableByNode[relu.Index]);
            unstable += bounds.UnstableCount(relu.Index);
        }
        Assert.Equal(unstable, bounds.TotalUnstable);
    }

    [Fact]
    public void Tighten_intersects_and_updates_the_activation()
    {
        var b = new NetworkBuilder(1);
        int z = b.Dense(b.Input, new double[,] { { 2.0 } }, [0.0]);
        int r = b.Relu(z);
        var network = b.Build(r);
        var bounds = BoundPropagation.Compute(network, [-1.0], [1.0], BoundMethod.Interval);
        Assert.Equal(NeuronState.Unstable, bounds.State(r, 0));
        bounds.Tighten(z, [0.5], [5.0]);
        Assert.Equal(0.5, bounds.Lower(z, 0));
        Assert.Equal(2.0, bounds.Upper(z, 0), 7);
        Assert.Equal(NeuronState.StableActive, bounds.State(r, 0));
        Assert.Equal(0.5, bounds.Lower(r, 0));
        Assert.Equal(0, bounds.TotalUnstable);
    }
}
