using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Invertibility;

/// <summary>D by the search over pairs of boxes, against the per-objective MIPs and a grid of pairs, on random 2-8-8-2
/// networks in every norm, with and without an output tolerance, with splitting forced down to nodes of at most four
/// unstable ReLUs, and with the difference rows (and per-node difference bounds) on: every certified interval holds the grid's best pair, and the intervals of the three methods overlap
/// (a pair of boxes wrongly dropped, by a false one-to-one certificate, an inverse bound or a difference bound, would put
/// the search's upper bound below a witness).</summary>
public class InvertibilitySearchTests
{
    private static readonly TwoCopyEngine Engine = new(ScipSolver.Instance);

    public static TheoryData<NormKind, double, int> Cases()
    {
        var data = new TheoryData<NormKind, double, int>();
        foreach (var p in new[] { NormKind.Inf, NormKind.One, NormKind.Two })
            foreach (double eta in new[] { 0.0, 0.05 })
                for (int seed = 1; seed <= 3; seed++)
                    data.Add(p, eta, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_search_the_forced_split_and_the_MIPs_agree_and_hold_the_grid_pairs(NormKind p, double eta, int seed)
    {
        var network = RandomNetworks.Create(seed, 2, [8, 8], 2);
        var query = new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = network, Lower = [-1, -1], Upper = [1, 1], InputNorm = p,
            OutputTolerance = eta, Exact = true, TimeLimitSeconds = 60, CheapProofs = false,
        };
        var oracle = new NetworkOracle(network);
        var search = Engine.Solve(query, oracle);
        var split = Engine.Solve(query with { SearchSolverUnstableLimit = 4 }, oracle);
        var direct = Engine.Solve(query with { InvertibilityMethod = InvertibilityMethod.Direct }, oracle);
        var splitRows = Engine.Solve(query with { SearchSolverUnstableLimit = 4, DifferenceRows = true }, oracle);
        var directRows = Engine.Solve(query with { InvertibilityMethod = InvertibilityMethod.Direct, DifferenceRows = true }, oracle);
        Assert.Contains(search.Notes, n => n.StartsWith("invertibility search", StringComparison.Ordinal));
        Assert.Contains(split.Notes, n => n.StartsWith("invertibility search", StringComparison.Ordinal));

        double gridBest = GridBest(network, eta, p);
        const double slack = 1e-6;
        var all = new[] { ("search", search), ("forced split", split), ("MIPs", direct), ("forced split with difference rows", splitRows), ("MIPs with difference rows", directRows) };
        foreach (var (name, r) in all)
        {
            Assert.True(gridBest <= r.Upper + slack, $"{name}: a grid pair {gridBest} apart beats the certified D <= {r.Upper}");
            foreach (var (_, other) in all)
                Assert.True(r.Lower <= other.Upper + slack, $"{name}'s witness {r.Lower} is beyond another certified D <= {other.Upper}");
        }
        Assert.False(search.TimedOut, $"the search did not close: [{search.Lower}, {search.Upper}]");
        Assert.True(search.Upper - search.Lower <= 1e-5 * search.Upper + 1e-6, $"search not closed: [{search.Lower}, {search.Upper}]");
    }

    /// <summary>Without the symmetry x ↔ y every pair is searched in both orders: the certified intervals must still
    /// overlap those found with it, for D and the invertibility radius, by both methods of each.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Leaving_the_symmetry_out_certifies_overlapping_intervals(int seed)
    {
        var network = RandomNetworks.Create(seed, 2, [8, 8], 2);
        var oracle = new NetworkOracle(network);
        var d = new TwoCopyQuery
        {
            Kind = TwoCopyKind.Invertibility, Network = network, Lower = [-1, -1], Upper = [1, 1], Exact = true, TimeLimitSeconds = 60, CheapProofs = false,
        };
        var r = new TwoCopyQuery
        {
            Kind = TwoCopyKind.InvertibilityRadius, Network = network, Center = [0.1, -0.2], Separation = 1e-3, Exact = true, TimeLimitSeconds = 60,
            Lower = [-1.9, -2.2], Upper = [2.1, 1.8],
        };
        foreach (var query in new[]
                 {
                     d, d with { InvertibilityMethod = InvertibilityMethod.Direct },
                     r, r with { RadiusMethod = RadiusMethod.Direct },
                 })
        {
            var with = Engine.Solve(query, oracle);
            var without = Engine.Solve(query with { SymmetryBreaking = false }, oracle);
            double withUpper = with.Upper ?? 2, withoutUpper = without.Upper ?? 2;
            Assert.True(with.Lower <= withoutUpper + 1e-6 && without.Lower <= withUpper + 1e-6,
                $"{query.Kind}: with the symmetry [{with.Lower}, {with.Upper}], without [{without.Lower}, {without.Upper}]");
        }
    }

    private static double GridBest(VerifyGate.Core.Networks.Network network, double eta, NormKind p)
    {
        var axis = Enumerable.Range(0, 41).Select(k => -1 + 2.0 * k / 40).ToArray();
        var points = axis.SelectMany(a => axis.Select(b => new[] { a, b })).ToArray();
        var outputs = points.Select(x => network.Evaluate(x)).ToArray();
        double best = 0;
        for (int i = 0; i < points.Length; i++)
            for (int j = i + 1; j < points.Length; j++)
            {
                double[] gap = [outputs[i][0] - outputs[j][0], outputs[i][1] - outputs[j][1]];
                if (VectorNorm.Norm(gap, NormKind.Inf) <= eta)
                    best = Math.Max(best, VectorNorm.Norm([points[i][0] - points[j][0], points[i][1] - points[j][1]], p));
            }
        return best;
    }
}
