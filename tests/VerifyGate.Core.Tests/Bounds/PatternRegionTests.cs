using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Tests.Oracles;
using Xunit;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>PatternRegion against the brute-force region enumeration: every phase assignment of a box's unstable
/// ReLUs is classified, and a pattern whose region has interior (the oracle found it) is never called empty, which
/// is what the Lipschitz search relies on when it drops a pattern. Interior points must carry their pattern, and
/// the LP must settle most patterns either way (a classifier that always said "unknown" would pass the first check).</summary>
public sealed class PatternRegionTests(ITestOutputHelper output)
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (int seed in Enumerable.Range(0, 24)) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_pattern_with_interior_is_called_empty(int seed)
    {
        var (network, lo, hi) = RandomNetworks.OracleCase(seed);
        var bounds = BoundPropagation.Compute(network, lo, hi, BoundMethod.Symbolic);
        var regions = ActivationRegions.Enumerate(network, lo, hi);
        var withInterior = regions.Regions.Select(r => OracleTestCases.Key(r.Pattern)).ToHashSet();

        var unstable = network.Activations
            .SelectMany(relu => Enumerable.Range(0, relu.Size).Where(r => bounds.State(relu.Index, r) == NeuronState.Unstable).Select(r => (relu.Index, r)))
            .Take(12).ToList();
        var phases = network.Activations.ToDictionary(relu => relu.Index,
            relu => bounds.States(relu.Index).Select(s => s == NeuronState.StableActive).ToArray());
        bool allUnstable = unstable.Count == bounds.TotalUnstable;
        var walk = new PatternWalk(network, phases, unstable);
        int empty = 0, interior = 0, unknown = 0;
        for (long mask = 0; mask < walk.Count; mask++)
        {
            var pattern = walk.Pattern(mask);
            var region = PatternRegion.Classify(bounds, pattern, LocalAffineMap.Of(network, pattern));
            string key = OracleTestCases.Key(pattern);
            switch (region.Kind)
            {
                case RegionKind.Empty:
                    empty++;
                    Assert.False(withInterior.Contains(key), $"seed {seed}: pattern {key} has interior (oracle) but was proven empty");
                    break;
                case RegionKind.Interior:
                    interior++;
                    if (allUnstable && region.Depth > 1e-6)
                    {
                        Assert.Equal(key, OracleTestCases.Key(network.PatternAt(region.Point!)));
                        Assert.Contains(key, withInterior);
                    }
                    break;
                default: unknown++; break;
            }
        }
        output.WriteLine($"seed {seed}: {walk.Count} patterns of {unstable.Count} unstable ReLUs, {withInterior.Count} regions (oracle); " +
                         $"{interior} interior, {empty} empty, {unknown} unknown");
        if (allUnstable)
        {
            Assert.Equal(withInterior.Count, interior);
            Assert.True(unknown <= walk.Count / 10 + 1, $"{unknown} of {walk.Count} patterns left unknown");
        }
    }

    /// <summary>A region cut off by two parallel ReLU boundaries: z1 = x and z2 = 0.1 − x on [−1, 1] cannot both be
    /// inactive (x ≤ 0 and x ≥ 0.1), and z1 active with z2 inactive is the thin slab x ≥ 0.1.</summary>
    [Fact]
    public void Two_parallel_boundaries_leave_one_pattern_empty()
    {
        var builder = new NetworkBuilder(1);
        int hidden = builder.Relu(builder.Dense(builder.Input, new double[,] { { 1.0 }, { -1.0 } }, [0.0, 0.1]));
        var network = builder.Build(builder.Dense(hidden, new double[,] { { 1.0, 1.0 } }, [0.0]));
        var bounds = BoundPropagation.Compute(network, [-1.0], [1.0], BoundMethod.Symbolic);
        var relu = network.Activations.First().Index;
        PatternRegionResult Of(bool first, bool second)
        {
            var pattern = new ActivationPattern(new Dictionary<int, bool[]> { [relu] = [first, second] });
            return PatternRegion.Classify(bounds, pattern, LocalAffineMap.Of(network, pattern));
        }
        Assert.Equal(RegionKind.Empty, Of(false, false).Kind);
        var slab = Of(true, false);
        Assert.Equal(RegionKind.Interior, slab.Kind);
        Assert.InRange(slab.Point![0], 0.1, 1.0);
        Assert.Equal(0.45, slab.Depth, 6);
        Assert.Equal(RegionKind.Interior, Of(true, true).Kind);
        Assert.Equal(RegionKind.Interior, Of(false, true).Kind);
    }
}
