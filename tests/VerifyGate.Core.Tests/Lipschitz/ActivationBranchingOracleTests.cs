using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>The search branching on ReLU phases instead of inputs, against the brute-force oracle on small random
/// networks, all nine (p, q) pairs: down to fully fixed patterns (no MIP, no enumeration: each leaf is one pattern whose
/// region the LP decides), with a MIP on nodes built on their phase-fixed bounds, and with the phases under fixed ones
/// enumerated. The certified interval contains the exact constant and closes on it.</summary>
public class ActivationBranchingOracleTests(ITestOutputHelper output)
{
    private static readonly NormKind[] Norms = [NormKind.One, NormKind.Two, NormKind.Inf];

    public static IEnumerable<object[]> Pairs() =>
        from p in Norms from q in Norms from seed in new[] { 0, 1, 2 } select new object[] { p, q, seed };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Branching_down_to_fixed_patterns_contains_and_closes_on_the_exact_constant(NormKind p, NormKind q, int seed)
    {
        var options = new InputSplittingOptions { Branching = Branching.Activations, EnumerationWorkLimit = 0, InitialSolverUnstableLimit = -1 };
        var (exact, result) = Run(Case(seed + 10 * (int)p + 3 * (int)q), p, q, options);
        Assert.Equal(0, InputSplittingOracleTests.Count(result, "boxes solved by the MIP"));
        Assert.True(InputSplittingOracleTests.Count(result, "inside one linear region") >= 1, "leaves with every phase fixed were reached");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Node_MIPs_on_phase_fixed_bounds_contain_and_close_on_the_exact_constant(NormKind p, NormKind q, int seed)
    {
        var options = new InputSplittingOptions { Branching = Branching.Activations, EnumerationWorkLimit = 0, SplitWithoutSolvingBelowDepth = 2 };
        // Two layers of 6 (seeds 1 mod 3): enough unstable ReLUs that nodes two phases deep still have some.
        var (_, result) = Run(Case(3 * (seed + 40 + 10 * (int)p + 3 * (int)q) + 1), p, q, options);
        Assert.True(InputSplittingOracleTests.Count(result, "boxes solved by the MIP") >= 1, "a node with fixed phases was given a MIP");
    }

    [Theory]
    [InlineData(NormKind.Inf, NormKind.Inf, 0)]
    [InlineData(NormKind.One, NormKind.Two, 1)]
    [InlineData(NormKind.Two, NormKind.Two, 2)]
    [InlineData(NormKind.Two, NormKind.One, 3)]
    public void Enumerating_under_fixed_phases_contains_and_closes_on_the_exact_constant(NormKind p, NormKind q, int seed)
    {
        // 20 ReLUs: enumerable only once a few phases are fixed.
        var network = RandomNetworks.Create(seed + 70, 3, [10, 10], 2);
        var (lo, hi) = RandomNetworks.CreateBox(seed + 70, 3);
        var options = new InputSplittingOptions { Branching = Branching.Activations, SplitWithoutSolvingBelowDepth = 3, EnumerationWorkLimit = 2e6 };
        var (_, result) = Run((network, lo, hi), p, q, options);
        Assert.True(InputSplittingOracleTests.Count(result, "by their activation patterns") >= 1, "nodes under fixed phases were enumerated");
    }

    private (double Exact, CertifiedBounds Result) Run((Network Network, double[] Lo, double[] Hi) c, NormKind p, NormKind q, InputSplittingOptions options)
    {
        var (network, lo, hi) = c;
        double exact = LipschitzOracle.Compute(network, lo, hi, p, q).Value;
        var query = new LipschitzQuery { Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q, Exact = true, TimeLimitSeconds = 120 };
        var result = new InputSplittingLipschitz(ScipSolver.Instance, options).Solve(query, new NetworkOracle(network));
        output.WriteLine($"p={p.Label()} q={q.Label()}: exact {exact:G10}, certified [{result.Lower:G10}, {result.Upper:G10}] in {result.Elapsed.TotalSeconds:0.00} s");
        foreach (var note in result.Notes) output.WriteLine("note: " + note);
        InputSplittingOracleTests.AssertContainsAndCloses(exact, result, lo, hi);
        return (exact, result);
    }

    private static (Network, double[], double[]) Case(int seed)
    {
        int inputs = 2 + seed % 3;
        int[] hidden = (seed % 3) switch { 0 => [8], 1 => [6, 6], _ => [5, 5, 5] };
        var network = RandomNetworks.Create(seed, inputs, hidden, 1 + seed % 2);
        var (lo, hi) = RandomNetworks.CreateBox(seed, inputs);
        return (network, lo, hi);
    }
}
