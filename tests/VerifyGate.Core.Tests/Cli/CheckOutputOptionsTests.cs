using System.Text.Json;
using VerifyGate.Cli;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Tests.Checking;

namespace VerifyGate.Core.Tests.Cli;

/// <summary>The options of <c>check</c> for build tools and CI: --absolute-paths, --inputs-file and the
/// GitHub Actions job summary (--no-step-summary).</summary>
public class CheckOutputOptionsTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private string SummaryFile => Path.Combine(_ws.Root, "summary.md");

    private (int Exit, string Out, string Err) Check(params string[] args) =>
        CliRunner.RunWithSummary(SummaryFile, ["check", .. args, "--cache-dir", _ws.CacheDirectory]);

    private string Passing() => _ws.Spec("ok.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("loose", 100));
    private string Failing() => _ws.Spec("sub/bad.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("tight", 5));

    [Fact]
    public void Absolute_paths_appear_in_result_lines_and_canonical_diagnostics()
    {
        string passing = Path.GetFullPath(Passing());
        string failing = Path.GetFullPath(Failing());
        var (exit, stdout, _) = Check(_ws.Root, "--absolute-paths", "--no-step-summary");

        Assert.Equal(ExitCodes.SomeFailed, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith($"passed        {passing}: loose  [", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"failed        {failing}: tight  [", StringComparison.Ordinal));
        var canonical = Assert.Single(lines, l => l.Contains(": error VG"));
        Assert.StartsWith($"{failing}(4,", canonical);
        Assert.Contains("): error VG3001: property 'tight' is violated", canonical);

        // The default stays relative, and JSON is not affected by the option.
        var (_, relative, _) = Check(_ws.Root, "--no-step-summary");
        Assert.DoesNotContain(relative.Split('\n'), l => l.Contains($" {failing}:") || l.StartsWith(failing, StringComparison.Ordinal));
        var (_, json, _) = Check(_ws.Root, "--json", "--absolute-paths", "--no-step-summary");
        using var doc = JsonDocument.Parse(json);
        Assert.All(doc.RootElement.GetProperty("results").EnumerateArray(),
            r => Assert.False(Path.IsPathRooted(r.GetProperty("file").GetString()!)));
    }

    [Fact]
    public void Inputs_file_lists_each_checked_spec_and_its_models_sorted_even_when_a_file_is_malformed()
    {
        string iris = Path.Combine(TestPaths.RepositoryRoot, "tests", "specs", "iris.verify.json");
        string malformed = _ws.Write("broken.verify.json", "{ \"model\": \"x.onnx\", \"properties\": [ { \"name\": ");
        string inputs = Path.Combine(_ws.Root, "obj", "deep", "inputs.txt");
        File.WriteAllText(SummaryFile, "");
        Directory.CreateDirectory(Path.GetDirectoryName(inputs)!);
        File.WriteAllText(inputs, "stale line that must be overwritten\n");

        var (exit, _, _) = Check(iris, malformed, "--property", "iris-lipschitz-linf", "--inputs-file", inputs, "--no-step-summary");

        Assert.Equal(ExitCodes.UsageOrError, exit); // the malformed file is an error result
        string[] expected = [Path.GetFullPath(iris), Path.GetFullPath(malformed), Path.GetFullPath(CheckWorkspace.Iris)];
        Array.Sort(expected, StringComparer.Ordinal);
        Assert.Equal(string.Join("\n", expected) + "\n", File.ReadAllText(inputs));
        Assert.Equal("", File.ReadAllText(SummaryFile)); // --no-step-summary
    }

    [Fact]
    public void Inputs_file_is_written_in_a_new_folder_when_no_property_file_is_found()
    {
        Directory.CreateDirectory(Path.Combine(_ws.Root, "empty"));
        string inputs = Path.Combine(_ws.Root, "new", "inputs.txt");
        var (exit, _, _) = Check(Path.Combine(_ws.Root, "empty"), "--inputs-file", inputs);
        Assert.Equal(ExitCodes.UsageOrError, exit);
        Assert.Equal("", File.ReadAllText(inputs));
    }

    [Fact]
    public void Job_summary_is_appended_with_a_heading_and_a_row_per_result()
    {
        Passing();
        Failing();
        File.WriteAllText(SummaryFile, "earlier step\n");
        var (exit, stdout, _) = Check(_ws.Root, "--json");
        Assert.Equal(ExitCodes.SomeFailed, exit);

        string[] lines = File.ReadAllText(SummaryFile).Split('\n');
        Assert.Equal("earlier step", lines[0]);
        Assert.Equal("### VerifyGate: 2 properties: 1 passed, 1 failed, 0 inconclusive, 0 errors", lines[1]);
        Assert.Equal("", lines[2]);
        Assert.Equal(StepSummary.Header, lines[3]);
        Assert.Equal(StepSummary.Alignment, lines[4]);
        using var doc = JsonDocument.Parse(stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["loose", "tight"], results.Select(r => r.GetProperty("property").GetString()));
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            string Number(string name) => ResultText.Number(r.GetProperty(name).GetDouble());
            string threshold = ResultText.Number(r.GetProperty("threshold").GetProperty("atMost").GetDouble());
            string row = $"| {r.GetProperty("file").GetString()}: {r.GetProperty("property").GetString()} | {r.GetProperty("outcome").GetString()} | " +
                         $"{Number("lower")} | {Number("upper")} | ≤ {threshold} | ";
            Assert.StartsWith(row, lines[5 + i]);
            Assert.Matches(@"^\d+\.\d+ s \|$", lines[5 + i][row.Length..]);
        }
        Assert.Contains("sub/bad.verify.json: tight | failed | ", lines[6]);
        Assert.Contains(" | ≤ 5 | ", lines[6]);
        Assert.Equal(["", ""], lines[7..]);
    }
}
