using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;
using VerifyGate.Core.Networks;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Solving;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>ACAS Xu 1_1 on the property-2 box, bounded once for all tests of the class.</summary>
public sealed class AcasLpFixture
{
    public static readonly double[] Lower = [0.6, -0.5, -0.5, 0.45, -0.5];
    public static readonly double[] Upper = [0.679857769, 0.5, 0.5, 0.5, -0.45];

    public AcasLpFixture()
    {
        Network = OnnxImporter.Load(TestPaths.Model("acasxu/ACASXU_run2a_1_1_batch_2000.onnx")).Network;
        Interval = BoundPropagation.Compute(Network, Lower, Upper, BoundMethod.Interval);
        Symbolic = BoundPropagation.Compute(Network, Lower, Upper, BoundMethod.Symbolic);
        Lp = LpTightening.Run(Network, Lower, Upper, new LpTighteningOptions { Threads = 2 });
    }

    public Network Network { get; }
    public NetworkBounds Interval { get; }
    public NetworkBounds Symbolic { get; }
    public LpTighteningResult Lp { get; }
}

public class LpTighteningTests(AcasLpFixture acas, ITestOutputHelper output) : IClassFixture<AcasLpFixture>
{
    [Theory]
    [MemberData(nameof(BoundTestNetworks.RandomCases), MemberType = typeof(BoundTestNetworks))]
    public void Random_networks_sampled_values_stay_within_lp_bounds_which_are_no_looser_than_symbolic(string kind, int seed)
    {
        var rng = new Random(seed * 131 + kind.Length);
        var network = BoundTestNetworks.RandomNetwork(kind, rng);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, network.InputSize, maxWidth: 2.0);
        var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        var lp = LpTightening.Run(network, lower, upper, new LpTighteningOptions { Threads = seed % 2 + 1 });

        Assert.Equal(0, lp.LpsFailed);
        Assert.Equal(0, lp.NeuronsSkipped);
        BoundSampling.AssertContains(network, BoundSampling.Points(rng, lower, upper, 10_000), lp.Bounds);
        BoundSampling.AssertNoLooser(lp.Bounds, symbolic);
        Assert.True(lp.Bounds.TotalUnstable <= symbolic.TotalUnstable);
    }

    [Fact]
    public void Lp_tightening_is_strictly_tighter_than_symbolic_on_deep_random_networks()
    {
        var rng = new Random(7);
        int tighter = 0;
        for (int trial = 0; trial < 4; trial++)
        {
            var network = BoundTestNetworks.Mlp(rng, 4, [10, 10, 10, 10], 3);
            var (lower, upper) = BoundTestNetworks.RandomBox(rng, 4, maxWidth: 2.0);
            var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
            var lp = BoundPropagation.Compute(network, lower, upper, BoundMethod.LpTightened);
            Assert.Equal(BoundMethod.LpTightened, lp.Method);
            if (BoundSampling.TotalWidth(lp) < BoundSampling.TotalWidth(symbolic) * 0.99) tighter++;
        }
        Assert.Equal(4, tighter);
    }

    /// <summary>x in [−1, 2], h = relu(x), z = h − x/2 + 0.1 (then a ReLU): z ranges over [0.1, 1.1].
    /// Symbolic bounds use h &gt;= x and get z &gt;= 0.5x + 0.1 &gt;= −0.4 (unstable; the upper end 1.1 is
    /// already exact from the chord); the triangle LP reaches 0.1, so the second ReLU becomes stable.</summary>
    [Fact]
    public void Hand_checked_network_lp_reaches_the_exact_range()
    {
        var b = new NetworkBuilder(1);
        int z1 = b.Dense(b.Input, new double[,] { { 1 } }, [0]);
        int h1 = b.Relu(z1);
        int z2 = b.Affine(
            [new AffineTerm(h1, SparseMatrix.FromDense(new double[,] { { 1 } })),
             new AffineTerm(b.Input, SparseMatrix.FromDense(new double[,] { { -0.5 } }))], [0.1]);
        int h2 = b.Relu(z2);
        var network = b.Build(b.Dense(h2, new double[,] { { 1 } }, [0]));

        var symbolic = BoundPropagation.Compute(network, [-1], [2], BoundMethod.Symbolic);
        var lp = LpTightening.Run(network, [-1], [2]);

        Assert.Equal(-0.4, symbolic.Lower(z2, 0), 1e-8);
        Assert.Equal(NeuronState.Unstable, symbolic.State(h2, 0));
        Assert.InRange(lp.Bounds.Lower(z2, 0), 0.1 - 1e-8, 0.1);
        Assert.InRange(lp.Bounds.Upper(z2, 0), 1.1, 1.1 + 1e-8);
        Assert.Equal(NeuronState.StableActive, lp.Bounds.State(h2, 0));
        Assert.Equal(2, lp.LpsSolved);
    }

    [Fact]
    public void Dual_bound_is_below_the_lp_optimum_for_any_multipliers_and_tight_for_glops()
    {
        var rng = new Random(3);
        var network = BoundTestNetworks.Mlp(rng, 4, [8, 8], 2);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, 4, maxWidth: 2.0);
        var bounds = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        int target = network.Activations.Last().Source;
        var lp = LpRelaxation.Build(bounds, target);
        using var solver = new GlopRelaxationSolver(lp);
        for (int j = 0; j < network.Nodes[target].Size; j++)
        {
            var (c, constant) = lp.TargetRow(j);
            double safe = solver.Minimise(c, constant, double.PositiveInfinity)
                ?? throw new InvalidOperationException("GLOP failed");
            double optimum = solver.LastObjectiveValue + constant;
            Assert.InRange(optimum - safe, 0.0, 1e-7 * (1 + Math.Abs(optimum)));
            for (int trial = 0; trial < 20; trial++)
            {
                var multipliers = Enumerable.Range(0, lp.RowCount).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
                Assert.True(DualBound.Lower(lp, c, constant, multipliers) <= optimum,
                    $"value {j}, trial {trial}: random multipliers gave a bound above the LP optimum {optimum}");
            }
            Assert.True(DualBound.Lower(lp, c, constant, new double[lp.RowCount]) <= bounds.Lower(target, j) + 1e-9,
                "zero multipliers give the plain box bound, never tighter than the network's bounds");
        }
    }

    /// <summary>The exact range of every last-layer pre-activation (MIP over the big-M encoding, solved
    /// to optimality by SCIP) must lie inside the LP bounds; the network evaluated at the MIP's input
    /// (the worst point, not a random one) must too.</summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.15)]
    public void Exact_mip_extremes_lie_within_lp_bounds(double slope)
    {
        var rng = new Random(17);
        var network = BoundTestNetworks.Mlp(rng, 3, [8, 8, 6], 2, slope);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, 3, maxWidth: 2.0);
        var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        var lp = LpTightening.Run(network, lower, upper).Bounds;
        int target = network.Activations.Last().Source;
        int strictlyInside = 0;
        for (int j = 0; j < network.Nodes[target].Size; j++)
            foreach (bool maximise in new[] { false, true })
            {
                var model = new MipModel();
                var encoding = new ForwardEncoding(model, symbolic);
                var objective = new Expr();
                encoding.Values[target][j].AddTo(objective, 1.0);
                model.SetObjective(objective, maximise);
                var result = ScipSolver.Instance.Solve(model, SolveOptions.Default);
                Assert.Equal(SolveStatus.Optimal, result.Status);
                var x = encoding.Inputs.Select(v => v.ValueAt(result.Values)).ToArray();
                double reached = network.EvaluateAll(x)[target][j];
                double exact = result.Objective!.Value;
                Assert.Equal(exact, reached, 1e-6);
                Assert.InRange(reached, lp.Lower(target, j), lp.Upper(target, j));
                Assert.InRange(exact, lp.Lower(target, j) - 1e-9, lp.Upper(target, j) + 1e-9);
                double lpEnd = maximise ? lp.Upper(target, j) : lp.Lower(target, j);
                double symbolicEnd = maximise ? symbolic.Upper(target, j) : symbolic.Lower(target, j);
                if (Math.Abs(lpEnd - exact) < Math.Abs(symbolicEnd - exact) - 1e-9) strictlyInside++;
            }
        Assert.True(strictlyInside > 0, "LP bounds should be closer to the exact range than symbolic ones somewhere");
    }

    [Fact]
    public void A_zero_time_budget_keeps_symbolic_bounds_and_counts_the_skipped_neurons()
    {
        var rng = new Random(11);
        var network = BoundTestNetworks.Mlp(rng, 4, [10, 10, 10], 2);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, 4, maxWidth: 2.0);
        var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        var lp = LpTightening.Run(network, lower, upper, new LpTighteningOptions { TimeBudgetSeconds = 0 });

        Assert.Equal(0, lp.LpsSolved);
        Assert.True(lp.BudgetExhausted);
        // The first layer reads only the input: its interval bounds are exact and it gets no LP.
        int first = network.Activations.First().Index;
        Assert.True(symbolic.UnstableCount(first) > 0 && symbolic.TotalUnstable > symbolic.UnstableCount(first));
        Assert.Equal(symbolic.TotalUnstable - symbolic.UnstableCount(first), lp.NeuronsSkipped);
        for (int node = 0; node < network.Nodes.Count; node++)
        {
            Assert.Equal(symbolic.Lower(node), lp.Bounds.Lower(node));
            Assert.Equal(symbolic.Upper(node), lp.Bounds.Upper(node));
        }
    }

    [Fact]
    public void Two_threads_give_the_same_bounds_as_one()
    {
        var rng = new Random(5);
        var network = BoundTestNetworks.Mlp(rng, 4, [12, 12, 12], 2);
        var (lower, upper) = BoundTestNetworks.RandomBox(rng, 4, maxWidth: 2.0);
        var one = LpTightening.Run(network, lower, upper, new LpTighteningOptions { Threads = 1 }).Bounds;
        var two = LpTightening.Run(network, lower, upper, new LpTighteningOptions { Threads = 2 }).Bounds;
        for (int node = 1; node < network.Nodes.Count; node++)
            for (int j = 0; j < network.Nodes[node].Size; j++)
            {
                Assert.Equal(one.Lower(node, j), two.Lower(node, j), 1e-6 * (1 + Math.Abs(one.Lower(node, j))));
                Assert.Equal(one.Upper(node, j), two.Upper(node, j), 1e-6 * (1 + Math.Abs(one.Upper(node, j))));
            }
    }

    [Fact]
    public void Fixed_input_box_gives_bounds_around_the_point_value()
    {
        var rng = new Random(13);
        var network = BoundTestNetworks.Residual(rng, 4, 6);
        double[] x = [0.3, -0.2, 0.7, 0.1];
        var lp = LpTightening.Run(network, x, x).Bounds;
        var values = network.EvaluateAll(x);
        for (int node = 0; node < values.Length; node++)
            for (int j = 0; j < values[node].Length; j++)
                Assert.InRange(values[node][j], lp.Lower(node, j), lp.Upper(node, j));
    }

    [Fact]
    public void AcasXu_1_1_property_2_box_is_sound_no_looser_and_has_fewer_unstable_neurons()
    {
        var lp = acas.Lp;
        output.WriteLine($"unstable: interval {acas.Interval.TotalUnstable}, symbolic {acas.Symbolic.TotalUnstable}, " +
            $"LP {lp.Bounds.TotalUnstable}; {lp.LpsSolved} LPs in {lp.Elapsed.TotalSeconds:F2} s (2 threads); " +
            $"total width symbolic {BoundSampling.TotalWidth(acas.Symbolic):G6}, LP {BoundSampling.TotalWidth(lp.Bounds):G6}");
        Assert.Equal(0, lp.LpsFailed);
        Assert.Equal(0, lp.NeuronsSkipped);
        BoundSampling.AssertContains(acas.Network,
            BoundSampling.Points(new Random(21), AcasLpFixture.Lower, AcasLpFixture.Upper, 10_000), lp.Bounds);
        BoundSampling.AssertNoLooser(lp.Bounds, acas.Symbolic);
        Assert.Equal(256, acas.Interval.TotalUnstable);
        Assert.Equal(247, acas.Symbolic.TotalUnstable);
        Assert.True(lp.Bounds.TotalUnstable < acas.Symbolic.TotalUnstable,
            $"unstable: LP {lp.Bounds.TotalUnstable}, symbolic {acas.Symbolic.TotalUnstable}");
        Assert.True(BoundSampling.TotalWidth(lp.Bounds) < 0.5 * BoundSampling.TotalWidth(acas.Symbolic));
    }

    [Fact]
    public void SDnet_10_30_30_30_3_on_a_small_box_is_sound_and_no_looser()
    {
        var network = OnnxImporter.Load(TestPaths.Model("lipbab/SDnet_10_30_30_30_3.onnx")).Network;
        var lower = new double[10];
        var upper = Enumerable.Repeat(0.1, 10).ToArray();
        var symbolic = BoundPropagation.Compute(network, lower, upper, BoundMethod.Symbolic);
        var lp = LpTightening.Run(network, lower, upper);
        output.WriteLine($"unstable: symbolic {symbolic.TotalUnstable}, LP {lp.Bounds.TotalUnstable}; " +
            $"{lp.LpsSolved} LPs in {lp.Elapsed.TotalMilliseconds:F0} ms; total width symbolic " +
            $"{BoundSampling.TotalWidth(symbolic):G6}, LP {BoundSampling.TotalWidth(lp.Bounds):G6}");
        Assert.Equal(0, lp.LpsFailed);
        BoundSampling.AssertContains(network, BoundSampling.Points(new Random(22), lower, upper, 10_000), lp.Bounds);
        BoundSampling.AssertNoLooser(lp.Bounds, symbolic);
        Assert.True(lp.Bounds.TotalUnstable <= symbolic.TotalUnstable);
        Assert.True(BoundSampling.TotalWidth(lp.Bounds) < BoundSampling.TotalWidth(symbolic));
    }
}
