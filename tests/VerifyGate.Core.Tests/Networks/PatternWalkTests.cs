using VerifyGate.Core.Networks;
using VerifyGate.Core.Tests.Oracles;
using Xunit;

namespace VerifyGate.Core.Tests.Networks;

/// <summary>The Gray-code walk's incremental Jacobians against a Jacobian computed from scratch for every pattern,
/// on networks with one to three hidden layers and free neurons drawn from all of them.</summary>
public sealed class PatternWalkTests
{
    [Theory]
    [InlineData(1, 3, new[] { 8 })]
    [InlineData(2, 4, new[] { 6, 6 })]
    [InlineData(3, 2, new[] { 5, 5, 5 })]
    [InlineData(4, 5, new[] { 10, 4 })]
    public void Every_pattern_gets_the_Jacobian_computed_from_scratch(int seed, int inputs, int[] hidden)
    {
        var network = RandomNetworks.Create(seed, inputs, hidden, 3);
        var rng = new Random(seed);
        var phases = network.Activations.ToDictionary(relu => relu.Index, relu => Enumerable.Range(0, relu.Size).Select(_ => rng.Next(2) == 1).ToArray());
        var free = network.Activations.SelectMany(relu => Enumerable.Range(0, relu.Size).Select(r => (relu.Index, r)))
            .Where(_ => rng.NextDouble() < 0.5).Take(10).ToList();
        var walk = new PatternWalk(network, phases, free);
        var seen = new HashSet<long>();
        Assert.True(walk.Visit((mask, jacobian) =>
        {
            Assert.True(seen.Add(mask), $"mask {mask} visited twice");
            var pattern = walk.Pattern(mask);
            foreach (var relu in network.Activations)
                for (int r = 0; r < relu.Size; r++)
                    if (!free.Contains((relu.Index, r))) Assert.Equal(phases[relu.Index][r], pattern.Active(relu.Index)[r]);
            var expected = network.Jacobian(pattern);
            for (int i = 0; i < expected.GetLength(0); i++)
                for (int j = 0; j < expected.GetLength(1); j++)
                    Assert.Equal(expected[i, j], jacobian[i, j], 12);
        }));
        Assert.Equal(1 << free.Count, seen.Count);
    }

    [Fact]
    public void A_cancelled_walk_stops_and_says_so()
    {
        var network = RandomNetworks.Create(9, 2, [12], 1);
        var phases = network.Activations.ToDictionary(relu => relu.Index, relu => new bool[relu.Size]);
        var walk = new PatternWalk(network, phases, Enumerable.Range(0, 12).Select(r => (network.Activations.First().Index, r)));
        int visited = 0;
        Assert.False(walk.Visit((_, _) => visited++, new CancellationToken(canceled: true)));
        Assert.True(visited < walk.Count);
    }
}
