using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>Tangent bounds tightened with the forward interval Jacobians are never looser than the plain
/// ones and still contain J_node(x) v at sampled points x and directions v on the unit p-sphere.</summary>
public class TangentBoundsTighteningTests
{
    [Theory]
    [MemberData(nameof(BoundTestNetworks.RandomCases), MemberType = typeof(BoundTestNetworks))]
    public void Tightened_tangent_bounds_are_sound_and_no_looser(string kind, int seed)
    {
        var rng = new Random(seed * 13 + kind.Length);
        var network = BoundTestNetworks.RandomNetwork(kind, rng);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, network.InputSize, maxWidth: 1.5);
        upper[1] = lower[1];
        var fixedInputs = lower.Select((lo, i) => lo == upper[i]).ToArray();
        var bounds = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        var jacobians = ForwardJacobianBounds.Compute(bounds, fixedInputs);
        foreach (var p in NormKindExtensions.All)
        {
            var plain = TangentBounds.Compute(bounds, p, fixedInputs);
            var tight = TangentBounds.Compute(bounds, p, fixedInputs, jacobians);
            for (int node = 1; node < network.Nodes.Count; node++)
                for (int r = 0; r < network.Nodes[node].Size; r++)
                    Assert.True(tight.Lower(node, r) >= plain.Lower(node, r) && tight.Upper(node, r) <= plain.Upper(node, r));
            for (int s = 0; s < 2000; s++)
            {
                var slopes = LocalAffineMap.Of(network, network.PatternAt(OracleTestCases.Uniform(rng, lower, upper))).Slopes;
                var v = UnitDirection(rng, p, fixedInputs);
                for (int node = 1; node < network.Nodes.Count; node++)
                    for (int r = 0; r < network.Nodes[node].Size; r++)
                    {
                        double t = 0.0;
                        for (int c = 0; c < v.Length; c++) t += slopes[node][r, c] * v[c];
                        Assert.True(tight.Lower(node, r) <= t && t <= tight.Upper(node, r),
                            $"p={p} node {node} value {r}: tangent {t:R} outside [{tight.Lower(node, r):R}, {tight.Upper(node, r):R}]");
                    }
            }
        }
    }

    /// <summary>An extreme point of the unit p-ball over the free inputs (a sign vector, ±e_k, or a random
    /// unit vector for p = 2): where the tangent bounds are reached.</summary>
    private static double[] UnitDirection(Random rng, NormKind p, bool[] fixedInputs)
    {
        var free = Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();
        var v = new double[fixedInputs.Length];
        switch (p)
        {
            case NormKind.Inf:
                foreach (int i in free) v[i] = rng.Next(2) == 0 ? -1 : 1;
                break;
            case NormKind.One:
                v[free[rng.Next(free.Length)]] = rng.Next(2) == 0 ? -1 : 1;
                break;
            default:
                foreach (int i in free) v[i] = RandomNetworks.Gaussian(rng);
                double norm = VectorNorm.Norm(v, NormKind.Two);
                for (int i = 0; i < v.Length; i++) v[i] /= norm;
                break;
        }
        return v;
    }
}
