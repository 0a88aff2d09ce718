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
        // SCIP's own SIGINT handler would swallow Ctrl-C (and print "pressed CTRL-C 1 times"); the
        // host's handler cancels through the CancellationToken instead.
        text.Append("misc/catchctrlc = FALSE\n");
        Line(text, "limits/gap", options.RelativeGap);
        Line(text, "limits/absgap", options.AbsoluteGap);
        Line(text, "numerics/feastol", options.FeasibilityTolerance);
        // SCIP's epsilon (default 1e-9) must stay well below the feasibility tolerance: with both at 1e-9,
        // presolve proved Lipschitz bounds below confirmed witnesses on boxes with a fixed input (0 instead
        // of 1.45; tests/VerifyGate.Core.Tests/Numerics/WitnessBeyondBoundTests.cs).
        Line(text, "numerics/epsilon", Math.Min(1e-9, options.FeasibilityTolerance * 1e-3));
        if (double.IsFinite(options.TimeLimitSeconds)) Line(text, "limits/time", EffectiveTimeLimit(options));
        if (options.StopAtIncumbent is double primal) Line(text, "limits/primal", primal);
        if (options.StopAtBound is double dual) Line(text, "limits/dual", dual);
        if (options.NodeOrder == NodeOrder.BestBound) text.Append(BestBoundNodeOrder);
        if (!string.IsNullOrWhiteSpace(options.ExtraScipParameters)) text.Append(options.ExtraScipParameters.Trim()).Append('\n');
        return text.ToString();
    }

    /// <summary>The best-bound node selector ahead of SCIP's default best-estimate one (priority 200000), with plunging off:
    /// SCIP otherwise dives below the node it just branched on, which helps incumbents, not the bound.</summary>
    internal const string BestBoundNodeOrder =
        "nodeselection/bfs/stdpriority = 1000000\nnodeselection/bfs/maxplungedepth = 0\nnodeselection/bfs/minplungedepth = 0\n";

    /// <summary>OR-Tools treats a zero time limit as "no limit": keep it positive.</summary>
    public static double EffectiveTimeLimit(SolveOptions options) => Math.Max(options.TimeLimitSeconds, 1e-3);

    private static void Line(StringBuilder text, string name, double value) =>
        text.Append(name).Append(" = ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
}
