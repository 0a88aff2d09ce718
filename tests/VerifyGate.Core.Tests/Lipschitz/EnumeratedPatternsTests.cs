using VerifyGate.Core.Bounds;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Lipschitz;

/// <summary>The lazy ranking yields every pattern once, with its exact norm, in the order a full sort of the exact
/// norms (each computed from a Jacobian from scratch) gives, for all nine (p, q) pairs.</summary>
public class EnumeratedPatternsTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void The_ranking_is_the_sorted_exact_norms(int seed)
    {
        var (network, lo, hi) = RandomNetworks.OracleCase(seed);
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                var query = new LipschitzQuery { Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q };
                var ranking = EnumeratedPatterns.Ranked(query, bounds);
                Assert.NotNull(ranking);
                int count = ranking.Count;
                Assert.Equal(1 << bounds.TotalUnstable, count);
                var expected = Enumerable.Range(0, count).Select(mask => PatternNorm.Compute(network.Jacobian(ranking.Walk.Pattern(mask)),
                    query.SelectedOutputs, query.FixedInputs, p, q)!.Value).OrderByDescending(v => v).ToArray();
                var yielded = ranking.Descending().ToArray();
                Assert.Equal(count, yielded.Select(y => y.Mask).Distinct().Count());
                for (int k = 0; k < count; k++)
                {
                    Assert.Equal(expected[k], yielded[k].Value, 1e-12 * (1 + expected[k]));
                    double own = PatternNorm.Compute(network.Jacobian(ranking.Walk.Pattern(yielded[k].Mask)), query.SelectedOutputs, query.FixedInputs, p, q)!.Value;
                    Assert.Equal(own, yielded[k].Value, 1e-12 * (1 + own));
                }
            }
    }
}
