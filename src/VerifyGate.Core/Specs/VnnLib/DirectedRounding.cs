namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Sums, products and quotients of doubles rounded down or up instead of to nearest, so that a folded
/// constant is enclosed by an interval and a derived bound never cuts off part of the set the file describes.
/// The rounding error is found exactly (two-sum, fused multiply-add residual); the result moves one ulp only
/// when the operation was inexact, so exact arithmetic (the usual case) keeps its value.</summary>
internal static class DirectedRounding
{
    // Below this magnitude a product's or quotient's fma residual may itself round (subnormal range): widen always.
    private const double Tiny = 1e-290;

    public static double AddDown(double a, double b) => AddError(a, b, out double s) < 0 ? Math.BitDecrement(s) : s;

    public static double AddUp(double a, double b) => AddError(a, b, out double s) > 0 ? Math.BitIncrement(s) : s;

    public static double MulDown(double a, double b)
    {
        double p = a * b;
        if (a == 0 || b == 0 || !double.IsFinite(p)) return p;
        return Math.Abs(p) < Tiny || Math.FusedMultiplyAdd(a, b, -p) < 0 ? Math.BitDecrement(p) : p;
    }

    public static double MulUp(double a, double b)
    {
        double p = a * b;
        if (a == 0 || b == 0 || !double.IsFinite(p)) return p;
        return Math.Abs(p) < Tiny || Math.FusedMultiplyAdd(a, b, -p) > 0 ? Math.BitIncrement(p) : p;
    }

    /// <summary>a / b rounded down; b must not be 0.</summary>
    public static double DivDown(double a, double b)
    {
        double q = a / b;
        if (a == 0 || !double.IsFinite(q)) return q;
        double residual = Math.FusedMultiplyAdd(q, b, -a); // q·b − a: its sign tells on which side of a/b q lies
        bool above = b > 0 ? residual > 0 : residual < 0;
        return Math.Abs(q) < Tiny || above ? Math.BitDecrement(q) : q;
    }

    /// <summary>a / b rounded up; b must not be 0.</summary>
    public static double DivUp(double a, double b)
    {
        double q = a / b;
        if (a == 0 || !double.IsFinite(q)) return q;
        double residual = Math.FusedMultiplyAdd(q, b, -a);
        bool below = b > 0 ? residual < 0 : residual > 0;
        return Math.Abs(q) < Tiny || below ? Math.BitIncrement(q) : q;
    }

    /// <summary>Whether a · b is exactly the double it rounds to.</summary>
    public static bool MulIsExact(double a, double b)
    {
        double p = a * b;
        if (a == 0 || b == 0) return true;
        return double.IsFinite(p) && Math.Abs(p) >= Tiny && Math.FusedMultiplyAdd(a, b, -p) == 0;
    }

    /// <summary>Whether a + b is exactly the double it rounds to.</summary>
    public static bool AddIsExact(double a, double b) => AddError(a, b, out double s) == 0 && double.IsFinite(s);

    // Knuth's two-sum: s = fl(a + b) and the exact error a + b − s (NaN on overflow, which callers reject).
    private static double AddError(double a, double b, out double s)
    {
        s = a + b;
        double bVirtual = s - a;
        double aVirtual = s - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }
}
