using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Interval arithmetic for one node from the current bounds of its sources.</summary>
internal static class IntervalStep
{
    public static (double[] Lower, double[] Upper) Node(Node node, NetworkBounds bounds) => node switch
    {
        AffineNode affine => Affine(affine, bounds),
        ReluNode relu => Activation(relu, bounds.LowerSpan(relu.Source), bounds.UpperSpan(relu.Source)),
        _ => throw new NetworkException($"no interval rule for node '{node.Name}' ({node.GetType().Name})"),
    };

    /// <summary>y = Σ W_k x_k + b: positive weights take the same end of x, negative ones the other.</summary>
    public static (double[] Lower, double[] Upper) Affine(AffineNode node, NetworkBounds bounds)
    {
        var lower = (double[])node.Bias.Clone();
        var upper = (double[])node.Bias.Clone();
        var magnitude = new double[node.Size];
        for (int r = 0; r < node.Size; r++) magnitude[r] = Math.Abs(node.Bias[r]);
        foreach (var term in node.Terms)
        {
            var lo = bounds.LowerSpan(term.Source);
            var hi = bounds.UpperSpan(term.Source);
            for (int r = 0; r < node.Size; r++)
            {
                var cols = term.Weight.RowColumns(r);
                var vals = term.Weight.RowValues(r);
                double l = 0.0, u = 0.0, m = 0.0;
                for (int k = 0; k < cols.Length; k++)
                {
                    double w = vals[k], a = lo[cols[k]], b = hi[cols[k]];
                    if (w >= 0.0) { l += w * a; u += w * b; }
                    else { l += w * b; u += w * a; }
                    m += Math.Abs(w) * Math.Max(Math.Abs(a), Math.Abs(b));
                }
                lower[r] += l;
                upper[r] += u;
                magnitude[r] += m;
            }
        }
        for (int r = 0; r < node.Size; r++)
        {
            lower[r] = SafeRounding.Down(lower[r], magnitude[r]);
            upper[r] = SafeRounding.Up(upper[r], magnitude[r]);
        }
        return (lower, upper);
    }

    /// <summary>max(z, αz) with 0 &lt;= α &lt; 1 is nondecreasing, so the image of [l, u] is [f(l), f(u)];
    /// the products αl, αu are widened outwards (max with 0 and the identity are exact).</summary>
    public static (double[] Lower, double[] Upper) Activation(ReluNode node, ReadOnlySpan<double> lo, ReadOnlySpan<double> hi)
    {
        var lower = new double[node.Size];
        var upper = new double[node.Size];
        for (int j = 0; j < node.Size; j++)
        {
            double a = node.NegativeSlope;
            lower[j] = lo[j] >= 0.0 || a == 0.0 ? Math.Max(lo[j], 0.0) : SafeRounding.Down(a * lo[j], -a * lo[j]);
            upper[j] = hi[j] >= 0.0 || a == 0.0 ? Math.Max(hi[j], 0.0) : SafeRounding.Up(a * hi[j], -a * hi[j]);
        }
        return (lower, upper);
    }
}
