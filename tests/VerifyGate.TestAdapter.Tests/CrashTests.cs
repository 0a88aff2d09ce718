namespace VerifyGate.TestAdapter.Tests;

/// <summary>The sample repository with one property no solve decides within its 120 s (ACAS Xu, property 2's box).</summary>
public sealed class SlowModelRepoCopy() : ModelRepoCopy(AddSlowProperty)
{
    private static void AddSlowProperty(string models)
    {
        string acas = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "models", "acasxu", "ACASXU_run2a_1_1_batch_2000.onnx"));
        File.WriteAllText(Path.Combine(models, "acas.verify.json"), $$"""
            {
              "model": {{System.Text.Json.JsonSerializer.Serialize(acas)}},
              "properties": [
                { "name": "acas-slow", "kind": "lipschitz", "norm": "inf", "timeLimitSeconds": 120, "atMost": 10,
                  "domain": { "lower": [0.6, -0.5, -0.5, 0.45, -0.5], "upper": [0.679857769, 0.5, 0.5, 0.5, -0.45] } }
              ]
            }
            """);
    }
}

/// <summary>A test host killed mid-run (as by the OOM killer): the results already reported stay reported,
/// and VSTest's "Test host process crashed" message names the property that was running (from the
/// adapter's lines on the host's stderr).</summary>
public class CrashTests(SlowModelRepoCopy repo) : IClassFixture<SlowModelRepoCopy>
{
    [Fact]
    public void A_killed_test_host_keeps_the_finished_results_and_names_the_running_property()
    {
        using var run = new WatchedProcess("dotnet", repo.Root,
            ["test", "--no-build", "-c", repo.Configuration, "--filter", "Name=action-scores-lipschitz-linf|Name=acas-slow",
             "--logger", "console;verbosity=normal"], repo.Environment);
        Assert.True(run.WaitForOutput("Passed action-scores-lipschitz-linf", TimeSpan.FromSeconds(90)), "the fast property did not pass:\n" + run.Output);
        Assert.True(run.WaitForOutput("VerifyGate: checking 'acas-slow'", TimeSpan.FromSeconds(30)), "the slow property did not start:\n" + run.Output);

        WatchedProcess.Signal(TestHostOf(repo.Root), "KILL");

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)) is not 0 and not null, "dotnet test did not fail after the crash:\n" + run.Output);
        string output = run.Output;
        int crash = output.IndexOf("Test host process crashed", StringComparison.Ordinal);
        Assert.True(crash >= 0, "no crash report:\n" + output);
        string report = output[crash..];
        Assert.Contains("VerifyGate: checking 'acas-slow' (models/acas.verify.json:4)", report);
        Assert.DoesNotContain("VerifyGate: finished 'acas-slow'", report);
        Assert.Contains("VerifyGate: finished 'action-scores-lipschitz-linf' (models/controller.verify.json:7): passed", report);
        Assert.Matches(@"Passed: +1\b", report);
    }

    /// <summary>The testhost process VSTest started for this repository (its command line names the repository's assembly).</summary>
    private static int TestHostOf(string root)
    {
        foreach (string folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out int id)) continue;
            string commandLine;
            try { commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' '); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (commandLine.Contains("testhost.dll", StringComparison.Ordinal) && commandLine.Contains(root, StringComparison.Ordinal)) return id;
        }
        throw new InvalidOperationException("no testhost process runs for " + root);
    }
}
