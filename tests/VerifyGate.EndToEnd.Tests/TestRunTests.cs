namespace VerifyGate.EndToEnd.Tests;

/// <summary><c>dotnet test</c> on a fresh model repository, as the GitHub workflow in docs/github-actions.md runs it.</summary>
[Collection(PackedVerifyGateCollection.Name)]
public sealed class TestRunTests(PackedVerifyGate package)
{
    [Fact]
    public void Dotnet_test_runs_every_property_with_annotations_and_a_job_summary()
    {
        var repo = new ModelRepository(package, "tests", """<PackageReference Include="GitHubActionsTestLogger" Version="3.0.5" />""");
        repo.WriteLipschitzSpec("iris.verify.json", "iris-linf", atMost: 20);
        string tight = repo.WriteLipschitzSpec("tight.verify.json", "iris-linf-tight", atMost: 5);
        string summary = repo.PathOf("summary.md");

        var run = repo.Dotnet(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary },
            "test", "--logger", "GitHubActions");

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Matches(@"Failed!\s+- Failed:\s+1, Passed:\s+1, Skipped:\s+0, Total:\s+2", run.Output);
        // GitHubActionsTestLogger turns the failed test's source position (the property's line in the JSON) into an annotation.
        Assert.Contains($"::error title=iris-linf-tight,file={tight},line=5::", run.Output);
        string table = File.ReadAllText(summary);
        Assert.Contains("### VerifyGate: 2 properties: 1 passed, 1 failed, 0 inconclusive, 0 errors", table);
        Assert.Contains("| models/iris.verify.json: iris-linf | passed | 12.6051 |", table);
        Assert.Contains("| models/tight.verify.json: iris-linf-tight | failed | 12.6051 |", table);
    }

    [Fact]
    public void Shards_given_as_run_settings_check_every_property_once_and_name_themselves_in_summary_and_report()
    {
        var repo = new ModelRepository(package, "shards");
        for (int i = 0; i < 8; i++) repo.WriteLipschitzSpec($"iris{i}.verify.json", $"iris-linf-{i}", atMost: 20);
        var checkedBy = new List<string>[2];
        for (int shard = 1; shard <= 2; shard++)
        {
            string summary = repo.PathOf($"summary-{shard}.md");
            var run = repo.Dotnet(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary },
                "test", "--logger", "console;verbosity=normal", "--", $"VerifyGate.Shard={shard}/2", $"VerifyGate.HtmlReport=out/report-{shard}.html");
            Assert.True(run.ExitCode == 0, run.Output);
            checkedBy[shard - 1] = [.. System.Text.RegularExpressions.Regex.Matches(run.Output, @"Passed (iris-linf-\d)").Select(m => m.Groups[1].Value)];
            Assert.Contains($"### VerifyGate (shard {shard}/2): {checkedBy[shard - 1].Count} propert", File.ReadAllText(summary));
            // The run setting's HTML report, relative to the repository: one row per property of the shard.
            string page = File.ReadAllText(repo.PathOf($"out/report-{shard}.html"));
            Assert.Equal(checkedBy[shard - 1].Count, System.Text.RegularExpressions.Regex.Matches(page, "<tr class=\"passed\"").Count);
            Assert.Contains($"<h1>VerifyGate report (shard {shard}/2)</h1>", page);
        }
        Assert.All(checkedBy, part => Assert.NotEmpty(part));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"iris-linf-{i}"), checkedBy.SelectMany(c => c).Order());
    }
}
