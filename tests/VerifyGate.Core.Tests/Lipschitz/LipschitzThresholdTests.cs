using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>Threshold mode (AtMost without Exact) against the brute-force constant: a threshold well
/// above L is decided as passed by the certified upper bound, one below L as failed by a witness.</summary>
public class LipschitzThresholdTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() =>
    [
        [101, new[] { 8 }, NormKind.Inf, NormKind.Inf],
        [102, new[] { 6, 6 }, NormKind.Two, NormKind.Two],
        [103, new[] { 10, 10 }, NormKind.One, NormKind.One],
        [104, new[] { 5, 5, 5 }, NormKind.Inf, NormKind.Two],
        [105, new[] { 8, 8 }, NormKind.Two, NormKind.Inf],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Thresholds_above_and_below_the_exact_constant_are_decided(int seed, int[] hidden, NormKind p, NormKind q)
    {
        int inputs = 2 + seed % 2;
        var network = RandomNetworks.Create(seed, inputs, hidden, outputs: 2);
        var (lo, hi) = RandomNetworks.CreateBox(seed, inputs);
        double exact = LipschitzOracle.Compute(network, lo, hi, p, q).Value;
        var engine = new LipschitzEngine(ScipSolver.Instance);
        var query = new LipschitzQuery { Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q };

        double high = 1.5 * exact;
        var passed = engine.Solve(query with { AtMost = high }, new NetworkOracle(network));
        output.WriteLine($"exact {exact:G10}; at most {high:G10}: [{passed.Lower:G10}, {passed.Upper:G10}]");
        Assert.False(passed.TimedOut);
        Assert.True(passed.Upper <= high, $"upper {passed.Upper} does not decide L <= {high}");
        Assert.True(passed.Upper >= exact * (1 - 1e-9), $"upper {passed.Upper} below the exact {exact}");

        double low = 0.9 * exact;
        var failed = engine.Solve(query with { AtMost = low }, new NetworkOracle(network));
        output.WriteLine($"at most {low:G10}: [{failed.Lower:G10}, {failed.Upper:G10}]");
        Assert.False(failed.TimedOut);
        Assert.True(failed.Lower > low, $"lower {failed.Lower} does not refute L <= {low}");
        Assert.True(failed.Lower <= exact * (1 + 1e-9), $"lower {failed.Lower} above the exact {exact}");
        Assert.NotNull(failed.Witness);
        var w = failed.Witness!;
        double ratio = WitnessPair.Ratio(network.Evaluate(w.X), network.Evaluate(w.Y), w.X, w.Y, [0, 1], p, q);
        Assert.True(ratio > low, $"the witness pair's own ratio {ratio} does not exceed {low}");
    }
}
