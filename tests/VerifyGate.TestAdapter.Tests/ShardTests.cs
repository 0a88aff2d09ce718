using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace VerifyGate.TestAdapter.Tests;

/// <summary>VerifyGate.Shard and VerifyGateShard: n shards of a test run list and run every property exactly once,
/// the same ones as the CLI's --shard (keyed by the file's path from the root and the property name).</summary>
public sealed class ShardTests : IDisposable
{
    private readonly string _repo = RepoPaths.TempDirectory("vg-shard");

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    /// <summary>Three files of six properties on a missing model: each run of one is an immediate error.</summary>
    private string Source(string? projectShard = null)
    {
        var specs = new List<string>();
        for (int f = 0; f < 3; f++)
        {
            string relative = $"models/f{f}.verify.json";
            Directory.CreateDirectory(Path.Combine(_repo, "models"));
            File.WriteAllText(Path.Combine(_repo, relative), "{ \"model\": \"missing.onnx\", \"properties\": [\n" + string.Join(",\n",
                Enumerable.Range(0, 6).Select(p => $"  {{ \"name\": \"p{p}\", \"kind\": \"lipschitz\", \"domain\": {{ \"lower\": 0, \"upper\": 1 }}, \"atMost\": 1 }}")) + "\n] }");
            specs.Add($"spec={relative}");
        }
        File.WriteAllLines(Path.Combine(_repo, "Repo" + Manifest.Extension),
            [$"root={_repo}/", .. specs, "useCache=false", .. projectShard is null ? Array.Empty<string>() : [$"shard={projectShard}"]]);
        return Path.Combine(_repo, "Repo.dll");
    }

    private static string Settings(string shard) => $"<RunSettings><VerifyGate><Shard>{shard}</Shard></VerifyGate></RunSettings>";

    private static List<string> Listed(string source, string? shard)
    {
        var sink = new Sink();
        new PropertyDiscoverer().DiscoverTests([source], shard is null ? new Context() : new SettingsRunContext(Settings(shard)), new Logger(), sink);
        return [.. sink.Cases.Select(c => c.FullyQualifiedName)];
    }

    [Fact]
    public void Shards_list_every_property_exactly_once_and_as_the_cli_does()
    {
        string source = Source();
        var all = Listed(source, null);
        var parts = Enumerable.Range(1, 3).Select(i => Listed(source, $"{i}/3")).ToList();

        Assert.Equal(18, all.Count);
        Assert.All(parts, part => Assert.NotEmpty(part));
        Assert.Equal(all.Order(), parts.SelectMany(p => p).Order());
        // The same part as verifygate check --shard run in the repository root.
        var second = new Core.Checking.Shard(2, 3);
        Assert.Equal(all.Where(n => second.Contains($"models/{n.Split('.')[1]}.verify.json", n.Split('.')[2])), parts[1]);
    }

    [Fact]
    public void A_run_checks_only_its_shard_and_the_run_setting_overrides_the_project()
    {
        string source = Source(projectShard: "1/3");
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([source], new SettingsRunContext("<RunSettings></RunSettings>"), handle);
        Assert.Equal(Listed(source, "1/3").Order(), handle.Results.Select(r => r.TestCase.FullyQualifiedName).Order());
        Assert.All(handle.Results, r => Assert.Equal(TestOutcome.Failed, r.Outcome));

        var overridden = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([source], new SettingsRunContext(Settings("3/3")), overridden);
        Assert.Equal(Listed(source, "3/3").Order(), overridden.Results.Select(r => r.TestCase.FullyQualifiedName).Order());
    }

    [Fact]
    public void A_malformed_shard_setting_is_a_warning_and_every_property_runs()
    {
        var warnings = new List<string>();
        var settings = AdapterSettings.Parse(Settings("4/3"), warnings);
        Assert.Null(settings.Shard);
        Assert.Equal(["VerifyGate.Shard must be i/n with whole numbers 1 <= i <= n (for example 2/3), not '4/3'; every property runs"], warnings);
        var manifest = Manifest.Parse(["root=/r/", "shard=two"], "/r/");
        Assert.Null(manifest.Settings.Shard);
        Assert.Equal(["VerifyGateShard must be i/n with whole numbers 1 <= i <= n (for example 2/3), not 'two'; ignored"], manifest.Warnings);
    }
}
