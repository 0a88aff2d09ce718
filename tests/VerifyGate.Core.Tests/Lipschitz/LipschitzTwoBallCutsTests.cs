using VerifyGate.Core.Encoding;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>The l2 input ball as a polyhedral outer approximation refined by tangent cuts: against the
/// brute-force oracle, the certified interval contains the exact constant and closes on it. q = 1 and
/// q = inf use the cuts by default (covered by LipschitzEngineOracleTests); here they are forced for q = 2
/// as well, on networks small enough for the slower quadratic relaxations.</summary>
public class LipschitzTwoBallCutsTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Networks() =>
        new[] { 0, 3, 4, 6, 24 }.Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Networks))]
    public void Cutting_planes_contain_and_close_on_the_exact_constant(int seed)
    {
        var (network, lo, hi) = RandomNetworks.OracleCase(seed);
        var regions = ActivationRegions.Enumerate(network, lo, hi);
        var engine = new LipschitzEngine(ScipSolver.Instance);
        foreach (var q in NormKindExtensions.All)
        {
            double exact = LipschitzOracle.Compute(regions, NormKind.Two, q).Value;
            var result = engine.Solve(new LipschitzQuery
            {
                Network = network, Lower = lo, Upper = hi, InputNorm = NormKind.Two, OutputNorm = q, Exact = true,
                TwoBall = TwoBallMethod.CuttingPlanes,
            }, new NetworkOracle(network));
            output.WriteLine($"seed {seed} q={q.Label()}: exact {exact:G10}, certified [{result.Lower:G10}, {result.Upper:G10}]");
            Assert.True(result.Lower <= exact * (1 + 1e-9) + 1e-12, $"q={q}: lower {result.Lower} above exact {exact}");
            Assert.True(result.Upper >= exact * (1 - 1e-9) - 1e-12, $"q={q}: upper {result.Upper} below exact {exact}");
            Assert.True(result.Upper - result.Lower <= 1e-6 * exact + 1e-9, $"q={q}: gap [{result.Lower}, {result.Upper}] around {exact}");
        }
    }

    [Fact]
    public void The_outer_ball_contains_the_l2_ball_and_is_cut_where_asked()
    {
        var cuts = new TwoBallCuts();
        Assert.True(cuts.Add([3, 4, 0]));
        Assert.False(cuts.Add([0.6, 0.8, 0]));  // the same cut
        var model = new MipModel();
        var v = NormBall.Add(model, [false, false, false], NormKind.Two, "v", cuts.Directions);
        Assert.True(model.IsLinear);
        var rng = new Random(7);
        for (int k = 0; k < 200; k++)
        {
            var point = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            double norm = Math.Sqrt(point.Sum(c => c * c));
            var unit = point.Select(c => c / norm).ToArray();
            Assert.True(model.MaxViolation(Extend(model, v, unit)) <= 1e-12);
        }
        // Beyond the cut along (0.6, 0.8, 0), but inside the box and the l1 bound: cut off.
        Assert.True(model.MaxViolation(Extend(model, v, [0.62, 0.82, 0])) > 1e-3);
    }

    /// <summary>A full assignment: v as given, each |v_i| variable at |v_i|.</summary>
    private static double[] Extend(MipModel model, LinearValue[] v, double[] point)
    {
        var values = new double[model.VariableCount];
        for (int i = 0; i < v.Length; i++) values[v[i].Variable!.Value.Index] = point[i];
        for (int i = v.Length; i < values.Length; i++) values[i] = Math.Abs(point[i - v.Length]);
        return values;
    }
}
