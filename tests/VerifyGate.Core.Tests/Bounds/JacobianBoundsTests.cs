using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>The interval Jacobians (backward for the outputs, forward for every node, and their combination
/// with the cut-node products) contain the exact
/// Jacobian of the activation region at every sampled point of the box (random networks with LeakyReLU and
/// residual edges, and shared models).</summary>
public class JacobianBoundsTests
{
    private const int Samples = 10_000;

    [Theory]
    [MemberData(nameof(BoundTestNetworks.RandomCases), MemberType = typeof(BoundTestNetworks))]
    public void Random_dag_networks_stay_inside_the_bounds(string kind, int seed)
    {
        var rng = new Random(seed * 31 + kind.Length);
        var network = BoundTestNetworks.RandomNetwork(kind, rng);
        for (int box = 0; box < 3; box++)
        {
            var (lower, upper) = BoundTestNetworks.RandomBox(rng, network.InputSize, maxWidth: 0.5 + box);
            if (box == 2) upper[0] = lower[0];  // one fixed input
            AssertContains(network, lower, upper, BoundMethod.Symbolic, rng);
            AssertContains(network, lower, upper, BoundMethod.Interval, rng);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_mlps_with_selected_outputs_stay_inside_the_bounds(int seed)
    {
        var network = RandomNetworks.Create(seed, 3, [10, 10, 10], 4);
        var (lower, upper) = RandomNetworks.CreateBox(seed, 3);
        AssertContains(network, lower, upper, BoundMethod.Symbolic, new Random(seed), outputs: [3, 1]);
    }

    [Fact]
    public void Cartpole_on_its_observation_box() =>
        AssertShared("control/cartpole.onnx", Repeat(-1, 4), Repeat(1, 4));

    [Fact]
    public void AcasXu_1_1_on_the_property_2_box() =>
        AssertShared("acasxu/ACASXU_run2a_1_1_batch_2000.onnx", [0.6, -0.5, -0.5, 0.45, -0.5], [0.679857769, 0.5, 0.5, 0.5, -0.45]);

    [Fact]
    public void SDnet_10_30_30_30_3_on_a_small_box() =>
        AssertShared("lipbab/SDnet_10_30_30_30_3.onnx", Repeat(0, 10), Repeat(0.1, 10));

    [Fact]
    public void Fixed_inputs_get_zero_columns_and_unreached_outputs_exact_rows()
    {
        var b = new NetworkBuilder(2);
        int h = b.Relu(b.Dense(b.Input, new double[,] { { 1, -1 }, { 2, 1 } }, [0, 0]));
        var network = b.Build(b.Dense(h, new double[,] { { 1, 1 }, { 0, 0 } }, [0, 0]));
        var bounds = BoundPropagation.Compute(network, [0.6, -1], [1, 1], BoundMethod.Interval);
        var j = JacobianBounds.Compute(bounds, [0, 1], [false, true]);
        Assert.Equal(0.0, j.Lower(0, 1));
        Assert.Equal(0.0, j.Upper(0, 1));
        Assert.Equal(0.0, j.Magnitude(1, 0));
        // x0 ∈ [0.6, 1], x1 ∈ [−1, 1]: neuron 0 is unstable, neuron 1 stable active; ∂out0/∂x0 ∈ [2, 3].
        Assert.InRange(j.Lower(0, 0), 2 - 1e-7, 2);
        Assert.InRange(j.Upper(0, 0), 3, 3 + 1e-7);
    }

    private static void AssertShared(string model, double[] lower, double[] upper)
    {
        var network = OnnxImporter.Load(TestPaths.Model(model)).Network;
        AssertContains(network, lower, upper, BoundMethod.Symbolic, new Random(7));
    }

    private static void AssertContains(Network network, double[] lower, double[] upper, BoundMethod method, Random rng, int[]? outputs = null)
    {
        outputs ??= Enumerable.Range(0, network.OutputSize).ToArray();
        var fixedInputs = lower.Select((lo, i) => lo == upper[i]).ToArray();
        var bounds = BoundPropagation.Compute(network, lower, upper, method);
        var j = JacobianBounds.Compute(bounds, outputs, fixedInputs);
        var forward = ForwardJacobianBounds.Compute(bounds, fixedInputs);
        var combined = GradientLipschitzBound.Enclosure(bounds, outputs, fixedInputs, forward);
        for (int s = 0; s < Samples; s++)
        {
            var x = OracleTestCases.Uniform(rng, lower, upper);
            var slopes = LocalAffineMap.Of(network, network.PatternAt(x)).Slopes;
            var exact = slopes[network.OutputIndex];
            for (int node = 1; node < network.Nodes.Count; node++)
                for (int r = 0; r < network.Nodes[node].Size; r++)
                    for (int c = 0; c < network.InputSize; c++)
                        if (!fixedInputs[c])
                            Assert.True(forward[node].Contains(r, c, slopes[node][r, c]),
                                $"sample {s}: node {node} J[{r}, {c}] = {slopes[node][r, c]:R} outside the forward [{forward[node].Lower(r, c):R}, {forward[node].Upper(r, c):R}]");
            for (int r = 0; r < outputs.Length; r++)
                for (int c = 0; c < network.InputSize; c++)
                {
                    if (fixedInputs[c]) continue;
                    double value = exact[outputs[r], c];
                    Assert.True(j.Contains(r, c, value),
                        $"sample {s}: J[{outputs[r]}, {c}] = {value:R} outside [{j.Lower(r, c):R}, {j.Upper(r, c):R}] ({method})");
                    Assert.True(combined.Contains(r, c, value),
                        $"sample {s}: J[{outputs[r]}, {c}] = {value:R} outside the combined [{combined.Lower(r, c):R}, {combined.Upper(r, c):R}] ({method})");
                }
        }
    }

    private static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();
}
