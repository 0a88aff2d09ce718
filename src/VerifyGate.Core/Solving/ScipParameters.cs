using System.Globalization;
using System.Text;

namespace VerifyGate.Core.Solving;

/// <summary>Turns <see cref="SolveOptions"/> into SCIP's "name = value" parameter lines
/// (the format OR-Tools hands to SCIP for both of our routes). Names checked against SCIP 10.</summary>
internal static class ScipParameters
{
    public static string Build(SolveOptions options)
    {
        var text = new StringBuilder();
        Line(text, "limits/gap", options.RelativeGap);
        Line(text, "limits/absgap", options.AbsoluteGap);
        Line(text, "numerics/feastol", options.FeasibilityTolerance);
        if (double.IsFinite(options.TimeLimitSeconds)) Line(text, "limits/time", EffectiveTimeLimit(options));
        if (options.StopAtIncumbent is double primal) Line(text, "limits/primal", primal);
        if (options.StopAtBound is double dual) Line(text, "limits/dual", dual);
        if (!string.IsNullOrWhiteSpace(options.ExtraScipParameters)) text.Append(options.ExtraScipParameters.Trim()).Append('\n');
        return text.ToString();
    }

    /// <summary>OR-Tools treats a zero time limit as "no limit": keep it positive.</summary>
    public static double EffectiveTimeLimit(SolveOptions options) => Math.Max(options.TimeLimitSeconds, 1e-3);

    private static void Line(StringBuilder text, string name, double value) =>
        text.Append(name).Append(" = ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
}
