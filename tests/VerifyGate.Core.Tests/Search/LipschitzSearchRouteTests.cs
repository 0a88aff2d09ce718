using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Search;

/// <summary>The Lipschitz search against the brute-force oracle with each node bound forced in turn, splitting forced
/// three levels deep, on random networks of up to 30 ReLUs and all nine (p, q) pairs:
/// - MIP: pattern enumeration off, every box with unstable ReLUs gets the engine's MIP;
/// - patterns: the MIP off, boxes bounded by enumerating their unstable ReLUs' phases (exact leaves need an interior LP);
/// - intervals: both off, only interval Jacobian bounds and one-region leaves, cut off by depth and time.
/// The certified interval must contain the exact constant on every route, and close on it on the first two.</summary>
public class LipschitzSearchRouteTests(ITestOutputHelper output)
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (int seed in Enumerable.Range(0, 6)) data.Add(seed, "mip");
        foreach (int seed in Enumerable.Range(0, 10)) data.Add(seed, "patterns");
        foreach (int seed in Enumerable.Range(0, 6)) data.Add(seed, "intervals");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_node_bound_route_contains_the_exact_constant(int seed, string route)
    {
        var (network, lo, hi) = Case(seed);
        var regions = ActivationRegions.Enumerate(network, lo, hi);
        var options = new InputSplittingOptions
        {
            SplitWithoutSolvingBelowDepth = 3,
            EnumerationWorkLimit = route == "patterns" ? EnumeratedPatterns.WorkLimit : 0,
            InitialSolverUnstableLimit = route == "mip" ? 1000 : 0,
            MaximumDepth = route == "intervals" ? 10 : 60,
        };
        bool closes = route != "intervals";
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                double exact = LipschitzOracle.Compute(regions, p, q).Value;
                var query = new LipschitzQuery
                {
                    Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q, Exact = true,
                    TimeLimitSeconds = closes ? 120 : 2,
                };
                var result = new InputSplittingLipschitz(ScipSolver.Instance, options).Solve(query, new NetworkOracle(network));
                output.WriteLine($"seed {seed} {route} p={p.Label()} q={q.Label()}: exact {exact:G10}, certified [{result.Lower:G10}, {result.Upper:G10}]; {result.Notes.LastOrDefault()}");
                Assert.NotNull(result.Upper);
                Assert.True(result.Lower <= exact * (1 + 1e-9) + 1e-12, $"p={p} q={q}: lower {result.Lower} above exact {exact}");
                Assert.True(result.Upper >= exact * (1 - 1e-9) - 1e-12, $"p={p} q={q}: upper {result.Upper} below exact {exact}");
                Assert.True(InputSplittingOracleTests.BoxesBounded(result) >= 8, "splitting was forced to depth 3");
                if (!closes) continue;
                Assert.True(result.Upper - result.Lower <= 1e-6 * exact + 2e-8, $"p={p} q={q}: gap [{result.Lower}, {result.Upper}] around {exact}");
                Assert.NotNull(result.Witness);
            }
    }

    /// <summary>The oracle tests' small cases, and every third seed a 2-input network with 30 ReLUs.</summary>
    private static (Network Network, double[] Lo, double[] Hi) Case(int seed)
    {
        if (seed % 3 != 2) return RandomNetworks.OracleCase(seed);
        var (lo, hi) = RandomNetworks.CreateBox(seed + 500, 2);
        return (RandomNetworks.Create(seed + 500, 2, [15, 15], 2), lo, hi);
    }
}
