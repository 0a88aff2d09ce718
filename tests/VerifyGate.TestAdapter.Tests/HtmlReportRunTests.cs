using System.Text.RegularExpressions;

namespace VerifyGate.TestAdapter.Tests;

/// <summary>VerifyGate.HtmlReport (run setting) and VerifyGateHtmlReport (the project's, in the manifest): dotnet test
/// writes the run's HTML report, with one row per property it ran.</summary>
public sealed class HtmlReportRunTests : IDisposable
{
    private readonly string _repo = RepoPaths.TempDirectory("vg-html");

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    /// <summary>Three properties of a missing model: each run is an immediate error, which is all a report needs.</summary>
    private string Source(params string[] extraManifestLines)
    {
        File.WriteAllText(Path.Combine(_repo, "m.verify.json"), "{ \"model\": \"missing.onnx\", \"properties\": [\n" + string.Join(",\n",
            Enumerable.Range(0, 3).Select(p => $"  {{ \"name\": \"p{p}\", \"kind\": \"lipschitz\", \"domain\": {{ \"lower\": 0, \"upper\": 1 }}, \"atMost\": 1 }}")) + "\n] }");
        File.WriteAllLines(Path.Combine(_repo, "Repo" + Manifest.Extension), [$"root={_repo}/", "spec=m.verify.json", "useCache=false", .. extraManifestLines]);
        return Path.Combine(_repo, "Repo.dll");
    }

    private static int Rows(string page) => Regex.Matches(page, "<tr class=\"[a-z]+\" data-outcome=").Count;

    [Fact]
    public void A_run_setting_writes_the_report_relative_to_the_repository_root()
    {
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([Source()],
            new SettingsRunContext("<RunSettings><VerifyGate><HtmlReport>out/report.html</HtmlReport></VerifyGate></RunSettings>"), handle);

        string report = Path.Combine(_repo, "out", "report.html");
        Assert.Equal(3, Rows(File.ReadAllText(report)));
        Assert.Contains($"Informational: VerifyGate: HTML report: {report}", handle.Messages);
    }

    [Fact]
    public void A_shard_without_properties_still_writes_its_report()
    {
        string source = Source();
        int empty = Enumerable.Range(1, 50).First(i => Enumerable.Range(0, 3).All(p => Core.Checking.Shard.PartOf("m.verify.json", $"p{p}", 50) != i));
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([source],
            new SettingsRunContext($"<RunSettings><VerifyGate><Shard>{empty}/50</Shard><HtmlReport>empty.html</HtmlReport></VerifyGate></RunSettings>"), handle);

        Assert.Empty(handle.Results);
        string page = File.ReadAllText(Path.Combine(_repo, "empty.html"));
        Assert.Equal(0, Rows(page));
        Assert.Contains($"<h1>VerifyGate report (shard {empty}/50)</h1>", page);
        Assert.Contains("0 properties", page);
    }

    [Fact]
    public void The_project_setting_writes_it_where_the_build_said_and_the_run_setting_wins()
    {
        string project = Path.Combine(_repo, "from-project.html");
        string source = Source($"htmlReport={project}");
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([source], new SettingsRunContext("<RunSettings></RunSettings>"), new Handle());
        Assert.Equal(3, Rows(File.ReadAllText(project)));

        File.Delete(project);
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([source],
            new SettingsRunContext($"<RunSettings><VerifyGate><HtmlReport>{Path.Combine(_repo, "from-run.html")}</HtmlReport></VerifyGate></RunSettings>"), new Handle());
        Assert.False(File.Exists(project));
        Assert.Equal(3, Rows(File.ReadAllText(Path.Combine(_repo, "from-run.html"))));
    }
}
