using System.Diagnostics;
using System.Text;

namespace VerifyGate.Core.Checking;

/// <summary>The GitHub Actions job summary of a run: a Markdown heading with the tally and a table with a
/// row per result, appended to the file that <c>$GITHUB_STEP_SUMMARY</c> names.</summary>
public static class StepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    public const string Header = "| Property | Outcome | Lower | Upper | Threshold | Time |";
    public const string Alignment = "| --- | --- | ---: | ---: | --- | ---: |";

    /// <summary>The summary file GitHub Actions gives the step; null outside Actions (unset or empty).</summary>
    public static string? PathFromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    /// <param name="displayFile">How a result's property file is shown (the host makes it relative to the
    /// current directory or the repository root).</param>
    /// <param name="shard">The part of the properties the run checked; the heading names it, so that the sections of a
    /// CI matrix's jobs can be told apart once merged.</param>
    public static string Render(IReadOnlyList<CheckResult> results, Func<string, string> displayFile, Shard? shard = null)
    {
        var text = new StringBuilder();
        text.Append("### VerifyGate").Append(shard is null ? "" : $" (shard {shard})").Append(": ").Append(ResultText.Tally(results)).Append('\n');
        text.Append('\n');
        text.Append(Header).Append('\n');
        text.Append(Alignment).Append('\n');
        foreach (var r in results)
        {
            string[] cells =
            [
                $"{displayFile(r.File)}: {r.Property}",
                r.Outcome.ToString().ToLowerInvariant(),
                r.Lower is null ? "" : ResultText.Number(r.Lower),
                r.Upper is null ? "" : ResultText.Number(r.Upper),
                Threshold(r.Threshold),
                ResultText.Seconds(r.Seconds) + (r.Cached ? " (cached)" : ""),
            ];
            text.Append("| ").AppendJoin(" | ", cells.Select(Cell)).Append(" |\n");
        }
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>Appends the rendered summary to <paramref name="path"/> in one write under an exclusive lock,
    /// so that processes appending at the same time (several projects of a build) do not interleave.</summary>
    /// <exception cref="IOException">The file cannot be written (after retrying for a while if it is locked).</exception>
    public static void Append(string path, IReadOnlyList<CheckResult> results, Func<string, string> displayFile, Shard? shard = null)
    {
        byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(results, displayFile, shard));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
                stream.Write(bytes);
                return;
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
                                         && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(Random.Shared.Next(5, 50)); // another appender holds the lock
            }
        }
    }

    /// <summary><c>≤ 40</c> or <c>≥ 0.1</c>; empty when there is none.</summary>
    public static string Threshold(Threshold? threshold) => threshold switch
    {
        { AtMost: double m } => $"≤ {ResultText.Number(m)}",
        { AtLeast: double l } => $"≥ {ResultText.Number(l)}",
        _ => "",
    };

    /// <summary>A table cell: '|' would end it and a line break would end the row.</summary>
    public static string Cell(string text) =>
        text.Replace("|", "\\|").Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
}
