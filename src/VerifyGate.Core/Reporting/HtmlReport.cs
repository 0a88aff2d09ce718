using System.Globalization;
using System.Net;
using System.Text;
using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Reporting;

/// <summary>One self-contained HTML page of a run (CLI <c>--html</c>, the gate's VerifyGateHtmlReport, the run setting
/// VerifyGate.HtmlReport): a table of every property, failures first, then a section per property with its certified
/// interval against the threshold, its bounds over time, for a radius kind on a two-input map the input plane, the
/// witness in full, and its diagnostics and notes. Styles and pictures (SVG) are inline: the page opens offline and
/// fetches nothing.</summary>
public static class HtmlReport
{
    /// <param name="displayFile">How a property file is shown (the host makes it relative).</param>
    /// <param name="title">The page's heading, for example the repository or the shard.</param>
    public static string Render(IReadOnlyList<CheckResult> results, Func<string, string> displayFile, string title = "VerifyGate report")
    {
        var ordered = results.Select((r, i) => (Result: r, Anchor: $"p{i + 1}"))
            .OrderBy(e => Rank(e.Result.Outcome)).ThenBy(e => e.Result.File, StringComparer.Ordinal).ThenBy(e => e.Result.Line).ToList();
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        page.Append("<h1>").Append(Text(title)).Append("</h1>\n");
        page.Append("<p class=\"tally\">").Append(Text(ResultText.Tally(results))).Append("</p>\n");
        page.Append("<p class=\"meta\">VerifyGate ").Append(Text(EngineInfo.Version)).Append(", ")
            .Append(Text(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</p>\n");
        AppendTable(page, ordered, displayFile);
        foreach (var (result, anchor) in ordered) AppendSection(page, result, anchor, displayFile);
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Writes the page, creating its folder.</summary>
    public static void Write(string path, IReadOnlyList<CheckResult> results, Func<string, string> displayFile, string title = "VerifyGate report")
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, Render(results, displayFile, title), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.Failed => 0,
        Outcome.Error => 1,
        Outcome.Inconclusive => 2,
        _ => 3,
    };

    private static void AppendTable(StringBuilder page, List<(CheckResult Result, string Anchor)> ordered, Func<string, string> displayFile)
    {
        page.Append("<table id=\"results\">\n<thead><tr><th>Property</th><th>Kind</th><th>Outcome</th><th>Certified interval</th>")
            .Append("<th>Threshold</th><th>Time</th><th>Cached</th></tr></thead>\n<tbody>\n");
        foreach (var (r, anchor) in ordered)
        {
            string outcome = OutcomeName(r.Outcome);
            page.Append("<tr class=\"").Append(outcome).Append("\" data-outcome=\"").Append(outcome).Append("\">")
                .Append("<td><a href=\"#").Append(anchor).Append("\">").Append(Text($"{displayFile(r.File)}: {r.Property}")).Append("</a></td>")
                .Append("<td>").Append(Text(r.Kind)).Append("</td>")
                .Append("<td><span class=\"badge ").Append(outcome).Append("\">").Append(outcome).Append("</span></td>")
                .Append("<td class=\"num\">").Append(Text(Interval(r))).Append("</td>")
                .Append("<td class=\"num\">").Append(Text(StepSummary.Threshold(r.Threshold))).Append("</td>")
                .Append("<td class=\"num\">").Append(Text(ResultText.Seconds(r.Seconds))).Append("</td>")
                .Append("<td>").Append(r.Cached ? "yes" : "").Append("</td></tr>\n");
        }
        page.Append("</tbody>\n</table>\n");
    }

    private static void AppendSection(StringBuilder page, CheckResult r, string anchor, Func<string, string> displayFile)
    {
        string outcome = OutcomeName(r.Outcome);
        page.Append("<section class=\"property ").Append(outcome).Append("\" id=\"").Append(anchor).Append("\">\n<h2>")
            .Append(Text($"{displayFile(r.File)}: {r.Property}")).Append(" <span class=\"badge ").Append(outcome).Append("\">")
            .Append(outcome).Append("</span></h2>\n");
        page.Append("<p class=\"where\">").Append(Text($"{displayFile(r.File)}, line {r.Line}")).Append(r.Kind.Length > 0 ? Text($" · {r.Kind}") : "")
            .Append(r.Solver is { } solver ? Text($" · {solver}") : "").Append("</p>\n");
        page.Append("<pre class=\"message\">").Append(Text(r.Message)).Append("</pre>\n");
        foreach (string? picture in new[] { IntervalPicture.Render(r), TracePicture.Render(r), BallPicture.Render(r) })
            if (picture is not null) page.Append("<div class=\"picture\">").Append(picture).Append("</div>\n");
        if (r.Witness is { } w)
        {
            page.Append("<h3>Witness</h3>\n<pre class=\"witness\">");
            page.Append(Text($"x = {Vector(w.X)}\ny = {Vector(w.Y)}"));
            if (w.Ratio is double ratio) page.Append(Text($"\nratio = {ratio.ToString("R", CultureInfo.InvariantCulture)}"));
            if (w.OutputX is { } fx) page.Append(Text($"\nf(x) = {Vector(fx)}"));
            if (w.OutputY is { } fy) page.Append(Text($"\nf(y) = {Vector(fy)}"));
            page.Append("</pre>\n");
        }
        if (r.Diagnostics.Count > 0)
        {
            page.Append("<h3>Diagnostics</h3>\n<pre class=\"diagnostics\">");
            page.AppendJoin("\n", r.Diagnostics.Select(d => Text(d.ToString())));
            page.Append("</pre>\n");
        }
        if (r.Notes.Count > 0)
        {
            page.Append("<h3>Notes</h3>\n<ul class=\"notes\">");
            foreach (string note in r.Notes) page.Append("<li>").Append(Text(note)).Append("</li>");
            page.Append("</ul>\n");
        }
        page.Append("</section>\n");
    }

    private static string OutcomeName(Outcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Interval(CheckResult r) =>
        r.Lower is null && r.Upper is null ? "" : $"[{ResultText.Number(r.Lower)}, {(r.Upper is double u && double.IsPositiveInfinity(u) ? "∞" : ResultText.Number(r.Upper))}]";

    /// <summary>Every coordinate in full (round-trip) precision: a witness is only useful if it can be replayed.</summary>
    private static string Vector(double[] values) => $"[{string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]";

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        .tally { font-size: 1.1rem; margin: 0.2rem 0; }
        .meta, .where { color: #57606a; font-size: 0.9rem; margin-top: 0.2rem; }
        table { border-collapse: collapse; width: 100%; margin: 1.2rem 0 2rem; font-size: 0.92rem; }
        th, td { border-bottom: 1px solid #d0d7de; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.failed td { background: #ffebe9; } tr.error td { background: #f6f8fa; } tr.inconclusive td { background: #fff8c5; }
        .badge { border-radius: 1rem; padding: 0.05rem 0.55rem; font-size: 0.8rem; color: white; white-space: nowrap; }
        .badge.passed { background: #1a7f37; } .badge.failed { background: #cf222e; }
        .badge.inconclusive { background: #9a6700; } .badge.error { background: #57606a; }
        section.property { border-top: 2px solid #d0d7de; padding: 0.6rem 0 1rem; }
        section.property h2 { font-size: 1.15rem; margin: 0.4rem 0; }
        section.property h3 { font-size: 0.95rem; margin: 0.8rem 0 0.3rem; }
        pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; font-size: 0.82rem; }
        .picture { margin: 0.5rem 0; } .picture svg { max-width: 100%; height: auto; }
        a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }

        """;
}
