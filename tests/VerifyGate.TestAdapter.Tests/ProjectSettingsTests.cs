using VerifyGate.Core.Checking;
using VerifyGate.Core.Specs;

namespace VerifyGate.TestAdapter.Tests;

/// <summary>The project's MSBuild settings in the manifest, and how they combine with run settings.</summary>
public class ProjectSettingsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [Fact]
    public void The_manifest_carries_the_project_settings()
    {
        var cache = Path.Combine(Path.GetTempPath(), "vg-cache");
        var manifest = Manifest.Parse(
            [$"root={Root}", "spec=a.verify.json", "timeLimitSeconds=7.5", "useCache=False", $"cacheDir={cache}", "exact=true", "solver=highs"], "fallback");

        Assert.Equal(["a.verify.json"], manifest.Specs);
        Assert.Equal(new ManifestSettings { TimeLimitSeconds = 7.5, UseCache = false, CacheDirectory = cache, Exact = true, Solver = SolverChoice.Highs },
            manifest.Settings);
        Assert.Empty(manifest.Warnings);
    }

    [Fact]
    public void Absent_settings_are_null()
    {
        var manifest = Manifest.Parse([$"root={Root}", "spec=a.verify.json", "solver="], "fallback");
        Assert.Equal(ManifestSettings.None, manifest.Settings);
        Assert.Empty(manifest.Warnings);
    }

    [Fact]
    public void Malformed_settings_are_ignored_with_a_warning()
    {
        var manifest = Manifest.Parse(
            [$"root={Root}", "timeLimitSeconds=-3", "useCache=yes", "exact=1", "solver=cplex", "timeLimitSeconds=soon", "spec=a.verify.json"], "fallback");

        Assert.Equal(ManifestSettings.None, manifest.Settings);
        Assert.Equal(["a.verify.json"], manifest.Specs);
        Assert.Equal(
            ["VerifyGateTimeLimitSeconds must be a positive number of seconds, not '-3'; ignored",
             "VerifyGateUseCache must be true or false, not 'yes'; ignored",
             "VerifyGateExact must be true or false, not '1'; ignored",
             "VerifyGateSolver must be scip, highs or gurobi, not 'cplex'; ignored",
             "VerifyGateTimeLimitSeconds must be a positive number of seconds, not 'soon'; ignored"],
            manifest.Warnings);
    }

    [Fact]
    public void A_relative_cache_folder_is_taken_from_the_root()
    {
        var manifest = Manifest.Parse([$"root={Root}", "cacheDir=.cache"], "fallback");
        Assert.Equal(Path.Combine(Root, ".cache"), manifest.Settings.CacheDirectory);
    }

    [Fact]
    public void Run_settings_beat_the_project_which_beats_the_defaults()
    {
        var project = new ManifestSettings { TimeLimitSeconds = 7, UseCache = false, CacheDirectory = "/project/cache", Exact = true, Solver = SolverChoice.Highs };
        var run = AdapterSettings.Parse(
            "<RunSettings><VerifyGate><TimeLimitSeconds>30</TimeLimitSeconds><UseCache>true</UseCache><CacheDirectory>/run/cache</CacheDirectory>" +
            "<Exact>false</Exact><Solver>gurobi</Solver></VerifyGate></RunSettings>");

        var fromRun = OptionPrecedence.Resolve(run, project);
        Assert.Equal(new CheckOptions { TimeLimitSeconds = 30, UseCache = true, CacheDirectory = "/run/cache", Exact = false, Solver = SolverChoice.Gurobi },
            fromRun);

        var fromProject = OptionPrecedence.Resolve(AdapterSettings.Parse(null), project);
        Assert.Equal(new CheckOptions { TimeLimitSeconds = 7, UseCache = false, CacheDirectory = "/project/cache", Exact = true, Solver = SolverChoice.Highs },
            fromProject);

        Assert.Equal(CheckOptions.Default, OptionPrecedence.Resolve(AdapterSettings.Parse(null), ManifestSettings.None));
    }

    [Fact]
    public void Each_run_setting_overrides_only_itself()
    {
        var project = new ManifestSettings { TimeLimitSeconds = 7, UseCache = false, Exact = true, Solver = SolverChoice.Highs };
        var run = AdapterSettings.Parse("<RunSettings><VerifyGate><TimeLimitSeconds>30</TimeLimitSeconds></VerifyGate></RunSettings>");

        var options = OptionPrecedence.Resolve(run, project);

        Assert.Equal(new CheckOptions { TimeLimitSeconds = 30, UseCache = false, Exact = true, Solver = SolverChoice.Highs }, options);
    }

    [Fact]
    public void A_malformed_solver_run_setting_is_a_warning()
    {
        var warnings = new List<string>();
        var settings = AdapterSettings.Parse("<RunSettings><VerifyGate><Solver>cplex</Solver></VerifyGate></RunSettings>", warnings);
        Assert.Null(settings.Solver);
        Assert.Equal(["VerifyGate.Solver must be scip, highs or gurobi, not 'cplex'"], warnings);
    }
}
