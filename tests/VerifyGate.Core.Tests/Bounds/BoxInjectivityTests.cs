using VerifyGate.Core.Bounds;
using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Bounds;

/// <summary>The one-to-one certificate of a box: never on a box where f is not one-to-one, and its regularity test
/// never accepts an interval matrix holding a singular matrix.</summary>
public class BoxInjectivityTests
{
    /// <summary>f(x) = (|x1 + x2 − 1|, x1 − x2) folds along x1 + x2 = 1 and is one-to-one on each side. x1 − x2 is
    /// relu(x1 − x2 + 10) − 10, a ReLU active on every box below, so its slope is known exactly (relu(u) − relu(−u) would
    /// leave both slopes in [0, 1] and the interval Jacobian singular).</summary>
    private static Network Fold()
    {
        var b = new NetworkBuilder(2);
        var h = b.Relu(b.Dense(b.Input, new double[,] { { 1, 1 }, { -1, -1 }, { 1, -1 } }, [-1, 1, 10]));
        b.Dense(h, new double[,] { { 1, 1, 0 }, { 0, 0, 1 } }, [0, -10]);
        return b.Build();
    }

    [Fact]
    public void A_box_across_the_fold_is_not_proven_and_a_box_on_one_side_is()
    {
        int[] outputs = [0, 1];
        bool[] free = [false, false];
        Assert.False(BoxInjectivity.Proves(Fold(), [0.4, 0.4], [0.6, 0.7], outputs, free));   // x1 + x2 from 0.8 to 1.3
        Assert.True(BoxInjectivity.Proves(Fold(), [-1, -1], [0.4, 0.5], outputs, free));       // x1 + x2 ≤ 0.9
        Assert.True(BoxInjectivity.Proves(Fold(), [0.6, 0.5], [2, 2], outputs, free));         // x1 + x2 ≥ 1.1
    }

    [Fact]
    public void A_single_output_cannot_make_two_free_inputs_one_to_one()
    {
        Assert.False(BoxInjectivity.Proves(Fold(), [-1, -1], [0.4, 0.5], [0], [false, false]));
        Assert.True(BoxInjectivity.Proves(Fold(), [-1, -1], [0.4, 0.5], [1], [true, false]));   // x2 alone moves x1 − x2
    }

    [Fact]
    public void An_interval_matrix_holding_a_singular_matrix_is_not_regular()
    {
        // I ± 0.5 holds [[0.5, 0.5], [0.5, 0.5]].
        Assert.False(BoxInjectivity.Regular(new IntervalMatrix(2, 2, [0.5, -0.5, -0.5, 0.5], [1.5, 0.5, 0.5, 1.5])));
        Assert.True(BoxInjectivity.Regular(new IntervalMatrix(2, 2, [0.7, -0.2, -0.2, 0.7], [1.3, 0.2, 0.2, 1.3])));
    }

    /// <summary>Random 3 × 3 interval matrices the test calls regular: no sampled matrix inside (corners included,
    /// where the determinant's extremes of a multilinear function lie) changes the determinant's sign.</summary>
    [Fact]
    public void Every_matrix_inside_a_regular_interval_matrix_keeps_the_sign_of_its_determinant()
    {
        var rng = new Random(7);
        int regular = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            var lo = new double[9];
            var hi = new double[9];
            double spread = 0.05 + rng.NextDouble() * 0.6;
            for (int k = 0; k < 9; k++)
            {
                double mid = rng.NextDouble() * 2 - 1 + (k % 4 == 0 ? 1.5 : 0);
                double radius = rng.NextDouble() * spread;
                (lo[k], hi[k]) = (mid - radius, mid + radius);
            }
            if (!BoxInjectivity.Regular(new IntervalMatrix(3, 3, lo, hi))) continue;
            regular++;
            double? sign = null;
            for (int corner = 0; corner < 512; corner++)
            {
                var m = Enumerable.Range(0, 9).Select(k => (corner >> k & 1) == 1 ? hi[k] : lo[k]).ToArray();
                double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
                Assert.NotEqual(0, det);
                sign ??= Math.Sign(det);
                Assert.Equal(sign, Math.Sign(det));
            }
        }
        Assert.InRange(regular, 20, 400);
    }

    /// <summary>Wherever the certificate holds, its κ bounds ‖x − y‖_inf by κ ‖f(x) − f(y)‖_inf for sampled pairs: on the
    /// fold's one-sided boxes and on random residual maps x + g(x) over random boxes.</summary>
    [Fact]
    public void The_inverse_bound_holds_for_sampled_pairs_wherever_the_certificate_holds()
    {
        var rng = new Random(5);
        var cases = new List<(Network Network, double[] Low, double[] High)>
        {
            (Fold(), [-1, -1], [0.4, 0.5]),
            (Fold(), [0.6, 0.5], [2, 2]),
        };
        for (int seed = 1; seed <= 30; seed++)
        {
            var g = VerifyGate.Core.Tests.Oracles.RandomNetworks.Create(seed, 2, [6], 2);
            var b = new NetworkBuilder(2);
            var inner = g.Nodes;
            var h = b.Relu(b.Dense(b.Input, Weights((AffineNode)inner[1]), ((AffineNode)inner[1]).Bias));
            var out2 = b.Dense(h, Weights((AffineNode)inner[3]), ((AffineNode)inner[3]).Bias);
            b.Add(b.Input, out2);
            double cx = rng.NextDouble() * 2 - 1, cy = rng.NextDouble() * 2 - 1, r = 0.05 + rng.NextDouble() * 0.5;
            cases.Add((b.Build(), [cx - r, cy - r], [cx + r, cy + r]));
        }
        int proven = 0;
        foreach (var (network, low, high) in cases)
        {
            var bounds = BoundPropagation.Compute(network, low, high, BoundMethod.Symbolic);
            if (BoxInjectivity.InverseBound(bounds, [0, 1], [false, false]) is not double kappa) continue;
            proven++;
            for (int k = 0; k < 300; k++)
            {
                double[] x = [low[0] + rng.NextDouble() * (high[0] - low[0]), low[1] + rng.NextDouble() * (high[1] - low[1])];
                double[] y = [low[0] + rng.NextDouble() * (high[0] - low[0]), low[1] + rng.NextDouble() * (high[1] - low[1])];
                var fx = network.Evaluate(x);
                var fy = network.Evaluate(y);
                double apart = Math.Max(Math.Abs(x[0] - y[0]), Math.Abs(x[1] - y[1]));
                double outputs = Math.Max(Math.Abs(fx[0] - fy[0]), Math.Abs(fx[1] - fy[1]));
                Assert.True(apart <= kappa * outputs * (1 + 1e-9) + 1e-12, $"pair {apart} apart with outputs {outputs} apart, κ = {kappa}");
            }
        }
        Assert.True(proven >= 10, $"only {proven} of {cases.Count} boxes were certified");
    }

    private static double[,] Weights(AffineNode node)
    {
        var w = node.Terms[0].Weight;
        var dense = new double[w.Rows, w.Columns];
        for (int r = 0; r < w.Rows; r++)
        {
            var cols = w.RowColumns(r);
            var vals = w.RowValues(r);
            for (int k = 0; k < cols.Length; k++) dense[r, cols[k]] = vals[k];
        }
        return dense;
    }
}
