using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Tests.Checking;

/// <summary>The GitHub Actions job summary: exact Markdown for known results, cell escaping, and appends.</summary>
public class StepSummaryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vg-summary-" + Guid.NewGuid().ToString("N"));

    public StepSummaryTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CheckResult Result(string file, string property, Outcome outcome, double? lower, double? upper, Threshold? threshold,
        double seconds, bool cached = false) => new()
    {
        File = file,
        Line = 4,
        Property = property,
        Kind = "lipschitz",
        Outcome = outcome,
        Lower = lower,
        Upper = upper,
        Threshold = threshold,
        Seconds = seconds,
        Cached = cached,
        Message = "",
    };

    private static readonly CheckResult[] Known =
    [
        Result("/repo/models/iris.verify.json", "iris-linf", Outcome.Passed, 1.5312345, 1.53201, new Threshold(40, null), 0.414, cached: true),
        Result("/repo/models/iris.verify.json", "iris-l2", Outcome.Failed, 7.0123, 7.5, new Threshold(5, null), 12.34),
        Result("/repo/models/radius.verify.json", "no-preimage", Outcome.Inconclusive, 0.05, 0.2, new Threshold(null, 0.1), 3),
        Result("/repo/models/broken.verify.json", CheckResult.FileLevel, Outcome.Error, null, null, null, 0),
    ];

    private static string Relative(string file) => Path.GetRelativePath("/repo", file).Replace('\\', '/');

    [Fact]
    public void Renders_a_heading_with_the_tally_and_a_row_per_result()
    {
        string expected =
            "### VerifyGate: 4 properties: 1 passed, 1 failed, 1 inconclusive, 1 error (1 cached)\n" +
            "\n" +
            "| Property | Outcome | Lower | Upper | Threshold | Time |\n" +
            "| --- | --- | ---: | ---: | --- | ---: |\n" +
            "| models/iris.verify.json: iris-linf | passed | 1.53123 | 1.53201 | ≤ 40 | 0.41 s (cached) |\n" +
            "| models/iris.verify.json: iris-l2 | failed | 7.0123 | 7.5 | ≤ 5 | 12.3 s |\n" +
            "| models/radius.verify.json: no-preimage | inconclusive | 0.05 | 0.2 | ≥ 0.1 | 3.00 s |\n" +
            "| models/broken.verify.json: (file) | error |  |  |  | 0.00 s |\n" +
            "\n";
        Assert.Equal(expected, StepSummary.Render(Known, Relative));
    }

    [Fact]
    public void Pipes_and_line_breaks_cannot_break_the_table()
    {
        var odd = Result("/repo/a|b.verify.json", "x|y", Outcome.Passed, 1, 2, new Threshold(3, null), 1);
        string row = StepSummary.Render([odd], Relative).Split('\n')[4];
        Assert.Equal(@"| a\|b.verify.json: x\|y | passed | 1 | 2 | ≤ 3 | 1.00 s |", row);
        Assert.Equal(@"a\|b c d", StepSummary.Cell("a|b\r\nc\nd"));
    }

    [Fact]
    public void Append_adds_to_the_file_and_concurrent_appends_do_not_interleave()
    {
        string path = Path.Combine(_folder, "summary.md");
        File.WriteAllText(path, "before\n");
        StepSummary.Append(path, Known, Relative);
        string one = StepSummary.Render(Known, Relative);
        Assert.Equal("before\n" + one, File.ReadAllText(path));

        File.WriteAllText(path, "");
        var many = Enumerable.Range(0, 200).Select(i => Known[0] with { Property = $"p{i}" }).ToArray();
        string big = StepSummary.Render(many, Relative);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => StepSummary.Append(path, many, Relative));
        Assert.Equal(string.Concat(Enumerable.Repeat(big, 8)), File.ReadAllText(path));
    }

    [Fact]
    public void Append_to_a_missing_folder_fails_at_once()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<IOException>(() => StepSummary.Append(Path.Combine(_folder, "no", "summary.md"), Known, Relative));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
    }
}
