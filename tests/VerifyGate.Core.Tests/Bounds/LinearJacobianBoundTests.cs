using VerifyGate.Core.Bounds;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>The linear relaxation of the backward pass (<see cref="LinearJacobianBound"/>) never falls below the exact
/// constant (brute-force oracle) or a sampled Jacobian norm (all nine (p, q), MLPs, LeakyReLU and residual DAGs), is
/// exact where the box lies in one linear region, and is tighter than the interval Jacobian where it should be.</summary>
public class LinearJacobianBoundTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Networks() => Enumerable.Range(0, 30).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Networks))]
    public void Never_below_the_exact_constant(int seed)
    {
        var (network, lo, hi) = RandomNetworks.OracleCase(seed);
        var regions = ActivationRegions.Enumerate(network, lo, hi);
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                var query = new LipschitzQuery { Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q };
                double exact = LipschitzOracle.Compute(regions, p, q).Value;
                double plain = LinearJacobianBound.Compute(bounds, query.SelectedOutputs, query.FixedInputs, p, q);
                double sharpened = IntervalUpperBounds.Linear(query, bounds, IntervalUpperBounds.ForwardJacobians(query, bounds));
                output.WriteLine($"seed {seed} p={p.Label()} q={q.Label()}: exact {exact:G8}, linear {plain:G8}, sharpened {sharpened:G8}, gradient {IntervalUpperBounds.Gradient(query, bounds):G8}");
                Assert.True(plain >= exact && sharpened >= exact, $"p={p} q={q}: linear {plain:R} (sharpened {sharpened:R}) below exact {exact:R}");
            }
    }

    /// <summary>2000 points in each of 12 random boxes of MLPs and residual DAGs, ReLU and LeakyReLU.</summary>
    [Theory]
    [MemberData(nameof(BoundTestNetworks.RandomCases), MemberType = typeof(BoundTestNetworks))]
    public void Never_below_sampled_jacobian_norms_on_dag_networks(string kind, int seed)
    {
        var rng = new Random(seed * 31 + kind.Length);
        var network = BoundTestNetworks.RandomNetwork(kind, rng);
        var (lo, hi) = BoundTestNetworks.RandomBox(rng, network.InputSize, maxWidth: 1.5);
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        var outputs = Enumerable.Range(0, network.OutputSize).ToArray();
        var fixedInputs = new bool[network.InputSize];
        var jacobians = Enumerable.Range(0, 2000).Select(_ => network.Jacobian(network.PatternAt(OracleTestCases.Uniform(rng, lo, hi)))).ToArray();
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                double bound = LinearJacobianBound.Compute(bounds, outputs, fixedInputs, p, q);
                double sampled = jacobians.Max(j => OperatorNorm.Compute(j, p, q).Value);
                Assert.True(bound >= sampled, $"{kind} p={p} q={q}: bound {bound:R} below a sampled Jacobian norm {sampled:R}");
            }
    }

    /// <summary>Inside one linear region every chord is taken over a single point: the bound is the Jacobian's own norm
    /// for q = 1 and q = inf (q = 2 goes through the rows' norms, an upper bound).</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(21)]
    public void Exact_inside_one_linear_region(int seed)
    {
        var rng = new Random(seed);
        var network = BoundTestNetworks.Mlp(rng, 4, [8, 8], 3);
        var centre = BoundTestNetworks.RandomVector(rng, 4, 1.0);
        double[] lo = centre.Select(c => c - 1e-7).ToArray(), hi = centre.Select(c => c + 1e-7).ToArray();
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        Assert.Equal(0, bounds.TotalUnstable);
        var jacobian = network.Jacobian(network.PatternAt(centre));
        foreach (var p in NormKindExtensions.All)
            foreach (var q in new[] { NormKind.One, NormKind.Inf })
            {
                double exact = OperatorNorm.Compute(jacobian, p, q).Value;
                double bound = LinearJacobianBound.Compute(bounds, [0, 1, 2], new bool[4], p, q);
                Assert.InRange(bound, exact, exact * (1 + 1e-7) + 1e-10);  // the rounding margins only
            }
    }

    /// <summary>The relaxation keeps what the interval product forgets (which entries share a slope), so with l1 outputs
    /// it ends well below the interval Jacobian's bound; the sampled constant stays below both.</summary>
    [Theory]
    [InlineData("control/cartpole.onnx", 4, 0.9)]
    [InlineData("control/lunarlander.onnx", 8, 0.85)]
    public void Tighter_than_the_interval_jacobian_on_the_controllers_with_l1(string file, int inputs, double ratio)
    {
        var network = OnnxImporter.Load(TestPaths.Model(file)).Network;
        double[] lo = Enumerable.Repeat(-1.0, inputs).ToArray(), hi = Enumerable.Repeat(1.0, inputs).ToArray();
        var query = new LipschitzQuery { Network = network, Lower = lo, Upper = hi, InputNorm = NormKind.One, OutputNorm = NormKind.One };
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        var forwardJacobians = IntervalUpperBounds.ForwardJacobians(query, bounds);
        double gradient = IntervalUpperBounds.Gradient(query, bounds, forwardJacobians);
        double linear = IntervalUpperBounds.Linear(query, bounds, forwardJacobians);
        var rng = new Random(5);
        double sampled = Enumerable.Range(0, 2000)
            .Max(_ => OperatorNorm.Compute(network.Jacobian(network.PatternAt(OracleTestCases.Uniform(rng, lo, hi))), NormKind.One, NormKind.One).Value);
        output.WriteLine($"{file} (1, 1): gradient {gradient:G6}, linear {linear:G6}, sampled {sampled:G6}");
        Assert.True(linear <= ratio * gradient, $"linear {linear} not below {ratio} x gradient {gradient}");
        Assert.True(linear >= sampled, $"linear {linear} below the sampled {sampled}");
    }
}
