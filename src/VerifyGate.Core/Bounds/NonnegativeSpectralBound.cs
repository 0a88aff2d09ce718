namespace VerifyGate.Core.Bounds;

/// <summary>A certified upper bound on the spectral norm ‖M‖_2 of an entrywise nonnegative matrix.
/// Power iteration finds an approximate Perron vector x of B = M Mᵀ (or Mᵀ M, the smaller); the
/// Collatz–Wielandt inequality ρ(B) ≤ max_i (Bx)_i / x_i holds for every nonnegative B and every positive
/// x, and ‖M‖_2² = ρ(B), so the bound is sound whatever the iteration converged to; near the Perron vector it
/// is nearly exact. Only nonnegative numbers are added and multiplied, so float64 rounding is a relative
/// error of a few hundred units in the last place, covered by <see cref="RelativeMargin"/>.</summary>
public static class NonnegativeSpectralBound
{
    private const double RelativeMargin = 1e-9;
    private const int Iterations = 60;

    public static double Upper(double[,] m)
    {
        int rows = m.GetLength(0), columns = m.GetLength(1);
        if (rows == 0 || columns == 0) return 0.0;
        foreach (double v in m)
            if (!double.IsFinite(v)) return double.PositiveInfinity;
        bool viaRows = rows <= columns;  // iterate in the smaller space
        int d = viaRows ? rows : columns, e = viaRows ? columns : rows;
        double At(int i, int k) => viaRows ? m[i, k] : m[k, i];  // A is d x e, B = A Aᵀ

        var x = Enumerable.Repeat(1.0, d).ToArray();
        var y = new double[e];
        var bx = new double[d];
        for (int it = 0; it <= Iterations; it++)
        {
            Apply(x, y, bx);
            double max = bx.Max();
            if (max == 0.0) return 0.0;  // B x = 0 with x > 0: B = 0
            // Keep x strictly positive so that the final ratio test stays a valid certificate.
            for (int i = 0; i < d; i++) x[i] = Math.Max(bx[i] / max, 1e-12);
        }
        Apply(x, y, bx);
        double ratio = 0.0;
        for (int i = 0; i < d; i++) ratio = Math.Max(ratio, bx[i] / x[i]);
        return Math.Sqrt(ratio * (1 + RelativeMargin)) * (1 + RelativeMargin);

        void Apply(double[] v, double[] w, double[] result)
        {
            for (int k = 0; k < e; k++)
            {
                double s = 0.0;
                for (int i = 0; i < d; i++) s += At(i, k) * v[i];
                w[k] = s;
            }
            for (int i = 0; i < d; i++)
            {
                double s = 0.0;
                for (int k = 0; k < e; k++) s += At(i, k) * w[k];
                result[i] = s;
            }
        }
    }
}
