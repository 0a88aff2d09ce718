using VerifyGate.Core.Networks;
using VerifyGate.Core.Tests.Bounds;

namespace VerifyGate.Core.Tests.Networks;

/// <summary>The cheap passes through a pattern's affine piece (<see cref="PatternPasses"/>) agree with the full local
/// affine map A x + c (<see cref="LocalAffineMap"/>) on MLPs and residual DAGs, ReLU and LeakyReLU, for random patterns
/// (feasible or not), and with the network itself at points inside their own pattern.</summary>
public class PatternPassesTests
{
    [Theory]
    [MemberData(nameof(BoundTestNetworks.RandomCases), MemberType = typeof(BoundTestNetworks))]
    public void Jacobian_and_rates_match_the_local_affine_map(string kind, int seed)
    {
        var rng = new Random(seed * 17 + kind.Length);
        var network = BoundTestNetworks.RandomNetwork(kind, rng);
        Check(network, rng);
    }

    /// <summary>More inputs than outputs, so the Jacobian is taken in reverse mode.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Reverse_mode_jacobian_of_a_wide_input_network(int seed)
    {
        var rng = new Random(seed);
        var network = BoundTestNetworks.Mlp(rng, 12, [9, 7], 3, slope: seed == 2 ? 0.1 : 0.0);
        Assert.True(network.OutputSize < network.InputSize);
        Check(network, rng);
    }

    private static void Check(Network network, Random rng)
    {
        for (int trial = 0; trial < 20; trial++)
        {
            var pattern = new ActivationPattern(network.Activations.ToDictionary(a => a.Index,
                a => Enumerable.Range(0, a.Size).Select(_ => rng.NextDouble() < 0.5).ToArray()));
            var map = LocalAffineMap.Of(network, pattern);
            AssertClose(map.Slopes[network.OutputIndex], PatternPasses.Jacobian(network, pattern));

            var x = BoundTestNetworks.RandomVector(rng, network.InputSize, 1.0);
            var v = BoundTestNetworks.RandomVector(rng, network.InputSize, 1.0);
            var (values, rates) = PatternPasses.Along(network, pattern, x, v);
            for (int node = 0; node < network.Nodes.Count; node++)
                for (int r = 0; r < network.Nodes[node].Size; r++)
                {
                    double value = map.Offsets[node][r], rate = 0;
                    for (int j = 0; j < x.Length; j++) { value += map.Slopes[node][r, j] * x[j]; rate += map.Slopes[node][r, j] * v[j]; }
                    Assert.Equal(value, values[node][r], 1e-10);
                    Assert.Equal(rate, rates[node][r], 1e-10);
                }

            var own = network.PatternAt(x);
            var (ownValues, _) = PatternPasses.Along(network, own, x, v);
            var evaluated = network.EvaluateAll(x);
            for (int node = 0; node < network.Nodes.Count; node++)
                for (int r = 0; r < network.Nodes[node].Size; r++)
                    Assert.Equal(evaluated[node][r], ownValues[node][r], 1e-12);
        }
    }

    private static void AssertClose(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int r = 0; r < expected.GetLength(0); r++)
            for (int c = 0; c < expected.GetLength(1); c++)
                Assert.Equal(expected[r, c], actual[r, c], 1e-10);
    }
}
