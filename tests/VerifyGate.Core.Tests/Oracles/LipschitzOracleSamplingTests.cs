using System.Diagnostics;
using VerifyGate.Core.Norms;
using Xunit.Abstractions;
using static VerifyGate.Core.Tests.Oracles.OracleTestCases;

namespace VerifyGate.Core.Tests.Oracles;

/// <summary>The oracle against sampling on random networks: no sampled pair beats it (it is an upper
/// bound), pairs inside its witness region reach it (it is attained), and the enumeration is
/// complete and consistent with the network's own evaluation.</summary>
public class LipschitzOracleSamplingTests(ITestOutputHelper output)
{
    private static readonly int[][] Shapes = [[6], [8], [4, 4], [5, 3], [3, 3, 3], [10]];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 0; seed < 30; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sampled_ratios_never_exceed_the_oracle_and_its_witness_attains_it(int seed)
    {
        int inputs = 2 + seed % 3;
        int outputs = 1 + seed % 2 + seed % 5 / 4;
        var net = RandomNetworks.Create(seed, inputs, Shapes[seed % Shapes.Length], outputs);
        var (lo, hi) = RandomNetworks.CreateBox(seed, inputs, fixedInputs: seed % 4 == 3 ? 1 : 0);
        var regions = ActivationRegions.Enumerate(net, lo, hi);

        var rng = new Random(seed + 1000);
        var pairs = SamplePairs(rng, lo, hi, count: 300);
        var values = pairs.Select(pair => (net.Evaluate(pair.X), net.Evaluate(pair.Y))).ToArray();

        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                var oracle = LipschitzOracle.Compute(regions, p, q);
                double limit = oracle.Value * (1 + 1e-9) + 1e-300;
                for (int k = 0; k < pairs.Length; k++)
                {
                    double ratio = Ratio(values[k].Item1, values[k].Item2, pairs[k].X, pairs[k].Y, p, q);
                    Assert.True(ratio <= limit, $"seed {seed} ({p},{q}): sampled ratio {ratio} exceeds oracle {oracle.Value}");
                }

                Assert.Equal(1.0, VectorNorm.Norm(oracle.Direction, p), 12);
                double tau = 0.5 * oracle.Radius / VectorNorm.Norm(oracle.Direction, NormKind.Two);
                var x = oracle.Point.Zip(oracle.Direction, (a, v) => a - tau * v).ToArray();
                var y = oracle.Point.Zip(oracle.Direction, (a, v) => a + tau * v).ToArray();
                Assert.Equal(Key(oracle.Pattern), Key(net.PatternAt(x)));
                Assert.Equal(Key(oracle.Pattern), Key(net.PatternAt(y)));
                double attained = Ratio(net.Evaluate(x), net.Evaluate(y), x, y, p, q);
                Assert.True(attained <= limit, $"seed {seed} ({p},{q}): witness ratio {attained} exceeds {oracle.Value}");
                Assert.True(attained >= oracle.Value * (1 - 1e-6), $"seed {seed} ({p},{q}): witness ratio {attained} below {oracle.Value}");
            }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Enumeration_is_complete_and_matches_the_network(int seed)
    {
        int inputs = 2 + seed % 3;
        var net = RandomNetworks.Create(seed, inputs, Shapes[seed % Shapes.Length], 2);
        var (lo, hi) = RandomNetworks.CreateBox(seed, inputs, fixedInputs: seed % 4 == 3 ? 1 : 0);
        var regions = ActivationRegions.Enumerate(net, lo, hi);
        var byKey = regions.Regions.ToDictionary(r => Key(r.Pattern));
        Assert.Equal(regions.Regions.Count, byKey.Count);

        foreach (var region in regions.Regions)
        {
            var x = regions.FullInput(region.Point);
            Assert.True(region.Radius > 1e-9);
            Assert.Equal(Key(region.Pattern), Key(net.PatternAt(x)));
            var jacobian = net.Jacobian(region.Pattern);
            for (int r = 0; r < net.OutputSize; r++)
                for (int k = 0; k < regions.FreeInputs.Length; k++)
                    Assert.Equal(jacobian[r, regions.FreeInputs[k]], region.Jacobian[r, k], 12);
        }

        // Random points hit regions with interior almost surely, so their patterns must all be listed.
        var rng = new Random(seed + 2000);
        for (int k = 0; k < 500; k++)
        {
            var pattern = Key(net.PatternAt(Uniform(rng, lo, hi)));
            Assert.True(byKey.ContainsKey(pattern), $"seed {seed}: pattern {pattern} of a random point was not enumerated");
        }
    }

    [Fact]
    public void Four_inputs_and_twenty_relus_enumerate_in_seconds()
    {
        foreach (var (shape, wide) in new[] { (new[] { 20 }, false), (new[] { 10, 10 }, false), (new[] { 7, 7, 6 }, false) })
        {
            var net = RandomNetworks.Create(7, 4, shape, 2);
            var (lo, hi) = wide ? ([-3.0, -3, -3, -3], [3.0, 3, 3, 3]) : RandomNetworks.CreateBox(7, 4);
            var watch = Stopwatch.StartNew();
            var regions = ActivationRegions.Enumerate(net, lo, hi);
            var l = LipschitzOracle.Compute(regions, NormKind.Two, NormKind.Two);
            watch.Stop();
            output.WriteLine($"4 inputs, hidden [{string.Join(",", shape)}], box {(wide ? "[-3,3]^4" : "random")}: {regions.Regions.Count} regions, {regions.LpSolves} LPs, {watch.Elapsed.TotalSeconds:F2} s, L22 = {l.Value}");
            Assert.True(regions.Regions.Count > 20);
            // Generous: only an exponential blow-up (lost pruning) should trip it on a loaded machine.
            Assert.True(watch.Elapsed.TotalSeconds < 30, $"took {watch.Elapsed.TotalSeconds} s");
        }
    }

    private static (double[] X, double[] Y)[] SamplePairs(Random rng, double[] lo, double[] hi, int count)
    {
        var pairs = new (double[], double[])[count];
        for (int k = 0; k < count; k++)
        {
            var x = Uniform(rng, lo, hi);
            double[] y;
            if (k % 2 == 0) y = Uniform(rng, lo, hi);
            else
            {
                // A close pair: a small step in a random direction, clamped to the box.
                y = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                    y[i] = Math.Clamp(x[i] + 1e-4 * (hi[i] - lo[i]) * RandomNetworks.Gaussian(rng), lo[i], hi[i]);
            }
            pairs[k] = (x, y);
        }
        return pairs;
    }

    private static double Ratio(double[] fx, double[] fy, double[] x, double[] y, NormKind p, NormKind q)
    {
        double dx = VectorNorm.Norm(Subtract(x, y), p);
        return dx == 0 ? 0 : VectorNorm.Norm(Subtract(fx, fy), q) / dx;
    }
}
