using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Tests.Norms;

public class OperatorNormTests
{
    private static readonly double[,] Small = { { 1, 2 }, { 3, 4 } };

    [Theory]
    [InlineData(NormKind.One, NormKind.One, 6.0)]        // largest column l1
    [InlineData(NormKind.One, NormKind.Two, 4.47213595499957939)]  // sqrt(20)
    [InlineData(NormKind.One, NormKind.Inf, 4.0)]        // largest entry
    [InlineData(NormKind.Two, NormKind.One, 7.21110255092797858)]  // sqrt(52): Jᵀ(1,1) = (4,6)
    [InlineData(NormKind.Two, NormKind.Inf, 5.0)]        // largest row l2
    [InlineData(NormKind.Inf, NormKind.One, 10.0)]       // J(1,1) = (3,7)
    [InlineData(NormKind.Inf, NormKind.Two, 7.61577310586390828)]  // sqrt(58)
    [InlineData(NormKind.Inf, NormKind.Inf, 7.0)]        // largest row l1
    public void Hand_computed_norms_of_a_two_by_two_matrix(NormKind p, NormKind q, double expected)
    {
        var result = OperatorNorm.Compute(Small, p, q);
        Assert.Equal(expected, result.Value, 13);
        AssertAttains(Small, p, q, result);
    }

    [Fact]
    public void Spectral_norm_of_a_two_by_two_matrix()
    {
        // JᵀJ = [[10, 14], [14, 20]]: eigenvalues 15 ± sqrt(221).
        var result = OperatorNorm.Compute(Small, NormKind.Two, NormKind.Two);
        Assert.Equal(Math.Sqrt(15 + Math.Sqrt(221)), result.Value, 13);
        AssertAttains(Small, NormKind.Two, NormKind.Two, result);
    }

    [Fact]
    public void Degenerate_shapes_have_norm_zero()
    {
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
            {
                Assert.Equal(0.0, OperatorNorm.Compute(new double[3, 0], p, q).Value);
                Assert.Equal(0.0, OperatorNorm.Compute(new double[0, 3], p, q).Value);
                var zero = OperatorNorm.Compute(new double[2, 3], p, q);
                Assert.Equal(0.0, zero.Value);
                Assert.Equal(1.0, VectorNorm.Norm(zero.Direction, p), 14);
            }
    }

    /// <summary>The cheap bound the pattern ranking sorts by never falls below the exact norm (rank-1 matrices, where
    /// the Frobenius and spectral norms coincide, included), and is the norm itself where that is a closed form.</summary>
    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Cheap_upper_bound_is_at_least_the_norm(NormKind p, NormKind q)
    {
        var rng = new Random(17 + 3 * (int)p + (int)q);
        for (int trial = 0; trial < 300; trial++)
        {
            int m = 1 + rng.Next(4), n = 1 + rng.Next(6);
            var j = new double[m, n];
            var u = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
            for (int i = 0; i < m; i++)
                for (int k = 0; k < n; k++)
                    j[i, k] = trial % 3 == 0 ? u[i] * (rng.NextDouble() - 0.5) * 1e3 : rng.NextDouble() * 2 - 1;
            double exact = OperatorNorm.Compute(j, p, q).Value;
            double cheap = OperatorNorm.CheapUpperBound(j, p, q);
            Assert.True(cheap >= exact, $"({p}, {q}) trial {trial}: bound {cheap:R} below the norm {exact:R}");
            if (OperatorNorm.IsClosedForm(p, q)) Assert.Equal(exact, cheap);
        }
    }

    /// <summary>Computable says exactly when Compute refuses: every pair, every shape up to one dimension past the limit.</summary>
    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Computable_matches_what_Compute_refuses(NormKind p, NormKind q)
    {
        foreach (int m in new[] { 1, 3, OperatorNorm.MaxEnumerationDimension, OperatorNorm.MaxEnumerationDimension + 1 })
            foreach (int n in new[] { 1, 4, OperatorNorm.MaxEnumerationDimension, OperatorNorm.MaxEnumerationDimension + 1 })
            {
                bool refused = false;
                if (!OperatorNorm.Computable(m, n, p, q) || m + n < 30)
                {
                    try { OperatorNorm.Compute(new double[m, n], p, q); }
                    catch (ArgumentException) { refused = true; }
                    Assert.Equal(!OperatorNorm.Computable(m, n, p, q), refused);
                }
            }
    }

    public static TheoryData<NormKind, NormKind> AllPairs()
    {
        var data = new TheoryData<NormKind, NormKind>();
        foreach (var p in NormKindExtensions.All)
            foreach (var q in NormKindExtensions.All)
                data.Add(p, q);
        return data;
    }

    /// <summary>In two dimensions the whole unit p-sphere can be scanned densely (its vertices
    /// included): the scan must approach the exact value from below and never exceed it.</summary>
    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Dense_scan_of_the_two_dimensional_unit_sphere_agrees(NormKind p, NormKind q)
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 10; trial++)
        {
            int m = 1 + rng.Next(4);
            var j = RandomMatrix(rng, m, 2);
            var exact = OperatorNorm.Compute(j, p, q);
            AssertAttains(j, p, q, exact);
            double best = 0.0;
            const int steps = 40_000;
            for (int k = 0; k <= steps; k++)
            {
                double angle = 2 * Math.PI * k / steps;
                double[] v = [Math.Cos(angle), Math.Sin(angle)];
                double length = VectorNorm.Norm(v, p);
                v[0] /= length;
                v[1] /= length;
                best = Math.Max(best, VectorNorm.Norm(Multiply(j, v), q));
            }
            Assert.True(best <= exact.Value * (1 + 1e-12), $"scan {best} exceeds {exact.Value}");
            Assert.True(best >= exact.Value * (1 - 1e-6), $"scan {best} stays below {exact.Value}");
        }
    }

    /// <summary>Larger shapes: random unit vectors never beat the exact value, the returned direction
    /// attains it, and the duality ‖J‖_{p→q} = ‖Jᵀ‖_{q*→p*} holds (which pairs different algorithms).</summary>
    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Random_directions_never_beat_the_exact_value_and_duality_holds(NormKind p, NormKind q)
    {
        var rng = new Random(5 + 3 * (int)p + (int)q);
        for (int trial = 0; trial < 40; trial++)
        {
            int m = 1 + rng.Next(6), n = 1 + rng.Next(6);
            var j = RandomMatrix(rng, m, n);
            var exact = OperatorNorm.Compute(j, p, q);
            AssertAttains(j, p, q, exact);

            var dual = OperatorNorm.Compute(Transpose(j), q.Dual(), p.Dual());
            Assert.Equal(exact.Value, dual.Value, 1e-12 * exact.Value);

            for (int k = 0; k < 2000; k++)
            {
                var v = RandomUnit(rng, n, p, vertex: k % 2 == 0);
                double value = VectorNorm.Norm(Multiply(j, v), q);
                Assert.True(value <= exact.Value * (1 + 1e-12), $"({p},{q}) random {value} exceeds {exact.Value}");
            }
        }
    }

    [Fact]
    public void Spectral_norm_agrees_with_power_iteration()
    {
        var rng = new Random(17);
        for (int trial = 0; trial < 30; trial++)
        {
            int m = 1 + rng.Next(7), n = 1 + rng.Next(7);
            var j = RandomMatrix(rng, m, n);
            var exact = OperatorNorm.Compute(j, NormKind.Two, NormKind.Two);
            var v = RandomUnit(rng, n, NormKind.Two, vertex: false);
            double sigma = 0;
            for (int it = 0; it < 5000; it++)
            {
                var w = Multiply(Transpose(j), Multiply(j, v));
                double length = VectorNorm.Norm(w, NormKind.Two);
                for (int k = 0; k < n; k++) v[k] = w[k] / length;
                sigma = VectorNorm.Norm(Multiply(j, v), NormKind.Two);
            }
            Assert.True(sigma <= exact.Value * (1 + 1e-13));
            Assert.Equal(exact.Value, sigma, 1e-9 * exact.Value);
        }
    }

    [Fact]
    public void Jacobi_eigen_decomposition_reconstructs_the_matrix()
    {
        var rng = new Random(23);
        const int n = 7;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = i; k < n; k++)
                a[i, k] = a[k, i] = rng.NextDouble() * 2 - 1;
        var (values, vectors) = SymmetricEigen.Decompose(a);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double av = 0, vvt = 0, vtv = 0;
                for (int r = 0; r < n; r++)
                {
                    av += a[i, r] * vectors[r, k];
                    vvt += vectors[i, r] * vectors[k, r];
                    vtv += vectors[r, i] * vectors[r, k];
                }
                Assert.Equal(values[k] * vectors[i, k], av, 13);
                Assert.Equal(i == k ? 1.0 : 0.0, vvt, 13);
                Assert.Equal(i == k ? 1.0 : 0.0, vtv, 13);
            }
        double trace = 0;
        for (int i = 0; i < n; i++) trace += a[i, i];
        Assert.Equal(trace, values.Sum(), 12);
    }

    [Fact]
    public void Vector_norms_and_dual_maximisers()
    {
        double[] y = [3, -4, 0];
        Assert.Equal(7.0, VectorNorm.Norm(y, NormKind.One));
        Assert.Equal(5.0, VectorNorm.Norm(y, NormKind.Two));
        Assert.Equal(4.0, VectorNorm.Norm(y, NormKind.Inf));
        Assert.Equal(1e200 * Math.Sqrt(2), VectorNorm.Norm([1e200, 1e200], NormKind.Two), 1e188);
        foreach (var p in NormKindExtensions.All)
        {
            var v = VectorNorm.DualMaximiser(y, p);
            Assert.Equal(1.0, VectorNorm.Norm(v, p), 14);
            Assert.Equal(VectorNorm.Norm(y, p.Dual()), y.Zip(v, (a, b) => a * b).Sum(), 13);
            Assert.Equal(p, p.Dual().Dual());
        }
    }

    internal static void AssertAttains(double[,] j, NormKind p, NormKind q, OperatorNormResult result)
    {
        Assert.Equal(j.GetLength(1), result.Direction.Length);
        Assert.Equal(1.0, VectorNorm.Norm(result.Direction, p), 13);
        Assert.Equal(result.Value, VectorNorm.Norm(Multiply(j, result.Direction), q), 1e-12 * Math.Max(1, result.Value));
    }

    internal static double[,] RandomMatrix(Random rng, int m, int n)
    {
        var j = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int k = 0; k < n; k++)
                j[i, k] = rng.NextDouble() * 4 - 2;
        return j;
    }

    private static double[] RandomUnit(Random rng, int n, NormKind p, bool vertex)
    {
        var v = new double[n];
        for (int k = 0; k < n; k++)
        {
            double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            v[k] = vertex && p == NormKind.Inf ? Math.Sign(g) : g;
        }
        if (vertex && p == NormKind.One)
        {
            Array.Clear(v);
            v[rng.Next(n)] = rng.Next(2) == 0 ? 1 : -1;
        }
        double length = VectorNorm.Norm(v, p);
        for (int k = 0; k < n; k++) v[k] /= length;
        return v;
    }

    internal static double[] Multiply(double[,] j, double[] v)
    {
        var y = new double[j.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
            for (int k = 0; k < v.Length; k++)
                y[i] += j[i, k] * v[k];
        return y;
    }

    private static double[,] Transpose(double[,] j)
    {
        var t = new double[j.GetLength(1), j.GetLength(0)];
        for (int i = 0; i < j.GetLength(0); i++)
            for (int k = 0; k < j.GetLength(1); k++)
                t[k, i] = j[i, k];
        return t;
    }
}
