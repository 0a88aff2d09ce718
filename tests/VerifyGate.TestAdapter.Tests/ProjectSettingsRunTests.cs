using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;

namespace VerifyGate.TestAdapter.Tests;

/// <summary>The executor applies each test assembly's own manifest settings, under the run settings.
/// The solver is the observable one: highs is not available in this build, so a property run with it fails.</summary>
public class ProjectSettingsRunTests : IDisposable
{
    private readonly string _repo = RepoPaths.TempDirectory("vg-projectsettings");

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private static string Iris => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "models", "lipbab", "iris_net_4_5_5_3.onnx"));

    /// <summary>A test assembly whose manifest lists one small, quickly certified property, plus <paramref name="settings"/>.</summary>
    private string Source(string name, params string[] settings)
    {
        string folder = Path.Combine(_repo, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "iris.verify.json"),
            "{ \"model\": " + System.Text.Json.JsonSerializer.Serialize(Iris) + ", \"properties\": [\n" +
            "  { \"name\": \"loose\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": 0, \"upper\": 1 }, \"norm\": \"inf\", \"atMost\": 100 }\n] }");
        File.WriteAllLines(Path.Combine(folder, name + Manifest.Extension), [$"root={folder}/", "spec=iris.verify.json", "useCache=false", .. settings]);
        return Path.Combine(folder, name + ".dll");
    }

    [Fact]
    public void Each_assembly_runs_with_its_own_project_settings()
    {
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests(
            [Source("Plain", "timeLimitSeconds=30"), Source("Highs", "solver=highs", "exact=maybe")], null, handle);

        var outcomes = handle.Results.ToDictionary(r => Path.GetFileName(r.TestCase.Source), r => r);
        Assert.Equal(TestOutcome.Passed, outcomes["Plain.dll"].Outcome);
        Assert.Equal(TestOutcome.Failed, outcomes["Highs.dll"].Outcome);
        Assert.Contains("solver highs is not available", outcomes["Highs.dll"].ErrorMessage);
        Assert.Equal(["Warning: VerifyGate: Highs.verifygate.manifest: VerifyGateExact must be true or false, not 'maybe'; ignored"], handle.Messages);
    }

    [Fact]
    public void Run_settings_override_the_project_settings()
    {
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests(
            [Source("Highs", "solver=highs")], new SettingsRunContext("<RunSettings><VerifyGate><Solver>scip</Solver></VerifyGate></RunSettings>"), handle);

        Assert.Equal([TestOutcome.Passed], handle.Results.Select(r => r.Outcome));
    }
}
