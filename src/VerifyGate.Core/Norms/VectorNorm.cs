namespace VerifyGate.Core.Norms;

public static class VectorNorm
{
    public static double Norm(ReadOnlySpan<double> v, NormKind p)
    {
        switch (p)
        {
            case NormKind.One:
                double sum = 0.0;
                foreach (double x in v) sum += Math.Abs(x);
                return sum;
            case NormKind.Two:
                // Scaled to avoid overflow/underflow of the squares.
                double scale = 0.0;
                foreach (double x in v) scale = Math.Max(scale, Math.Abs(x));
                if (scale == 0.0 || !double.IsFinite(scale)) return scale;
                double squares = 0.0;
                foreach (double x in v) { double r = x / scale; squares += r * r; }
                return scale * Math.Sqrt(squares);
            case NormKind.Inf:
                double max = 0.0;
                foreach (double x in v) max = Math.Max(max, Math.Abs(x));
                return max;
            default:
                throw new ArgumentOutOfRangeException(nameof(p), p, "unknown norm");
        }
    }

    /// <summary>A vector v with ‖v‖_p = 1 and yᵀv = ‖y‖_{p*} (the dual norm of y): the direction
    /// in the p-ball that a linear functional y likes best. Zero y gives a unit coordinate vector.</summary>
    public static double[] DualMaximiser(ReadOnlySpan<double> y, NormKind p)
    {
        var v = new double[y.Length];
        if (y.Length == 0) return v;
        double dual = Norm(y, p.Dual());
        if (dual == 0.0)
        {
            v[0] = 1.0;
            return v;
        }
        switch (p)
        {
            case NormKind.One:
                int best = 0;
                for (int i = 1; i < y.Length; i++)
                    if (Math.Abs(y[i]) > Math.Abs(y[best])) best = i;
                v[best] = Math.Sign(y[best]);
                break;
            case NormKind.Two:
                for (int i = 0; i < y.Length; i++) v[i] = y[i] / dual;
                break;
            case NormKind.Inf:
                for (int i = 0; i < y.Length; i++) v[i] = y[i] >= 0 ? 1.0 : -1.0;
                break;
        }
        return v;
    }
}
