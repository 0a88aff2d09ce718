using System.Globalization;
using VerifyGate.Core.Specs;

namespace VerifyGate.TestAdapter;

/// <summary>How run settings and the manifest spell their values (the same way the CLI and the build task do).</summary>
internal static class SettingValues
{
    /// <summary>A positive, finite number of seconds in invariant culture.</summary>
    public static double? TimeLimit(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && double.IsFinite(seconds)
            ? seconds
            : null;

    /// <summary><c>true</c> or <c>false</c>, in any case (MSBuild writes <c>True</c> as readily as <c>true</c>).</summary>
    public static bool? Bool(string text) => bool.TryParse(text, out bool value) ? value : null;

    /// <summary><c>scip</c>, <c>highs</c> or <c>gurobi</c>, as <c>verifygate check --solver</c> takes them (any case).</summary>
    public static SolverChoice? Solver(string text) => text.ToLowerInvariant() switch
    {
        "scip" => SolverChoice.Scip,
        "highs" => SolverChoice.Highs,
        "gurobi" => SolverChoice.Gurobi,
        _ => null,
    };
}
