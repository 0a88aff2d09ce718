using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace VerifyGate.Build.Tests;

/// <summary>The task running the real CLI (from its build output) on property files in a temporary folder.</summary>
public sealed class TaskRunTests : IDisposable
{
    private static readonly string CliPath = RepoPaths.Of($"src/VerifyGate.Cli/bin/{RepoPaths.Configuration}/net10.0/verifygate.dll");
    private static readonly string IrisModel = IrisSpec.SharedModel;
    private readonly string _folder = RepoPaths.TempDirectory("vg-task");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteIrisSpec(string fileName, double atMost)
    {
        string path = Path.Combine(_folder, fileName);
        File.WriteAllText(path, IrisSpec.Text(IrisModel, "iris-linf", atMost));
        return path;
    }

    private string Stamp => Path.Combine(_folder, "obj", "check.stamp");
    private string Inputs => Path.Combine(_folder, "obj", "inputs.txt");

    private (bool Succeeded, RecordingBuildEngine Engine) Run(params string[] specs)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckProperties
        {
            BuildEngine = engine,
            CliPath = CliPath,
            PropertyFiles = specs.Select(s => (ITaskItem)new TaskItem(s)).ToArray(),
            RootDirectory = _folder,
            CacheDirectory = Path.Combine(_folder, "cache"),
            StampFile = Stamp,
            InputsFile = Inputs,
        };
        return (task.Execute(), engine);
    }

    [Fact]
    public void A_passing_property_succeeds_and_writes_the_stamp_and_the_inputs()
    {
        string spec = WriteIrisSpec("iris.verify.json", atMost: 20);

        var (succeeded, engine) = Run(spec);

        Assert.True(succeeded, engine.AllText);
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Message!.StartsWith("passed") && m.Message.Contains("iris-linf"));
        Assert.True(File.Exists(Stamp));
        Assert.Equal(new[] { IrisModel, Path.GetFullPath(spec) }.Order(StringComparer.Ordinal), File.ReadAllLines(Inputs));
    }

    [Fact]
    public void A_violated_property_is_an_error_at_its_threshold_and_removes_the_stamp()
    {
        string spec = WriteIrisSpec("tight.verify.json", atMost: 5);
        Directory.CreateDirectory(Path.GetDirectoryName(Stamp)!);
        File.WriteAllText(Stamp, "from an earlier clean pass");

        var (succeeded, engine) = Run(spec);

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VG3001", error.Code);
        Assert.Equal(Path.GetFullPath(spec), error.File);
        Assert.Equal((8, 17), (error.LineNumber, error.ColumnNumber)); // the threshold's value
        Assert.Contains("iris-linf", error.Message);
        Assert.False(File.Exists(Stamp));
    }

    [Fact]
    public void A_malformed_file_is_an_error_and_the_other_files_are_still_checked()
    {
        string good = WriteIrisSpec("good.verify.json", atMost: 20);
        string bad = Path.Combine(_folder, "bad.verify.json");
        File.WriteAllText(bad, "{\n  \"model\": \"m.onnx\",\n  \"properties\": [ { \"name\": \"x\", } ]\n}\n");

        var (succeeded, engine) = Run(good, bad);

        Assert.False(succeeded);
        Assert.Equal(["VG1005", "VG1015"], engine.Errors.Select(e => e.Code).Order()); // no kind, no threshold
        Assert.All(engine.Errors, e => Assert.Equal((Path.GetFullPath(bad), 3, 19), (e.File, e.LineNumber, e.ColumnNumber)));
        Assert.Contains(engine.Messages, m => m.Message!.StartsWith("passed") && m.Message.Contains("good.verify.json"));
    }

    /// <summary>lunarlander over [-1, 1]^8 (the plain engine's route): in 1 s the certified interval stays about
    /// [75, 145] (after 60 s it is [81.1, 122.0]), so a threshold of 100 is undecided.</summary>
    private string WriteUndecidedSpec(string onInconclusive)
    {
        string model = Path.GetFullPath(RepoPaths.Of("../shared/models/control/lunarlander.onnx")).Replace("\\", "/");
        string path = Path.Combine(_folder, $"lunar-{onInconclusive}.verify.json");
        File.WriteAllText(path, $$"""
            {
              "model": "{{model}}",
              "properties": [
                {
                  "name": "lunar-linf",
                  "kind": "lipschitz",
                  "domain": { "lower": [-1, -1, -1, -1, -1, -1, -1, -1], "upper": [1, 1, 1, 1, 1, 1, 1, 1] },
                  "timeLimitSeconds": 1,
                  "onInconclusive": "{{onInconclusive}}",
                  "atMost": 100
                }
              ]
            }
            """);
        return path;
    }

    [Fact]
    public void An_inconclusive_property_that_may_warn_is_a_warning_and_the_run_passes()
    {
        string spec = WriteUndecidedSpec("warn");

        var (succeeded, engine) = Run(spec);

        Assert.True(succeeded, engine.AllText);
        Assert.Empty(engine.Errors);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("VG3002", Path.GetFullPath(spec), 10, 17), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.True(File.Exists(Stamp));
    }

    [Fact]
    public void An_inconclusive_property_that_must_decide_is_an_error()
    {
        string spec = WriteUndecidedSpec("fail");

        var (succeeded, engine) = Run(spec);

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("VG3002", 10, 17), (error.Code, error.LineNumber, error.ColumnNumber));
        Assert.False(File.Exists(Stamp));
    }

    [Fact]
    public void A_missing_cli_is_reported_without_starting_anything()
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckProperties { BuildEngine = engine, CliPath = Path.Combine(_folder, "nope.dll"), PropertyFiles = [new TaskItem(WriteIrisSpec("a.verify.json", 20))] };

        Assert.False(task.Execute());
        Assert.Equal("VG4001", Assert.Single(engine.Errors).Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    public void A_bad_time_limit_is_reported(string value)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckProperties { BuildEngine = engine, CliPath = CliPath, TimeLimitSeconds = value, PropertyFiles = [new TaskItem(WriteIrisSpec("a.verify.json", 20))] };

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VG4002", error.Code);
        Assert.Contains(value, error.Message);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0/2")]
    [InlineData("3/2")]
    public void A_bad_shard_is_reported(string value)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckProperties { BuildEngine = engine, CliPath = CliPath, Shard = value, PropertyFiles = [new TaskItem(WriteIrisSpec("a.verify.json", 20))] };

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VG4002", error.Code);
        Assert.Contains($"VerifyGateShard must be i/n", error.Message);
    }

    [Fact]
    public void Shards_of_the_gate_report_every_property_exactly_once()
    {
        // Iris has 4 inputs: a 2-dimensional box is an error at once, at each property's own line; which shard reports which is what counts.
        var specs = Enumerable.Range(0, 3).Select(f =>
        {
            string path = Path.Combine(_folder, $"f{f}.verify.json");
            File.WriteAllLines(path, [
                $"{{ \"model\": {System.Text.Json.JsonSerializer.Serialize(IrisModel)}, \"properties\": [",
                .. Enumerable.Range(0, 6).Select(p => $"  {{ \"name\": \"p{p}\", \"kind\": \"lipschitz\", \"domain\": {{ \"lower\": [0, 0], \"upper\": [1, 1] }}, \"atMost\": 1 }}{(p < 5 ? "," : "")}"),
                "] }"]);
            return path;
        }).ToArray();
        List<(string, int)> Reported(string? shard)
        {
            var engine = new RecordingBuildEngine();
            var task = new CheckProperties
            {
                BuildEngine = engine, CliPath = CliPath, Shard = shard, RootDirectory = _folder, UseCache = false,
                PropertyFiles = [.. specs.Select(s => (ITaskItem)new TaskItem(s))],
            };
            Assert.False(task.Execute());
            return [.. engine.Errors.Select(e => (Path.GetFileName(e.File), e.LineNumber))];
        }

        var all = Reported(null);
        var parts = Enumerable.Range(1, 3).Select(i => Reported($"{i}/3")).ToList();

        Assert.Equal(18, all.Count);
        Assert.All(parts, part => Assert.NotEmpty(part));
        Assert.Equal(all.Order(), parts.SelectMany(p => p).Order());
    }

    [Fact]
    public void No_property_files_is_a_success_with_a_message()
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckProperties { BuildEngine = engine, CliPath = CliPath, StampFile = Stamp };

        Assert.True(task.Execute());
        Assert.Contains(engine.Messages, m => m.Message!.Contains("no property files"));
    }
}
