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
        // SCIP assumes epsilon (below which a value is zero, default 1e-9) is smaller than feastol. At
        // feastol = epsilon = 1e-9 its presolve turned small big-M models, even plain LPs, into false optima
        // and false infeasibilities, i.e. unsound bounds (found by the soundness trials; the cases are in
        // ScipNumericsRegressionTests). Each of the three settings below alone left one of them wrong, and
        // epsilon 1e-12 broke another: change them only with those tests.
        Line(text, "numerics/epsilon", Math.Min(1e-9, options.FeasibilityTolerance / 10));
        text.Append("constraints/linear/dualpresolving = FALSE\npresolving/dualsparsify/maxrounds = 0\n");
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
