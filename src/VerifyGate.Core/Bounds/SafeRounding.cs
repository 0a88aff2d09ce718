namespace VerifyGate.Core.Bounds;

/// <summary>Outward widening of concretised bounds against floating-point rounding.
/// A bound computed as a sum of terms (weights times box ends, biases, relaxation intercepts) is
/// moved outwards by <see cref="Relative"/> times the sum of the terms' magnitudes plus
/// <see cref="Absolute"/>. The rounding error of such a sum in float64 is about 1e-16 times that
/// magnitude per operation, so the margin covers sums of millions of terms; it does not cover
/// catastrophic cancellation inside the back-substituted coefficients themselves, which would need
/// errors ~1e7 times the unit roundoff to matter.</summary>
internal static class SafeRounding
{
    public const double Relative = 1e-9;
    public const double Absolute = 1e-12;

    public static double Margin(double magnitude) => Relative * magnitude + Absolute;

    public static double Down(double value, double magnitude) => value - Margin(magnitude);

    public static double Up(double value, double magnitude) => value + Margin(magnitude);
}
