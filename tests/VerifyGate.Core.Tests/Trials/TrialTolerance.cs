namespace VerifyGate.Core.Tests.Trials;

/// <summary>How far a certified bound may sit on the wrong side of an oracle's value: of the order of the
/// engines' safety margins (relative 2e-7 to 1e-6, absolute 1e-9) and of float64 evaluation error.</summary>
public static class TrialTolerance
{
    public const double Relative = 1e-6;
    public const double Absolute = 1e-7;

    public static double Of(double value) => Relative * Math.Abs(value) + Absolute;

    /// <summary>a &lt;= b up to the tolerance.</summary>
    public static bool AtMost(double a, double b) => a <= b + Of(b);
}
