namespace VerifyGate.Core.Bounds;

/// <summary>One linear row on the difference of an activation: <see cref="Lower"/> ≤ Δh − Slope·Δz ≤ <see cref="Upper"/>.</summary>
public readonly record struct DifferenceCut(double Slope, double Lower, double Upper);

/// <summary>The convex hull of what Δh = act(z) − act(z′) can be given Δz = z − z′ in [L, U], for h = max(z, αz).
/// The activation's slope between any two points lies in [α, 1], so Δh = s·Δz with s in [α, 1]; when both copies are
/// stably active s = 1, when both are stably inactive s = α. The set {(d, s·d)} is the image of the rectangle
/// [L, U] × [α, 1] under a bilinear map, so a linear function is extreme on it at one of the four corners: every row's
/// ends are taken over those corners (rounded outward), which keeps the row valid whatever rounding its slope had.
/// With L &lt; 0 &lt; U the two chords (L, αL)–(U, U) above and (L, L)–(U, αU) below are the hull's faces.</summary>
public static class ReluDifferenceHull
{
    /// <summary>The interval of Δh.</summary>
    public static (double Lower, double Upper) Range(double lower, double upper, double alpha, NeuronState x, NeuronState y)
    {
        var (sLow, sHigh) = Slopes(alpha, x, y);
        double a = sLow * lower, b = sLow * upper, c = sHigh * lower, d = sHigh * upper;
        double magnitude = Math.Max(Math.Abs(lower), Math.Abs(upper));
        return (SafeRounding.Down(Math.Min(Math.Min(a, b), Math.Min(c, d)), magnitude),
                SafeRounding.Up(Math.Max(Math.Max(a, b), Math.Max(c, d)), magnitude));
    }

    /// <summary>The rows of the hull (none when Δz is unbounded or a point).</summary>
    public static IEnumerable<DifferenceCut> Cuts(double lower, double upper, double alpha, NeuronState x, NeuronState y)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(upper > lower)) yield break;
        var (sLow, sHigh) = Slopes(alpha, x, y);
        if (sLow == sHigh)
        {
            yield return Cut(sLow, lower, upper, sLow, sHigh);
            yield break;
        }
        if (lower >= 0 || upper <= 0)
        {
            // One sign of Δz: Δh lies between αΔz and Δz.
            yield return Cut(1, lower, upper, sLow, sHigh);
            yield return Cut(alpha, lower, upper, sLow, sHigh);
            yield break;
        }
        double width = upper - lower;
        yield return Cut((upper - alpha * lower) / width, lower, upper, sLow, sHigh);   // the upper chord
        yield return Cut((alpha * upper - lower) / width, lower, upper, sLow, sHigh);   // the lower chord
    }

    private static (double Low, double High) Slopes(double alpha, NeuronState x, NeuronState y) =>
        x == y && x == NeuronState.StableActive ? (1, 1)
        : x == y && x == NeuronState.StableInactive ? (alpha, alpha)
        : (alpha, 1);

    private static DifferenceCut Cut(double slope, double lower, double upper, double sLow, double sHigh)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (double d in (ReadOnlySpan<double>)[lower, upper])
            foreach (double s in (ReadOnlySpan<double>)[sLow, sHigh])
            {
                double value = s * d - slope * d;
                low = Math.Min(low, value);
                high = Math.Max(high, value);
            }
        double magnitude = (2 + Math.Abs(slope)) * Math.Max(Math.Abs(lower), Math.Abs(upper));
        return new DifferenceCut(slope, SafeRounding.Down(low, magnitude), SafeRounding.Up(high, magnitude));
    }
}
