using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>The certified Lipschitz bound from the interval Jacobian is never below the exact constant
/// (brute-force oracle, all nine (p, q)), and combining it with the forward tangent bound never loosens.</summary>
public class GradientLipschitzBoundTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Networks() => Enumerable.Range(0, 30).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Networks))]
    public void Never_below_the_exact_constant_and_never_above_the_forward_bound_when_combined(int seed)
    {
        var (network, lo, hi) = RandomNetworks.OracleCase(seed);
        var regions = ActivationRegions.Enumerate(network, lo, hi);
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        foreach (var p in NormKindExtensions.All)
        {
            var tangents = TangentBounds.Compute(bounds, p, lo.Select((l, i) => l == hi[i]).ToArray());
            foreach (var q in NormKindExtensions.All)
            {
                var query = new LipschitzQuery { Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q };
                double exact = LipschitzOracle.Compute(regions, p, q).Value;
                var forwardJacobians = IntervalUpperBounds.ForwardJacobians(query, bounds);
                Assert.NotNull(forwardJacobians);
                double gradient = IntervalUpperBounds.Gradient(query, bounds, forwardJacobians);
                double backwardOnly = IntervalUpperBounds.Gradient(query, bounds);
                double forward = IntervalUpperBounds.Forward(query, tangents);
                double best = IntervalUpperBounds.Best(query, bounds, tangents, forwardJacobians);
                output.WriteLine($"seed {seed} p={p.Label()} q={q.Label()}: exact {exact:G8}, gradient {gradient:G8}, forward {forward:G8}");
                Assert.True(gradient >= exact && backwardOnly >= exact, $"p={p} q={q}: gradient bound {gradient:R} (backward only {backwardOnly:R}) below exact {exact:R}");
                Assert.True(gradient <= backwardOnly, $"p={p} q={q}: intersecting loosened {backwardOnly:R} to {gradient:R}");
                Assert.True(best >= exact && best <= forward && best <= gradient, $"p={p} q={q}: combined {best:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(BoundTestNetworks.RandomCases), MemberType = typeof(BoundTestNetworks))]
    public void Never_below_sampled_jacobian_norms_on_dag_networks(string kind, int seed)
    {
        var rng = new Random(seed * 17 + kind.Length);
        var network = BoundTestNetworks.RandomNetwork(kind, rng);
        var (lo, hi) = BoundTestNetworks.RandomBox(rng, network.InputSize, maxWidth: 1.5);
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        var outputs = Enumerable.Range(0, network.OutputSize).ToArray();
        var fixedInputs = new bool[network.InputSize];
        var jacobians = Enumerable.Range(0, 2000).Select(_ => network.Jacobian(network.PatternAt(OracleTestCases.Uniform(rng, lo, hi)))).ToArray();
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                double bound = GradientLipschitzBound.Compute(bounds, outputs, fixedInputs, p, q, ForwardJacobianBounds.Compute(bounds, fixedInputs));
                double sampled = jacobians.Max(j => OperatorNorm.Compute(j, p, q).Value);
                Assert.True(bound >= sampled, $"{kind} p={p} q={q}: bound {bound:R} below a sampled Jacobian norm {sampled:R}");
            }
    }

    [Theory]
    [InlineData(1, 3, 5)]
    [InlineData(2, 6, 2)]
    [InlineData(3, 10, 10)]
    [InlineData(4, 1, 7)]
    public void Spectral_bound_of_a_nonnegative_matrix_is_certified_and_tight(int seed, int rows, int columns)
    {
        var rng = new Random(seed);
        var m = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                m[r, c] = rng.NextDouble() < 0.3 ? 0.0 : rng.NextDouble();
        double exact = OperatorNorm.Compute(m, NormKind.Two, NormKind.Two).Value;
        double bound = NonnegativeSpectralBound.Upper(m);
        Assert.InRange(bound, exact, exact * (1 + 1e-6) + 1e-12);
    }

    [Fact]
    public void Overflowed_entries_give_an_infinite_bound_never_nan()
    {
        var j = new IntervalMatrix(2, 2, [-1, double.NegativeInfinity, 0, 1], [1, double.PositiveInfinity, 2, 3]);
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
                Assert.Equal(double.PositiveInfinity, IntervalJacobianNorm.Upper(j, p, q));
    }

    [Fact]
    public void AcasXu_1_1_l_inf_gradient_bound_is_well_below_the_forward_bound()
    {
        var network = OnnxImporter.Load(TestPaths.Model("acasxu/ACASXU_run2a_1_1_batch_2000.onnx")).Network;
        double[] lo = [0.6, -0.5, -0.5, 0.45, -0.5], hi = [0.679857769, 0.5, 0.5, 0.5, -0.45];
        var query = new LipschitzQuery { Network = network, Lower = lo, Upper = hi };
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        double forward = IntervalUpperBounds.Forward(query, TangentBounds.Compute(bounds, NormKind.Inf, query.FixedInputs));
        double gradient = IntervalUpperBounds.Gradient(query, bounds);
        output.WriteLine($"ACAS Xu 1_1 l_inf: forward {forward:G6}, gradient {gradient:G6}");
        Assert.True(gradient < 0.6 * forward, $"gradient {gradient} vs forward {forward}");
    }
}
