using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems;

/// <summary>A confirmed witness beyond the solver's proven bound shows that the solver got its bound wrong
/// (numerical trouble it did not report: measured with big-M constants from 1e9, docs/benchmarks.md); the
/// other solver bounds of that run cannot be trusted either.</summary>
internal static class WitnessBeyondBound
{
    /// <summary>Relative and absolute slack for rounding between the witness's float64 value and the inflated bound.</summary>
    private const double Relative = 1e-6, Absolute = 1e-9;

    /// <summary>For quantities bounded above by the solver and below by witnesses.</summary>
    public static bool Contradicts(double? witnessLower, double provenUpper) =>
        witnessLower is double lower && lower > provenUpper + Relative * Math.Abs(provenUpper) + Absolute;

    public static void Check(double? witnessLower, double provenUpper, string quantity)
    {
        if (Contradicts(witnessLower, provenUpper))
            throw new SolverFailureException(Describe(witnessLower!.Value, provenUpper, quantity));
    }

    public static string Describe(double witnessLower, double provenUpper, string quantity) =>
        $"the solver's proven bound is wrong (numerical trouble): a confirmed witness shows {quantity} >= {witnessLower:G9}, above the solver's proven bound {provenUpper:G9}";
}
