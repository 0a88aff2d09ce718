using System.Globalization;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using VerifyGate.Core;
using VerifyGate.Core.Checking;

namespace VerifyGate.TestAdapter;

/// <summary>Renders a <see cref="CheckResult"/> as a VSTest result: passed and failed as they are,
/// inconclusive (onInconclusive "warn") as skipped, an error as failed with its diagnostics. The text
/// names the property, its certified bounds, the threshold, the time and the witness.</summary>
public static class ResultRenderer
{
    public static TestResult Render(TestCase test, PropertyCase property, CheckResult result, string root, TimeSpan duration)
    {
        string text = Describe(property, result, root);
        var outcome = result.Outcome switch
        {
            Outcome.Passed => TestOutcome.Passed,
            Outcome.Inconclusive => TestOutcome.Skipped,
            _ => TestOutcome.Failed,
        };
        var testResult = new TestResult(test)
        {
            Outcome = outcome,
            Duration = duration,
            DisplayName = test.DisplayName,
            ComputerName = Environment.MachineName,
        };
        if (outcome == TestOutcome.Passed)
            testResult.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, text + Environment.NewLine));
        else
        {
            testResult.ErrorMessage = text;
            var at = result.Diagnostic is { Line: > 0 } d ? (d.Line, d.Column) : (result.Line, result.Column);
            testResult.ErrorStackTrace = $"at {test.FullyQualifiedName} in {property.SpecPath}:line {at.Item1}";
        }
        return testResult;
    }

    /// <summary>The message of a result, e.g.
    /// <c>lipschitz 'step-linf': certified [1.21, 1.23] atMost 3, passed in 0.41 s</c> and the engine's lines.</summary>
    public static string Describe(PropertyCase property, CheckResult result, string root)
    {
        var lines = new List<string>();
        if (result.Outcome == Outcome.Error)
        {
            lines.Add($"property '{result.Property}' could not be checked:");
            lines.AddRange(result.Diagnostics.Select(d => Relative(d, root).ToString()));
            return string.Join(Environment.NewLine, lines);
        }
        string threshold = result.Threshold switch
        {
            { AtMost: double m } => $"atMost {ResultText.Number(m)}",
            { AtLeast: double l } => $"atLeast {ResultText.Number(l)}",
            _ => "no threshold",
        };
        string outcome = result.Outcome switch
        {
            Outcome.Passed => "passed",
            Outcome.Failed => "failed",
            _ => "inconclusive",
        };
        lines.Add($"{result.Kind} '{result.Property}': certified [{Full(result.Lower)}, {Full(result.Upper)}], threshold {threshold}, " +
                  $"{outcome} in {ResultText.Seconds(result.Seconds)}{(result.Cached ? " (cached)" : "")}");
        if (result.Witness is { IsPoint: true, OutputX: { } outputs } point)
            lines.Add($"witness x={ResultText.Vector(point.X, 16)}, outputs {ResultText.Vector(outputs, 16)}");
        else if (result.Witness is { } w)
        {
            string ratio = w.Ratio is double r ? $", ratio {Full(r)}" : "";
            lines.Add($"witness x={ResultText.Vector(w.X, 16)}, y={ResultText.Vector(w.Y, 16)}{ratio}");
        }
        // The diagnostic of a failed or inconclusive property carries the engine's message; a passed one has none.
        lines.Add(result.Diagnostic is { } diagnostic ? Relative(diagnostic, root).ToString() : result.Message);
        lines.AddRange(result.Notes.Select(n => $"note: {n}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Full(double? value) => value is double v ? v.ToString("G10", CultureInfo.InvariantCulture) : "?";

    /// <summary>Diagnostics name the file by its repository path, as the user knows it.</summary>
    private static Diagnostic Relative(Diagnostic diagnostic, string root)
    {
        string relative = Path.GetRelativePath(root, diagnostic.File).Replace('\\', '/');
        return diagnostic with { File = relative.StartsWith("..", StringComparison.Ordinal) ? diagnostic.File : relative };
    }
}
