using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>The engine against the brute-force oracle: on random small networks and all nine (p, q)
/// pairs, the certified interval contains the exact constant and, with no time limit, closes on it.</summary>
public class LipschitzEngineOracleTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Networks() =>
        Enumerable.Range(0, 30).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Networks))]
    public void Certified_interval_contains_and_closes_on_the_exact_constant(int seed)
    {
        var rng = new Random(seed);
        var (network, lo, hi) = RandomNetworks.OracleCase(seed);
        var regions = ActivationRegions.Enumerate(network, lo, hi);
        var engine = new LipschitzEngine(ScipSolver.Instance);
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                double exact = LipschitzOracle.Compute(regions, p, q).Value;
                var result = engine.Solve(new LipschitzQuery
                {
                    Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q, Exact = true,
                }, new NetworkOracle(network));
                output.WriteLine($"seed {seed} p={p.Label()} q={q.Label()}: exact {exact:G10}, certified [{result.Lower:G10}, {result.Upper:G10}]");
                Assert.NotNull(result.Lower);
                Assert.NotNull(result.Upper);
                Assert.True(result.Lower <= exact * (1 + 1e-9) + 1e-12, $"p={p} q={q}: lower {result.Lower} above exact {exact}");
                Assert.True(result.Upper >= exact * (1 - 1e-9) - 1e-12, $"p={p} q={q}: upper {result.Upper} below exact {exact}");
                Assert.True(result.Upper - result.Lower <= 1e-6 * exact + 1e-9, $"p={p} q={q}: gap [{result.Lower}, {result.Upper}] around {exact}");
                Assert.NotNull(result.Witness);
            }
    }
}

/// <summary>Evaluates witnesses with the IR itself (the ONNX Runtime route is tested on real models).</summary>
internal sealed class NetworkOracle(Network network) : Witnesses.IModelOracle
{
    public double[] Evaluate(double[] input) => network.Evaluate(input);
}
