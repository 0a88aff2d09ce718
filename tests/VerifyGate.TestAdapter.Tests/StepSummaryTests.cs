using VerifyGate.Core.Checking;

namespace VerifyGate.TestAdapter.Tests;

/// <summary>The executor appends one job summary section per run, files relative to the repository root.</summary>
public class StepSummaryTests : IDisposable
{
    private readonly string _repo = RepoPaths.TempDirectory("vg-summary");

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private static string Iris => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "models", "lipbab", "iris_net_4_5_5_3.onnx"));

    private string Source()
    {
        string models = Path.Combine(_repo, "models");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, "iris.verify.json"),
            "{ \"model\": " + System.Text.Json.JsonSerializer.Serialize(Iris) + ", \"properties\": [\n" +
            "  { \"name\": \"loose\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": 0, \"upper\": 1 }, \"norm\": \"inf\", \"atMost\": 100 },\n" +
            "  { \"name\": \"tight|er\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": 0, \"upper\": 1 }, \"norm\": \"inf\", \"atMost\": 5 }\n] }");
        File.WriteAllText(Path.Combine(models, "broken.verify.json"), "{ \"properties\": [ { \"name\": \"x\", }");
        string bin = Path.Combine(_repo, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllLines(Path.Combine(bin, "Repo" + Manifest.Extension),
            [$"root={_repo}/", "spec=models/iris.verify.json", "spec=models/broken.verify.json"]);
        return Path.Combine(bin, "Repo.dll");
    }

    [Fact]
    public void A_run_appends_one_section_with_a_row_per_property_in_file_order()
    {
        string summary = Path.Combine(_repo, "summary.md");
        File.WriteAllText(summary, "before\n");
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => summary }.RunTests([Source()], null, handle);

        Assert.Equal(3, handle.Results.Count);
        string[] lines = File.ReadAllText(summary).Split('\n');
        Assert.Equal("before", lines[0]);
        Assert.Equal("### VerifyGate: 3 properties: 1 passed, 1 failed, 0 inconclusive, 1 error", lines[1]);
        Assert.Equal(StepSummary.Header, lines[3]);
        Assert.Equal("| models/broken.verify.json: (file) | error |  |  |  | 0.00 s |", lines[5]);
        Assert.StartsWith("| models/iris.verify.json: loose | passed | ", lines[6]);
        Assert.EndsWith(" | ≤ 100 | " + lines[6].Split(" | ")[^1], lines[6]);
        Assert.StartsWith(@"| models/iris.verify.json: tight\|er | failed | ", lines[7]);
        Assert.Equal(["", ""], lines[8..]);
        Assert.DoesNotContain(handle.Messages, m => m.Contains("job summary"));
    }

    [Fact]
    public void No_summary_outside_github_actions()
    {
        string summary = Path.Combine(_repo, "summary.md");
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([Source()], null, handle);
        Assert.Equal(3, handle.Results.Count);
        Assert.False(File.Exists(summary));
    }
}
