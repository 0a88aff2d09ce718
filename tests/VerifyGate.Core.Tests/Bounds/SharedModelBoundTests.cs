using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;

namespace VerifyGate.Core.Tests.Bounds;

public class SharedModelBoundTests
{
    private static Network Load(string relative) => OnnxImporter.Load(TestPaths.Model(relative)).Network;

    private static readonly double[] AcasLower = [0.6, -0.5, -0.5, 0.45, -0.5];
    private static readonly double[] AcasUpper = [0.679857769, 0.5, 0.5, 0.5, -0.45];

    private static (NetworkBounds Interval, NetworkBounds Symbolic) Both(Network network, double[] lower, double[] upper) =>
        (BoundPropagation.Compute(network, lower, upper, BoundMethod.Interval),
         BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic));

    private static void AssertSoundAndNoLooser(Network network, double[] lower, double[] upper, int samples, int seed)
    {
        var (interval, symbolic) = Both(network, lower, upper);
        BoundSampling.AssertContains(network, BoundSampling.Points(new Random(seed), lower, upper, samples), interval, symbolic);
        BoundSampling.AssertNoLooser(symbolic, interval);
        Assert.True(symbolic.TotalUnstable <= interval.TotalUnstable);
    }

    private static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();

    [Fact]
    public void AcasXu_1_1_on_the_property_2_box() =>
        AssertSoundAndNoLooser(Load("acasxu/ACASXU_run2a_1_1_batch_2000.onnx"), AcasLower, AcasUpper, 10_000, 1);

    [Fact]
    public void AcasXu_1_1_symbolic_bounds_are_strictly_tighter()
    {
        var network = Load("acasxu/ACASXU_run2a_1_1_batch_2000.onnx");
        var (interval, symbolic) = Both(network, AcasLower, AcasUpper);
        Assert.True(BoundSampling.TotalWidth(symbolic) < 0.5 * BoundSampling.TotalWidth(interval),
            $"symbolic width {BoundSampling.TotalWidth(symbolic)} vs interval {BoundSampling.TotalWidth(interval)}");
        Assert.True(symbolic.TotalUnstable < interval.TotalUnstable,
            $"unstable: symbolic {symbolic.TotalUnstable}, interval {interval.TotalUnstable}");
        Assert.Equal(300, network.NeuronCount);
    }

    [Fact]
    public void Cartpole_on_its_observation_box()
    {
        var network = Load("control/cartpole.onnx");
        AssertSoundAndNoLooser(network, Repeat(-1, network.InputSize), Repeat(1, network.InputSize), 10_000, 2);
    }

    [Fact]
    public void Vdp_on_a_box()
    {
        var network = Load("dynamics/vdp.onnx");
        AssertSoundAndNoLooser(network, Repeat(-1, network.InputSize), Repeat(1, network.InputSize), 10_000, 3);
    }

    [Fact]
    public void Mnist_256x2_on_a_small_box_around_a_random_image()
    {
        var network = Load("mnistfc/mnist-net_256x2.onnx");
        var (lower, upper) = ImageBox(new Random(4), network.InputSize, 0.02);
        AssertSoundAndNoLooser(network, lower, upper, 10_000, 4);
    }

    [Fact]
    public void Mnist_relu_9_200_on_a_small_box_around_a_random_image()
    {
        var network = Load("normalized/mnist_relu_9_200.onnx");
        var (lower, upper) = ImageBox(new Random(5), network.InputSize, 0.015);
        AssertSoundAndNoLooser(network, lower, upper, 1_000, 5);
    }

    [Fact]
    public void Cifar_base_kw_on_a_small_box_around_a_random_image()
    {
        var network = Load("conv/cifar_base_kw.onnx");
        var (lower, upper) = ImageBox(new Random(6), network.InputSize, 2.0 / 255);
        AssertSoundAndNoLooser(network, lower, upper, 500, 6);
    }

    /// <summary>A random image in [0, 1] and the box of radius eps around it, clipped to [0, 1].</summary>
    private static (double[] Lower, double[] Upper) ImageBox(Random rng, int size, double eps)
    {
        var image = Enumerable.Range(0, size).Select(_ => rng.NextDouble()).ToArray();
        return (image.Select(v => Math.Max(0, v - eps)).ToArray(), image.Select(v => Math.Min(1, v + eps)).ToArray());
    }
}
