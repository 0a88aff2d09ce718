using VerifyGate.Core.Checking;

namespace VerifyGate.Cli;

/// <summary>The default output of <c>check</c>: one line per property, the canonical diagnostics of the
/// properties that did not pass (<c>path(line,col): error VGnnnn: message</c>), then a summary.</summary>
public static class HumanReport
{
    /// <param name="absolutePaths">Print full paths instead of paths relative to the current directory.</param>
    public static void Write(IReadOnlyList<CheckResult> results, TimeSpan elapsed, TextWriter output, bool absolutePaths = false)
    {
        foreach (var r in results) output.WriteLine(Line(r, absolutePaths));
        WriteTail(results, elapsed, output, absolutePaths);
    }

    /// <summary>What follows the per-property lines (which the CLI prints as each file finishes).</summary>
    public static void WriteTail(IReadOnlyList<CheckResult> results, TimeSpan elapsed, TextWriter output, bool absolutePaths = false)
    {
        var diagnostics = results.SelectMany(r => r.Diagnostics).Distinct().ToList(); // a file-level error is shared by its properties
        if (diagnostics.Count > 0)
        {
            output.WriteLine();
            foreach (var d in diagnostics) output.WriteLine((d with { File = DisplayPath.Of(d.File, absolutePaths) }).ToString());
        }
        output.WriteLine();
        output.WriteLine(Summary(results, elapsed));
    }

    /// <summary>e.g. <c>passed        models/iris.verify.json: iris-linf  [1.53, 1.53] atMost 40  0.41 s (cached)</c>.</summary>
    public static string Line(CheckResult r, bool absolutePaths = false)
    {
        string head = $"{OutcomeName(r.Outcome),-13} {DisplayPath.Of(r.File, absolutePaths)}: {r.Property}";
        if (r.Outcome == Outcome.Error) return $"{head}  {r.Message}";
        string threshold = r.Threshold switch
        {
            { AtMost: double m } => $"atMost {ResultText.Number(m)}",
            { AtLeast: double l } => $"atLeast {ResultText.Number(l)}",
            _ => "",
        };
        string line = $"{head}  {ResultText.Bounds(r.Lower, r.Upper)} {threshold}  {ResultText.Seconds(r.Seconds)}{(r.Cached ? " (cached)" : "")}";
        if (r.Notes.FirstOrDefault(n => n.StartsWith(CheckResult.MeaningPrefix, StringComparison.Ordinal)) is { } meaning)
            line += Environment.NewLine + "              " + meaning[CheckResult.MeaningPrefix.Length..];
        return r.Witness is null ? line : line + Environment.NewLine + WitnessLine(r);
    }

    /// <summary>The certified bounds in full precision and the pair behind the lower bound.</summary>
    private static string WitnessLine(CheckResult r)
    {
        static string Full(double? v) => v is double d ? d.ToString("G10", System.Globalization.CultureInfo.InvariantCulture) : "?";
        string gap = r.Lower is double lo && r.Upper is double up && up > 0 ? $", relative gap {(up - lo) / up:0.0e+0}" : "";
        var w = r.Witness!;
        string ratio = w.Ratio is double q ? $" ratio {Full(q)}" : "";
        return $"              certified [{Full(r.Lower)}, {Full(r.Upper)}]{gap}; witness x={ResultText.Vector(w.X)} y={ResultText.Vector(w.Y)}{ratio}";
    }

    public static string Summary(IReadOnlyList<CheckResult> results, TimeSpan elapsed) =>
        $"{ResultText.Tally(results)} in {ResultText.Seconds(elapsed.TotalSeconds)}";

    public static string OutcomeName(Outcome outcome) => outcome.ToString().ToLowerInvariant();
}
