using System.Globalization;
using System.Text.RegularExpressions;

namespace VerifyGate.TestAdapter.Tests;

/// <summary><c>dotnet test</c> on a copy of the sample model repository, as a user runs it.</summary>
public class EndToEndTests(ModelRepoCopy repo) : IClassFixture<ModelRepoCopy>
{
    private static readonly (string Name, string Kind, string Threshold)[] SampleCases =
    [
        ("pruned-action-scores-lipschitz-linf", "lipschitz", "atMost"), ("action-scores-lipschitz-linf", "lipschitz", "atMost"),
        ("push-right-score-lipschitz-l1", "lipschitz", "atMost"), ("action-scores-lipschitz-full-state-space", "lipschitz", "atMost"),
        ("step-lipschitz-linf", "lipschitz", "atMost"), ("position-lipschitz-l1", "lipschitz", "atMost"),
        ("step-lipschitz-wide-box", "lipschitz", "atMost"), ("no-other-preimage-near-state", "preimage-radius", "atLeast"),
        ("pruned-calibrates-onto-full-controller", "matching", "atMost"),
        ("keeps-label-near-horizontal-bar", "robustness", "atLeast"), ("keeps-label-near-vertical-bar", "robustness", "atLeast"),
        ("keeps-label-near-diagonal", "robustness", "atLeast"), ("keeps-label-near-anti-diagonal", "robustness", "atLeast"),
    ];

    private static readonly string[] SampleProperties = [.. SampleCases.Select(c => c.Name)];

    private static readonly string[] AllNames = [.. SampleProperties.Append("(file)").Append("controller-linf-too-tight").Order()];

    [Fact]
    public void Every_property_is_a_test_with_its_outcome_bounds_and_location()
    {
        var (code, output, trx) = repo.TestWithTrx();

        Assert.NotEqual(0, code);
        Assert.Equal(SampleProperties.Length + 2, trx.Results.Count);
        Assert.Equal(AllNames, trx.Results.Select(r => r.Name).Order());
        foreach (var (name, kind, threshold) in SampleCases)
        {
            var passed = trx[name];
            Assert.Equal("Passed", passed.Outcome);
            Assert.Matches(@$"{kind} '{name}': certified \[[0-9.]+, [0-9.?]+\], threshold {threshold} [0-9.]+, passed in [0-9.]+ s", passed.StdOut);
        }
        var step = trx["step-lipschitz-linf"];
        Assert.Equal("models.vanderpol-step", step.ClassName);

        var violated = trx["controller-linf-too-tight"];
        Assert.Equal("Failed", violated.Outcome);
        // Whichever confirmed pair first beats the threshold ends the check: its ratio is the certified lower bound.
        var certified = Regex.Match(violated.Message, @"certified \[([0-9.]+), [0-9.]+\], threshold atMost 5, failed");
        Assert.True(certified.Success, violated.Message);
        Assert.True(double.Parse(certified.Groups[1].Value, CultureInfo.InvariantCulture) > 5, violated.Message);
        var witness = Regex.Match(violated.Message, @"witness x=\[[-0-9., ]+\], y=\[[-0-9., ]+\], ratio ([0-9.]+)");
        Assert.True(witness.Success, violated.Message);
        Assert.True(double.Parse(witness.Groups[1].Value, CultureInfo.InvariantCulture) > 5, violated.Message);
        Assert.Contains("models/tight.verify.json(8,", violated.Message);
        Assert.Contains("error VG3001: property 'controller-linf-too-tight' is violated", violated.Message);
        Assert.EndsWith($"{Path.Combine(repo.Root, "models", "tight.verify.json")}:line 8", violated.StackTrace.Trim());

        var broken = trx["(file)"];
        Assert.Equal("Failed", broken.Outcome);
        Assert.Equal("models.broken", broken.ClassName);
        Assert.Matches(@"models/broken\.verify\.json\(3,1\): error VG1001: not valid JSON", broken.Message);
        Assert.Contains("broken.verify.json:line 3", broken.StackTrace);
        Assert.Matches($@"Failed!\s+- Failed:\s+2, Passed:\s+{SampleProperties.Length},", output);
    }

    [Fact]
    public void The_project_settings_are_written_into_the_manifest()
    {
        string[] lines = File.ReadAllLines(Manifest.PathFor(repo.AssemblyPath));
        Assert.Contains($"timeLimitSeconds={ModelRepoCopy.TimeLimitSeconds}", lines);
        Assert.Contains($"cacheDir={repo.CacheDirectory}", lines);
        Assert.Contains("useCache=true", lines);
        Assert.Contains("exact=false", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("solver=", StringComparison.Ordinal));
        var manifest = Manifest.ForAssembly(repo.AssemblyPath)!;
        Assert.Equal(new ManifestSettings { TimeLimitSeconds = ModelRepoCopy.TimeLimitSeconds, UseCache = true, CacheDirectory = repo.CacheDirectory, Exact = false },
            manifest.Settings);
        Assert.Empty(manifest.Warnings);
    }

    [Fact]
    public void List_tests_names_every_property_without_checking()
    {
        var (code, output) = repo.Test("--list-tests");
        Assert.Equal(0, code);
        Assert.Equal(AllNames, Listed(output).Order());
    }

    [Fact]
    public void List_tests_names_only_the_properties_a_filter_selects()
    {
        var (code, output) = repo.Test("--list-tests", "--filter", "Kind=lipschitz&Model=controller");
        Assert.Equal(0, code);
        Assert.Equal(
            ["action-scores-lipschitz-full-state-space", "action-scores-lipschitz-linf", "controller-linf-too-tight", "push-right-score-lipschitz-l1"],
            Listed(output).Order());
    }

    [Fact]
    public void List_tests_reports_a_malformed_filter_as_a_run_does()
    {
        const string Malformed = "Kind=lipschitz Model=controller";
        const string Report = "VerifyGate: Incorrect format for TestCaseFilter Error: Invalid Condition 'Kind=lipschitz Model=controller'.";
        var (_, listOutput) = repo.Test("--list-tests", "--filter", Malformed);
        var (runCode, runOutput) = repo.Test("--filter", Malformed);
        Assert.Empty(Listed(listOutput).Intersect(AllNames));
        Assert.Contains(Report, listOutput);
        Assert.Contains(Report, runOutput);
        Assert.NotEqual(0, runCode);
    }

    private static List<string> Listed(string output) =>
        [.. output.Split('\n').Select(l => l.Trim()).SkipWhile(l => l != "The following Tests are available:").Skip(1).Where(l => l.Length > 0)];

    [Fact]
    public void A_filter_selects_properties_by_name_kind_and_model()
    {
        var (code, _, byName) = repo.TestWithTrx("--filter", "Name=step-lipschitz-linf");
        Assert.Equal(0, code);
        Assert.Equal([("step-lipschitz-linf", "Passed")], byName.Results.Select(r => (r.Name, r.Outcome)));

        var (_, _, byModel) = repo.TestWithTrx("--filter", "Kind=lipschitz&Model=controller-pruned");
        Assert.Equal(["pruned-action-scores-lipschitz-linf"], byModel.Results.Select(r => r.Name));

        var (_, _, byFullName) = repo.TestWithTrx("--filter", "FullyQualifiedName~models.broken", "--", "RunConfiguration.DisableParallelization=true");
        Assert.Equal([("(file)", "Failed")], byFullName.Results.Select(r => (r.Name, r.Outcome)));
    }
}
