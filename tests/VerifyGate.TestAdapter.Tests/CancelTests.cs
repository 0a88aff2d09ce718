using System.Diagnostics;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace VerifyGate.TestAdapter.Tests;

/// <summary><see cref="PropertyExecutor.Cancel"/> (Test Explorer's cancel, VSTest's cancel request) and a
/// RunConfiguration.TestSessionTimeout stop the running solve: its result says cancelled, the next
/// property never starts, and RunTests returns promptly.</summary>
public class CancelTests : IDisposable
{
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(20);
    private const string OneAtATime = "<RunConfiguration><DisableParallelization>true</DisableParallelization>";
    private readonly string _repo = RepoPaths.TempDirectory("vg-cancel");

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    /// <summary>A test assembly whose manifest lists two properties that take far longer than the test waits (ACAS Xu, property
    /// 2's box, l_inf): the constant is 2.2218, so atMost 2.23 is decided only once the bound is within 0.4 % of it (about 30 s
    /// on a quiet machine), and no witness can fail it. atMost 10 was decided in 5.8 s once the Lipschitz search got faster,
    /// sometimes before the cancel arrived.</summary>
    private string SlowSource()
    {
        string model = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "models", "acasxu", "ACASXU_run2a_1_1_batch_2000.onnx"));
        const string Property = "\"kind\": \"lipschitz\", \"norm\": \"inf\", \"timeLimitSeconds\": 120, \"atMost\": 2.23, " +
                                "\"domain\": { \"lower\": [0.6, -0.5, -0.5, 0.45, -0.5], \"upper\": [0.679857769, 0.5, 0.5, 0.5, -0.45] }";
        File.WriteAllText(Path.Combine(_repo, "acas.verify.json"),
            $"{{ \"model\": {System.Text.Json.JsonSerializer.Serialize(model)}, \"properties\": [\n" +
            $"  {{ \"name\": \"first\", {Property} }},\n  {{ \"name\": \"second\", {Property} }}\n] }}");
        File.WriteAllLines(Path.Combine(_repo, "Acas" + Manifest.Extension), [$"root={_repo}/", "spec=acas.verify.json", "useCache=false"]);
        return Path.Combine(_repo, "Acas.dll");
    }

    private static Task Run(PropertyExecutor executor, string source, string settingsXml, Handle handle) =>
        Task.Run(() => executor.RunTests([source], new SettingsRunContext(settingsXml), handle));

    private static async Task<bool> Finishes(Task run, TimeSpan within) => await Task.WhenAny(run, Task.Delay(within)) == run;

    private static void AssertOnlyTheFirstRanAndWasCancelled(Handle handle)
    {
        var result = Assert.Single(handle.Results);
        Assert.Equal("first", result.TestCase.DisplayName);
        Assert.Equal(TestOutcome.Skipped, result.Outcome);
        Assert.Contains("warning VG3010: property 'first' was cancelled", result.ErrorMessage);
        Assert.Matches(@"certified \[[0-9.]+, [0-9.E+]+\]", result.ErrorMessage);
        Assert.Single(handle.Started);
    }

    [Fact]
    public async Task Cancel_stops_the_running_property_and_starts_no_more()
    {
        var handle = new Handle();
        var executor = new PropertyExecutor { StepSummaryFile = () => null };
        var run = Run(executor, SlowSource(), $"<RunSettings>{OneAtATime}</RunConfiguration></RunSettings>", handle);
        var clock = Stopwatch.StartNew();
        while (handle.Started.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(3));  // SCIP is solving

        executor.Cancel();

        Assert.True(await Finishes(run, Liveness), $"RunTests did not return {Liveness.TotalSeconds} s after Cancel");
        AssertOnlyTheFirstRanAndWasCancelled(handle);
        Assert.Empty(handle.Messages);
    }

    [Fact]
    public async Task A_test_session_timeout_cancels_the_run_before_VSTest_kills_the_host_and_fails_it()
    {
        // The deadline counts from this process's start: a timeout that leaves about 8 s from now.
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        long timeout = (long)(sinceStart + TimeSpan.FromSeconds(8)).TotalMilliseconds;
        var handle = new Handle();
        var run = Run(new PropertyExecutor { StepSummaryFile = () => null }, SlowSource(),
            $"<RunSettings>{OneAtATime}<TestSessionTimeout>{timeout}</TestSessionTimeout></RunConfiguration></RunSettings>", handle);

        Assert.True(await Finishes(run, TimeSpan.FromSeconds(8) + Liveness), "RunTests did not return by the session timeout");
        AssertOnlyTheFirstRanAndWasCancelled(handle);
        var message = Assert.Single(handle.Messages);
        Assert.StartsWith("Error: VerifyGate: the test session timeout of ", message);
        Assert.EndsWith("(RunConfiguration.TestSessionTimeout) was running out: the running properties were cancelled, 1 not started", message);
    }
}
