using System.Text.RegularExpressions;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Reporting;

namespace VerifyGate.Core.Tests.Reporting;

/// <summary>The HTML report's page: a row per property with failures first, a section per property with its pictures,
/// witnesses in full precision, and nothing fetched from anywhere.</summary>
public class HtmlReportTests
{
    private static CheckResult Result(string name, Outcome outcome, double? lower, double? upper, Threshold? threshold, string kind = "lipschitz") => new()
    {
        File = "/repo/models/m.verify.json", Line = 3, Property = name, Kind = kind, Outcome = outcome,
        Lower = lower, Upper = upper, Threshold = threshold, Seconds = 1.25, Message = $"{name}: the message <with> & markup",
    };

    private static IReadOnlyList<CheckResult> Sample() =>
    [
        Result("passes", Outcome.Passed, 3.5, 4.25, new Threshold(10, null)) with
        {
            Trace = [new BoundSample(0, null, null), new BoundSample(0.5, 1, 100), new BoundSample(1.25, 3.5, 4.25)],
            Cached = true,
        },
        Result("fails", Outcome.Failed, 12.5, 20, new Threshold(10, null)) with
        {
            Witness = new Witness([0.1234567890123456, -1], [0.2, 1e-300], 12.5),
            Diagnostics = [new Diagnostic("/repo/models/m.verify.json", 9, 17, "VG3001", "property 'fails' is violated")],
        },
        Result("broken", Outcome.Error, null, null, null, kind: "") with
        {
            Diagnostics = [new Diagnostic("/repo/models/m.verify.json", 5, 3, "VG1003", "unknown field")],
        },
        Result("ball", Outcome.Passed, 1.75, double.PositiveInfinity, new Threshold(null, 1.5), kind: "preimage-radius") with
        {
            Ball = new InputBall([0.2, -0.1], NormKind.Inf, 2),
            Witness = new Witness([0.2, -0.1], [1.9, 0.3], null, [1, 2], [1, 2]),
        },
        Result("undecided", Outcome.Inconclusive, 5, 15, new Threshold(10, null)),
    ];

    [Fact]
    public void One_row_per_property_failures_first_then_errors_undecided_and_passed()
    {
        string page = HtmlReport.Render(Sample(), f => Path.GetRelativePath("/repo", f));

        var rows = Regex.Matches(page, "<tr class=\"([a-z]+)\" data-outcome=\"[a-z]+\"><td><a href=\"#(p[0-9]+)\">models/m.verify.json: ([a-z]+)</a>");
        Assert.Equal(["fails", "broken", "undecided", "passes", "ball"], rows.Select(m => m.Groups[3].Value));
        Assert.Equal(["failed", "error", "inconclusive", "passed", "passed"], rows.Select(m => m.Groups[1].Value));
        // Each row links to its property's section.
        Assert.All(rows, m => Assert.Contains($"<section class=\"property {m.Groups[1].Value}\" id=\"{m.Groups[2].Value}\">", page));
        Assert.Contains("<p class=\"tally\">5 properties: 2 passed, 1 failed, 1 inconclusive, 1 error (1 cached)</p>", page);
        Assert.Contains("<td class=\"num\">[1.75, ∞]</td><td class=\"num\">≥ 1.5</td>", page);
        Assert.Contains("<td class=\"num\">1.25 s</td><td>yes</td>", page);
    }

    [Fact]
    public void Witnesses_are_in_full_precision_and_text_is_escaped()
    {
        string page = HtmlReport.Render(Sample(), f => f);
        Assert.Contains("x = [0.1234567890123456, -1]\ny = [0.2, 1E-300]\nratio = 12.5", page);
        Assert.Contains("f(x) = [1, 2]", page);
        Assert.Contains("fails: the message &lt;with&gt; &amp; markup", page);
        Assert.Contains("/repo/models/m.verify.json(9,17): error VG3001: property &#39;fails&#39; is violated", page);
    }

    [Fact]
    public void Pictures_are_inline_svg_and_the_page_fetches_nothing()
    {
        string page = HtmlReport.Render(Sample(), f => f);
        // Interval pictures for the four with bounds or a threshold, bounds over time for the one with a trace,
        // the input plane for the radius kind on two inputs.
        Assert.Equal(4 + 1 + 1, Regex.Matches(page, "<div class=\"picture\"><svg ").Count);
        Assert.Contains("atMost 10", page);
        Assert.Contains("atLeast 1.5", page);
        Assert.Contains("certified bounds over the run", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
        Assert.DoesNotContain("<img", page);
        // Ids are shared by every inline SVG of a page: a clip path id used twice would clip one picture by another's.
        var ids = Regex.Matches(page, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Regex.Matches(page, "url\\(#([^)]+)\\)"), m => Assert.Contains(m.Groups[1].Value, ids));
    }

    [Fact]
    public void The_ball_picture_is_drawn_only_for_two_inputs()
    {
        var flat = Sample()[3] with { Ball = new InputBall([0, 0, 0], NormKind.Two, 1) };
        string page = HtmlReport.Render([flat], f => f);
        Assert.Single(Regex.Matches(page, "<div class=\"picture\"><svg "));
    }
}
