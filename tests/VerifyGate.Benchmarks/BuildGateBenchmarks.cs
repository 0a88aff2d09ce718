using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VerifyGate.Core.Checking;

namespace VerifyGate.Benchmarks;

/// <summary>Where the time of the build gate goes on samples/ModelRepo: solving in process (the baseline),
/// the CLI as a process (uncached and with a warm result cache), the full MSBuild gate, and the no-op costs
/// when nothing changed. Every figure is measured in the same run; the result cache lives in a temp folder.</summary>
public sealed class BuildGateBenchmarks : IBenchmarkSection
{
    public string Name => "build";
    public string Title => "Build gate and CLI: where the time goes";

    private const int SolveRepeats = 3;
    private const int NoOpRepeats = 5;
    private const string Configuration = "Release";

    private static readonly Dictionary<string, string> BuildEnvironment = new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>One measured command; <see cref="Run"/> returns wall seconds and, for the CLI, the checking
    /// time it reports itself (null otherwise).</summary>
    private sealed record Case(string Label, string Command, int Repeats, Action Before, Func<(double Wall, double? Reported)> Run)
    {
        public List<double> Seconds { get; } = new();
        public List<double> Reported { get; } = new();
        public double Median => MedianOf(Seconds);
        public double Min => Seconds.Min();
        public double Max => Seconds.Max();
    }

    public string Run(TextWriter progress)
    {
        string root = Paths.RepositoryRoot;
        string project = Path.Combine(root, "samples", "ModelRepo");
        string cli = Path.Combine(root, "src", "VerifyGate.Cli", "bin", Configuration, "net10.0", "verifygate.dll");
        // The gate's stamp and inputs list (build/VerifyGate.targets, _VerifyGateStateDirectory).
        string gateState = Path.Combine(project, "obj", Configuration, "net10.0", "verifygate");
        string cacheDir = Path.Combine(Path.GetTempPath(), $"verifygate-bench-{Guid.NewGuid():N}");
        string loadAtStart = LoadAverage();

        progress.WriteLine("  building samples/ModelRepo (and the CLI and build task it uses)");
        // The CLI and the task first: the sample's restore does not restore these two references.
        foreach (string target in new[] { "src/VerifyGate.Cli", "src/VerifyGate.Build", "samples/ModelRepo" })
            Dotnet(root, "build", target, "-c", Configuration, "-tl:off", "-nodeReuse:false");

        int properties = 0, files = 0;
        var checker = new Checker();
        var noCache = new CheckOptions { UseCache = false };
        string[] gate = ["build", "samples/ModelRepo", "-c", Configuration, "-t:VerifyGateCheck", "-p:VerifyGateUseCache=false", "-tl:off", "-nodeReuse:false"];
        string[] build = ["build", "samples/ModelRepo", "-c", Configuration, "-tl:off", "-nodeReuse:false", "--no-restore"];
        // In this order within each round: the unchanged gate and the no-op builds find the stamp the full gate wrote.
        var cases = new List<Case>
        {
            new("in process: Checker, no cache (baseline)", "Checker.Check([samples/ModelRepo], UseCache = false)", SolveRepeats, () => { }, () =>
            {
                var clock = Stopwatch.StartNew();
                var results = checker.Check([project], noCache);
                double seconds = clock.Elapsed.TotalSeconds;
                properties = ExpectAllPassed(results);
                files = results.Select(r => r.File).Distinct().Count();
                return (seconds, null);
            }),
            new("CLI process, no cache", "verifygate check samples/ModelRepo --no-cache", SolveRepeats, () => { },
                () => Cli(root, cli, "--no-cache")),
            // The discarded warm-up run fills the temp cache; the timed runs read it.
            new("CLI process, warm result cache", "verifygate check samples/ModelRepo --cache-dir <temp>", NoOpRepeats, () => { },
                () => Cli(root, cli, "--cache-dir", cacheDir)),
            new("build gate, full (stamp deleted)", "dotnet build -t:VerifyGateCheck -p:VerifyGateUseCache=false", SolveRepeats,
                () => DeleteDirectory(gateState), () => (Dotnet(root, gate), null)),
            new("build gate, unchanged (target skipped)", "the same again", NoOpRepeats, () => { }, () => (Dotnet(root, gate), null)),
            new("no-op build, no gate (reference)", "dotnet build --no-restore", NoOpRepeats, () => { }, () => (Dotnet(root, build), null)),
            new("no-op build with VerifyGateRunOnBuild=true", "dotnet build --no-restore -p:VerifyGateRunOnBuild=true", NoOpRepeats, () => { },
                () => (Dotnet(root, [.. build, "-p:VerifyGateRunOnBuild=true", "-p:VerifyGateUseCache=false"]), null)),
        };
        try
        {
            // Rounds over all cases rather than one case at a time: the cores are shared, and a change of
            // load during the run then spreads over every row instead of skewing one.
            progress.WriteLine("  warm-up round (discarded)");
            foreach (var c in cases) { c.Before(); c.Run(); }
            for (int round = 0; round < cases.Max(c => c.Repeats); round++)
                foreach (var c in cases.Where(c => c.Seconds.Count < c.Repeats))
                {
                    c.Before();
                    var (wall, reported) = c.Run();
                    c.Seconds.Add(wall);
                    if (reported is double r) c.Reported.Add(r);
                    progress.WriteLine($"  round {round + 1}, {c.Label}: {Timing.Format(wall)}");
                }
        }
        finally
        {
            DeleteDirectory(cacheDir);
        }
        return Markdown(cases, properties, files, loadAtStart);
    }

    private static string Markdown(IReadOnlyList<Case> s, int properties, int files, string loadAtStart)
    {
        double baseline = s[0].Median;
        var sb = new StringBuilder();
        sb.AppendLine($"samples/ModelRepo, {properties} properties in {files} property files. Median and minimum of {SolveRepeats} runs " +
                      $"(solving rows) or {NoOpRepeats} runs (cached and no-op rows), each after one discarded warm-up run.");
        sb.AppendLine();
        sb.AppendLine("| run | command | median | min | × baseline |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var x in s)
            sb.AppendLine($"| {x.Label} | `{x.Command}` | {Timing.Format(x.Median)} | {Timing.Format(x.Min)} | {Ratio(x.Median / baseline)} |");
        sb.AppendLine();

        var (inProcess, cli, warm, gate, gateNoOp, plain, runOnBuild) = (s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
        string cliSplit = cli.Reported.Count == cli.Seconds.Count && cli.Reported.Count > 0
            ? $", of which it reports {Timing.Format(MedianOf(cli.Reported))} as its own checking time " +
              $"({Signed(MedianOf(cli.Reported) - inProcess.Median)} against the baseline, whose process has its code JIT-compiled and its native libraries loaded) " +
              $"and {Timing.Format(MedianOf(cli.Seconds.Zip(cli.Reported, (w, r) => w - r)))} goes to process start, argument parsing and discovery"
            : "";
        sb.AppendLine($"Solving the {properties} properties in a warm process takes {Timing.Format(inProcess.Median)}; " +
                      $"the CLI as a process takes {Timing.Format(cli.Median)}{cliSplit}. " +
                      $"The full gate takes {Timing.Format(gate.Median)}, {Difference(gate, cli)} over the CLI for MSBuild's start, evaluation and the task, " +
                      $"so everything but solving in process makes {Percent((gate.Median - inProcess.Median) / gate.Median)} of a full gate run.");
        sb.AppendLine($"With a warm result cache the CLI takes {Timing.Format(warm.Median)}, {Percent(warm.Median / cli.Median)} of the uncached run " +
                      $"and {Ratio(warm.Median / baseline)} the in-process solving time: what remains is mostly process start-up.");
        sb.AppendLine($"When nothing changed MSBuild skips the target: `-t:VerifyGateCheck` alone takes {Timing.Format(gateNoOp.Median)} " +
                      $"against {Timing.Format(plain.Median)} for a no-op build without the gate, and a no-op build with VerifyGateRunOnBuild=true takes " +
                      $"{Timing.Format(runOnBuild.Median)}, {Difference(runOnBuild, plain)} per build.");
        sb.AppendLine();
        sb.AppendLine($"The 2 cores are shared: 1-minute load average {loadAtStart} at the start, {LoadAverage()} at the end.");
        return sb.ToString();
    }

    private static double Dotnet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Time("dotnet", arguments, workingDirectory, BuildEnvironment).Seconds;

    /// <summary>The CLI's wall time and the checking time it reports on its last line ("... in 3.80 s").</summary>
    private static (double, double?) Cli(string root, string cli, params string[] options)
    {
        var (seconds, output) = ProcessRunner.Time("dotnet", ["exec", cli, "check", "samples/ModelRepo", .. options, "--no-step-summary"], root, BuildEnvironment);
        var match = Regex.Match(output, @" in (\d+(?:\.\d+)?) s\s*$");
        return (seconds, match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null);
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static int ExpectAllPassed(IReadOnlyList<CheckResult> results)
    {
        var notPassed = results.Where(r => r.Outcome != Outcome.Passed).ToList();
        if (results.Count == 0 || notPassed.Count > 0)
            throw new InvalidOperationException($"expected every property of samples/ModelRepo to pass; {notPassed.Count} of {results.Count} did not");
        return results.Count;
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    /// <summary>The difference of the medians, flagged when the runs of either case spread wider than it.</summary>
    private static string Difference(Case a, Case b)
    {
        double difference = a.Median - b.Median;
        double spread = Math.Max(a.Max - a.Min, b.Max - b.Min);
        return Math.Abs(difference) <= spread
            ? $"{Signed(difference)}, within the run-to-run spread of {Timing.Format(spread)} (load from other processes)"
            : Signed(difference);
    }

    private static string Ratio(double r) => r.ToString("0.00", CultureInfo.InvariantCulture) + "×";
    private static string Percent(double f) => (100 * f).ToString("0", CultureInfo.InvariantCulture) + " %";
    private static string Signed(double seconds) => (seconds < 0 ? "−" : "+") + Timing.Format(Math.Abs(seconds));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
