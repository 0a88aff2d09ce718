using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Bounds;

/// <summary>A sound upper bound on max ‖J‖_{p→q} over every matrix J of an interval matrix.
/// With M = the entrywise magnitudes, |J| ≤ M entrywise and, since the l1, l2 and l_inf norms are absolute
/// and monotone, ‖J v‖_q ≤ ‖ M |v| ‖_q: so ‖J‖_{p→q} ≤ ‖M‖_{p→q}, which for a nonnegative M is attained
/// at a nonnegative v and has a closed form in every case but (2, 2) (<see cref="NonnegativeSpectralBound"/>).
/// For q = 1 and few rows, ‖J‖_{p→1} = max over sign vectors s of ‖Jᵀ s‖_{p*} is bounded with the intervals
/// themselves (s mixes rows of opposite signs, which M cannot see). Norm comparisons give further bounds:
/// ‖y‖_2 ≤ ‖y‖_1, ‖y‖_2 ≤ √m ‖y‖_inf, and the unit 2-ball lies in the unit inf-ball. The result is the
/// minimum of all of them, widened against float64 rounding.</summary>
public static class IntervalJacobianNorm
{
    /// <summary>Largest row count whose 2^(m−1) sign vectors are enumerated for q = 1.</summary>
    private const int MaxSignRows = 12;
    private const double RelativeMargin = 1e-9;

    public static double Upper(IntervalMatrix j, NormKind p, NormKind q)
    {
        if (j.Rows == 0 || j.Columns == 0) return 0.0;
        var m = j.Magnitudes();
        double best = Magnitude(m, p, q);
        if (q == NormKind.One) best = Math.Min(best, SignedRows(j, p));
        if (q == NormKind.Two)
        {
            best = Math.Min(best, Math.Min(Magnitude(m, p, NormKind.One), SignedRows(j, p)));
            best = Math.Min(best, Math.Sqrt(j.Rows) * Magnitude(m, p, NormKind.Inf));
        }
        if (p == NormKind.Two) best = Math.Min(best, Upper(j, NormKind.Inf, q) / (1 + RelativeMargin));
        return double.IsNaN(best) ? double.PositiveInfinity : best * (1 + RelativeMargin);  // NaN: entries overflowed
    }

    /// <summary>‖M‖_{p→q} for a nonnegative M (exact but for (2, 2), where it is a certified upper bound).</summary>
    private static double Magnitude(double[,] m, NormKind p, NormKind q)
    {
        int rows = m.GetLength(0), columns = m.GetLength(1);
        if (p == NormKind.One) return Enumerable.Range(0, columns).Max(c => VectorNorm.Norm(Column(m, c), q));
        if (q == NormKind.Inf) return Enumerable.Range(0, rows).Max(r => VectorNorm.Norm(Row(m, r), p.Dual()));
        if (p == NormKind.Inf)  // nonnegative M: the all-ones vector is the best corner of the cube
            return VectorNorm.Norm(Enumerable.Range(0, rows).Select(r => Row(m, r).Sum()).ToArray(), q);
        if (q == NormKind.One)  // p = 2: ‖M‖_{2→1} = ‖Mᵀ 1‖_2 for nonnegative M
            return VectorNorm.Norm(Enumerable.Range(0, columns).Select(c => Column(m, c).Sum()).ToArray(), NormKind.Two);
        double frobenius = Math.Sqrt(Enumerable.Range(0, rows).Sum(r => Row(m, r).Sum(v => v * v)));
        double interpolated = Math.Sqrt(Magnitude(m, NormKind.One, NormKind.One) * Magnitude(m, NormKind.Inf, NormKind.Inf));
        return Math.Min(NonnegativeSpectralBound.Upper(m), Math.Min(frobenius, interpolated));
    }

    /// <summary>max over signs s of ‖mag(Jᵀ s)‖_{p*} ≥ ‖J‖_{p→1}; infinite when there are too many rows.</summary>
    private static double SignedRows(IntervalMatrix j, NormKind p)
    {
        if (j.Rows > MaxSignRows) return double.PositiveInfinity;
        var combined = new double[j.Columns];
        double best = 0.0;
        for (long mask = 0; mask < 1L << (j.Rows - 1); mask++)
        {
            for (int c = 0; c < j.Columns; c++)
            {
                double lo = 0.0, hi = 0.0, terms = 0.0;
                for (int r = 0; r < j.Rows; r++)
                {
                    terms += j.Magnitude(r, c);
                    bool negative = r > 0 && ((mask >> (r - 1)) & 1) == 1;
                    lo += negative ? -j.Upper(r, c) : j.Lower(r, c);
                    hi += negative ? -j.Lower(r, c) : j.Upper(r, c);
                }
                combined[c] = SafeRounding.Up(Math.Max(Math.Abs(lo), Math.Abs(hi)), terms);
            }
            best = Math.Max(best, VectorNorm.Norm(combined, p.Dual()));
        }
        return best;
    }

    private static double[] Row(double[,] m, int r) => Enumerable.Range(0, m.GetLength(1)).Select(c => m[r, c]).ToArray();
    private static double[] Column(double[,] m, int c) => Enumerable.Range(0, m.GetLength(0)).Select(r => m[r, c]).ToArray();
}
