using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;

namespace VerifyGate.Core.Tests.Invertibility;

/// <summary>The radius kinds in all three ball norms, on answers known in closed form and against an enumeration of
/// every linear region, for each method that solves them.</summary>
public class RadiusBallNormTests
{
    private static readonly TwoCopyEngine Engine = new(ScipSolver.Instance);

    /// <summary>f(x) = (|x1 + x2 − a|, x1 − x2) folds the plane along the line x1 + x2 = a.</summary>
    private static Network Fold(double a)
    {
        var b = new NetworkBuilder(2);
        var h = b.Relu(b.Dense(b.Input, new double[,] { { 1, 1 }, { -1, -1 }, { 1, -1 }, { -1, 1 } }, [-a, a, 0, 0]));
        b.Dense(h, new double[,] { { 1, 1, 0, 0 }, { 0, 0, 1, -1 } }, [0, 0]);
        return b.Build();
    }

    private static double UnitDiagonal(NormKind p) => p switch { NormKind.One => 2, NormKind.Two => Math.Sqrt(2), _ => 1 };

    public static TheoryData<NormKind, RadiusMethod> NormsAndMethods()
    {
        var data = new TheoryData<NormKind, RadiusMethod>();
        foreach (var p in new[] { NormKind.Inf, NormKind.One, NormKind.Two })
            foreach (var m in new[] { RadiusMethod.Direct, RadiusMethod.Bisection, RadiusMethod.Search })
                data.Add(p, m);
        return data;
    }

    private static TwoCopyQuery Query(TwoCopyKind kind, Network network, double[] c, double maxRadius, double delta, NormKind p, RadiusMethod method) => new()
    {
        Kind = kind, Network = network, Center = c, InputNorm = p, RadiusMethod = method, Separation = delta, Exact = true, TimeLimitSeconds = 60,
        Lower = c.Select(v => v - maxRadius).ToArray(), Upper = c.Select(v => v + maxRadius).ToArray(),
    };

    /// <summary>The other preimage of c is its mirror c + k(1, 1), k = a − c1 − c2: R* = k‖(1, 1)‖_p.</summary>
    [Theory]
    [MemberData(nameof(NormsAndMethods))]
    public void Preimage_radius_of_the_fold_is_the_mirror_distance(NormKind p, RadiusMethod method)
    {
        double a = 1, k = 1.2;
        double[] c = [0.1, -0.3];
        var result = Engine.Solve(Query(TwoCopyKind.PreimageRadius, Fold(a), c, 3, 1e-3, p, method), new NetworkOracle(Fold(a)));
        double expected = k * UnitDiagonal(p);
        AssertEncloses(expected, result.Lower, result.Upper);
        var w = result.Witness!;
        Assert.Equal(c[0] + k, w.X[0], 4);
        Assert.Equal(c[1] + k, w.X[1], 4);
    }

    /// <summary>Pairs p ± (e, e) with p on the fold line and 2e ≥ δ: r* = (k/2 + δ/2)‖(1, 1)‖_p.</summary>
    [Theory]
    [MemberData(nameof(NormsAndMethods))]
    public void Invertibility_radius_of_the_fold_is_half_the_mirror_distance_plus_the_separation(NormKind p, RadiusMethod method)
    {
        double a = 1, k = 1.2, delta = 1e-3;
        double[] c = [0.1, -0.3];
        var result = Engine.Solve(Query(TwoCopyKind.InvertibilityRadius, Fold(a), c, 3, delta, p, method), new NetworkOracle(Fold(a)));
        AssertEncloses((k / 2 + delta / 2) * UnitDiagonal(p), result.Lower, result.Upper);
    }

    /// <summary>Every preimage of f(c) on a random 2-8-2 network, found by solving the affine equation of each activation
    /// pattern and keeping the solutions that have that pattern: R* is the nearest one in each norm.</summary>
    [Theory]
    [InlineData(NormKind.Inf, 1)]
    [InlineData(NormKind.One, 1)]
    [InlineData(NormKind.Two, 1)]
    [InlineData(NormKind.Inf, 2)]
    [InlineData(NormKind.One, 2)]
    [InlineData(NormKind.Two, 2)]
    [InlineData(NormKind.Two, 3)]
    public void Preimage_radius_matches_the_enumerated_preimages(NormKind p, int seed)
    {
        var (network, c, expected) = WithEnumeratedPreimage(p, seed);
        foreach (var method in new[] { RadiusMethod.Direct, RadiusMethod.Search })
        {
            var result = Engine.Solve(Query(TwoCopyKind.PreimageRadius, network, c, 3, 1e-3, p, method), new NetworkOracle(network));
            AssertEncloses(expected, result.Lower, result.Upper);
        }
    }

    private static void AssertEncloses(double expected, double? lower, double? upper)
    {
        double slack = 1e-6 * expected + 1e-8;
        Assert.True(lower <= expected + slack, $"certified lower bound {lower:G10} above the true value {expected:G10}");
        Assert.NotNull(upper);
        Assert.True(upper >= expected - slack, $"witness {upper:G10} below the true value {expected:G10}");
        Assert.True(upper - lower <= 1e-4 * expected + 1e-6, $"[{lower:G10}, {upper:G10}] around {expected:G10}");
    }

    /// <summary>A random network and centre for which some other preimage lies within radius 3 (seeds are tried until one does).</summary>
    private static (Network Network, double[] Center, double Radius) WithEnumeratedPreimage(NormKind p, int seed)
    {
        for (int attempt = 0; ; attempt++)
        {
            var rng = new Random(1000 * seed + attempt);
            var network = RandomNetwork(rng);
            double[] c = [rng.NextDouble() - 0.5, rng.NextDouble() - 0.5];
            var target = network.Evaluate(c);
            double best = double.PositiveInfinity;
            foreach (var x in Preimages(network, target, 3, c))
            {
                if (Math.Max(Math.Abs(x[0] - c[0]), Math.Abs(x[1] - c[1])) < 1e-2) continue;   // c itself (δ = 1e-3)
                best = Math.Min(best, VectorNorm.Norm([x[0] - c[0], x[1] - c[1]], p));
            }
            if (best < 2.5) return (network, c, best);
        }
    }

    private static Network RandomNetwork(Random rng)
    {
        var w1 = new double[8, 2];
        var w2 = new double[2, 8];
        for (int i = 0; i < 8; i++)
        {
            w1[i, 0] = rng.NextDouble() * 2 - 1;
            w1[i, 1] = rng.NextDouble() * 2 - 1;
            w2[0, i] = rng.NextDouble() * 2 - 1;
            w2[1, i] = rng.NextDouble() * 2 - 1;
        }
        var b = new NetworkBuilder(2);
        var h = b.Relu(b.Dense(b.Input, w1, Enumerable.Range(0, 8).Select(_ => rng.NextDouble() - 0.5).ToArray()));
        b.Dense(h, w2, [0, 0]);
        return b.Build();
    }

    /// <summary>The solutions of f(x) = target in the box c ± r: per pattern, f is W2 D (W1 x + b1), a 2 × 2 system.</summary>
    private static IEnumerable<double[]> Preimages(Network network, double[] target, double r, double[] c)
    {
        var reluNode = network.PatternAt(c).ByNode.Keys.Single();
        for (int mask = 0; mask < 256; mask++)
        {
            var phases = Enumerable.Range(0, 8).Select(i => (mask >> i & 1) == 1).ToArray();
            var map = LocalAffineMap.Of(network, new ActivationPattern(new Dictionary<int, bool[]> { [reluNode] = phases }));
            var slopes = map.Slopes[network.OutputIndex];
            var offsets = map.Offsets[network.OutputIndex];
            double a = slopes[0, 0], b = slopes[0, 1], d = slopes[1, 0], e = slopes[1, 1];
            double det = a * e - b * d;
            if (Math.Abs(det) < 1e-12) continue;
            double r0 = target[0] - offsets[0], r1 = target[1] - offsets[1];
            double[] x = [(e * r0 - b * r1) / det, (a * r1 - d * r0) / det];
            if (Math.Abs(x[0] - c[0]) > r || Math.Abs(x[1] - c[1]) > r) continue;
            var actual = network.Evaluate(x);
            if (Math.Abs(actual[0] - target[0]) + Math.Abs(actual[1] - target[1]) < 1e-9) yield return x;
        }
    }
}

/// <summary>The radius search against the per-direction MIPs on random 2-8-8-2 networks: two certified intervals of the
/// same quantity must overlap, in every ball norm and for both kinds (a box wrongly dropped by the search, say by a
/// false one-to-one certificate, would put its lower bound above the MIPs' witness).</summary>
public class RadiusSearchAgreementTests
{
    private static readonly TwoCopyEngine Engine = new(ScipSolver.Instance);

    public static TheoryData<TwoCopyKind, NormKind, int> Cases()
    {
        var data = new TheoryData<TwoCopyKind, NormKind, int>();
        foreach (var kind in new[] { TwoCopyKind.PreimageRadius, TwoCopyKind.InvertibilityRadius })
            foreach (var p in new[] { NormKind.Inf, NormKind.One, NormKind.Two })
                for (int seed = 1; seed <= 4; seed++)
                    data.Add(kind, p, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_search_and_the_per_direction_MIPs_certify_overlapping_intervals(TwoCopyKind kind, NormKind p, int seed)
    {
        var network = RandomNetworks.Create(seed, 2, [8, 8], 2);
        var rng = new Random(seed);
        double[] c = [rng.NextDouble() - 0.5, rng.NextDouble() - 0.5];
        double maxRadius = 2;
        var query = new TwoCopyQuery
        {
            Kind = kind, Network = network, Center = c, InputNorm = p, Separation = 1e-3, Exact = true, TimeLimitSeconds = 60,
            Lower = c.Select(v => v - maxRadius).ToArray(), Upper = c.Select(v => v + maxRadius).ToArray(),
        };
        var search = Engine.Solve(query with { RadiusMethod = RadiusMethod.Search }, new NetworkOracle(network));
        var direct = Engine.Solve(query with { RadiusMethod = RadiusMethod.Direct }, new NetworkOracle(network));
        Assert.False(search.TimedOut);
        Assert.False(direct.TimedOut);
        double searchUpper = search.Upper ?? maxRadius, directUpper = direct.Upper ?? maxRadius;
        double slack = 1e-6 * maxRadius;
        Assert.True(search.Lower <= directUpper + slack, $"search certified {search.Lower} above the MIPs' witness {directUpper}");
        Assert.True(direct.Lower <= searchUpper + slack, $"MIPs certified {direct.Lower} above the search's witness {searchUpper}");
        Assert.True(searchUpper - search.Lower <= 1e-4 * searchUpper + 1e-6, $"search not closed: [{search.Lower}, {search.Upper}]");
    }
}
