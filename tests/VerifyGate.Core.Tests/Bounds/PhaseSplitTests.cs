using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>Bounds of the part of a box where chosen ReLUs have chosen phases (<see cref="PhaseSplit"/>), against every
/// node's value at sampled points of that part: they contain every one, tighten the box's bounds, fix the chosen
/// phases, and a part called empty holds none of the samples.</summary>
public class PhaseSplitTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 16).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Phase_fixed_bounds_contain_every_sampled_point_of_their_part(int seed)
    {
        var rng = new Random(seed);
        int inputs = 2 + seed % 4;
        int[] hidden = (seed % 3) switch { 0 => [12], 1 => [8, 8], _ => [6, 6, 6] };
        var network = RandomNetworks.Create(seed + 500, inputs, hidden, 2);
        var (lo, hi) = RandomNetworks.CreateBox(seed + 500, inputs);
        var method = seed % 2 == 0 ? BoundMethod.Symbolic : BoundMethod.Interval;
        var box = BoundPropagation.Compute(network, lo, hi, method);
        var points = BoundSampling.Points(rng, lo, hi, 4000).Select(x => (X: x, Values: network.EvaluateAll(x))).ToList();

        // Up to three phases fixed one after the other, each on the part the previous ones left.
        var part = box;
        var fixedPhases = new List<(int Relu, int Neuron, bool Active)>();
        for (int step = 0; step < 3; step++)
        {
            var unstable = network.Activations
                .SelectMany(a => Enumerable.Range(0, a.Size).Where(j => part.State(a.Index, j) == NeuronState.Unstable).Select(j => (a, j)))
                .ToList();
            if (unstable.Count == 0) break;
            var (relu, neuron) = unstable[rng.Next(unstable.Count)];
            bool active = rng.Next(2) == 0;
            var child = PhaseSplit.Fix(part, relu.Index, neuron, active);
            fixedPhases.Add((relu.Index, neuron, active));
            var inside = points.Where(p => fixedPhases.All(f => InPhase(network, p.Values, f))).ToList();
            if (child is null)
            {
                Assert.Empty(inside);  // proven empty: no sample may lie there
                break;
            }
            Assert.True(child.IsSubdomain);
            Assert.Same(box, child.WholeBox);
            Assert.Equal(active ? NeuronState.StableActive : NeuronState.StableInactive, child.State(relu.Index, neuron));
            Assert.True(child.TotalUnstable <= part.TotalUnstable - 1);
            BoundSampling.AssertContains(network, inside.Select(p => p.X), child);
            for (int node = 0; node < network.Nodes.Count; node++)
                for (int j = 0; j < network.Nodes[node].Size; j++)
                {
                    Assert.True(child.Lower(node, j) >= part.Lower(node, j));
                    Assert.True(child.Upper(node, j) <= part.Upper(node, j));
                }
            part = child;
        }
    }

    [Fact]
    public void A_phase_no_point_of_the_box_has_is_proven_empty()
    {
        // h = relu(x) on [-1, 1], then g = relu(h - 0.5): with h inactive, g's input is -0.5, so g is inactive too
        // and fixing it active leaves nothing.
        var b = new NetworkBuilder(1);
        int h = b.Relu(b.Dense(b.Input, new double[,] { { 1 } }, [0.0]));
        int g = b.Relu(b.Dense(h, new double[,] { { 1 } }, [-0.5]));
        var network = b.Build(b.Dense(g, new double[,] { { 1 } }, [0.0]));
        var box = BoundPropagation.Compute(network, [-1], [1], BoundMethod.Symbolic);
        Assert.Equal(NeuronState.Unstable, box.State(g, 0));
        var hInactive = PhaseSplit.Fix(box, h, 0, active: false)!;
        Assert.Equal(NeuronState.StableInactive, hInactive.State(g, 0));
        Assert.Null(PhaseSplit.Fix(hInactive, g, 0, active: true));
        Assert.NotNull(PhaseSplit.Fix(box, g, 0, active: true));
    }

    private static bool InPhase(Network network, double[][] values, (int Relu, int Neuron, bool Active) phase)
    {
        var relu = (ReluNode)network.Nodes[phase.Relu];
        double z = values[relu.Source][phase.Neuron];
        return phase.Active ? z >= 0 : z <= 0;
    }
}
