using System.CommandLine;
using System.Diagnostics;
using System.Text;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;

namespace VerifyGate.Cli;

/// <summary>What <c>verifygate check</c> was asked to do.</summary>
public sealed record CheckArguments
{
    public required IReadOnlyList<string> Paths { get; init; }
    public string? Property { get; init; }
    public double? TimeLimitSeconds { get; init; }
    public SolverChoice? Solver { get; init; }
    public bool Json { get; init; }
    public bool Exact { get; init; }
    public bool NoCache { get; init; }
    public string? CacheDirectory { get; init; }
    /// <summary>Print full paths in the human output.</summary>
    public bool AbsolutePaths { get; init; }
    /// <summary>Where to write the list of files the check read (property files and models), one full path a line.</summary>
    public string? InputsFile { get; init; }
    /// <summary>The GitHub Actions job summary to append to; null for none.</summary>
    public string? StepSummaryFile { get; init; }
    /// <summary>Solves at once in this process (--cores); null: VERIFYGATE_CORES, else the processor count.</summary>
    public int? Cores { get; init; }
    /// <summary>Check only this part of the properties (--shard i/n, keyed by the file's path relative to the current directory).</summary>
    public Shard? Shard { get; init; }
    /// <summary>Where to write the HTML report (--html); null for none.</summary>
    public string? HtmlReport { get; init; }
}

/// <summary><c>verifygate check &lt;paths...&gt; [--property NAME] [--time-limit SECONDS] [--solver scip|highs|gurobi]
/// [--json] [--exact] [--no-cache] [--cache-dir DIR] [--absolute-paths] [--inputs-file FILE] [--no-step-summary] [--cores N] [--shard i/n] [--html FILE]</c>
/// (spec-format.md, "The CLI").</summary>
public static class CheckCommand
{
    /// <param name="stepSummaryFile">The job summary file unless --no-step-summary is given
    /// (default: <c>$GITHUB_STEP_SUMMARY</c>); tests pass their own.</param>
    public static Command Create(Func<string?>? stepSummaryFile = null)
    {
        stepSummaryFile ??= StepSummary.PathFromEnvironment;
        var paths = new Argument<string[]>("paths") { Description = "Property files (*.verify.json), or folders searched recursively for them.", Arity = ArgumentArity.OneOrMore };
        paths.Validators.Add(result =>
        {
            // The parser takes an unknown "--option" as a path; refuse it unless such a file exists.
            foreach (string path in result.GetValueOrDefault<string[]>() ?? [])
                if (path.StartsWith('-') && !File.Exists(path) && !Directory.Exists(path))
                    result.AddError($"unknown option '{path}'");
        });
        var property = new Option<string?>("--property") { Description = "Check only the property of this name." };
        var timeLimit = new Option<double?>("--time-limit") { Description = $"Time limit in seconds of each property that sets no timeLimitSeconds (default {CheckOptions.DefaultTimeLimitSeconds})." };
        timeLimit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double t && !(t > 0 && double.IsFinite(t)))
                result.AddError($"--time-limit must be a positive number of seconds, not {t}");
        });
        var solver = new Option<string?>("--solver") { Description = "The MIP solver for every property (overrides the files)." };
        solver.AcceptOnlyFromAmong("scip", "highs", "gurobi");
        var json = new Option<bool>("--json") { Description = "Write one JSON document with every result on stdout." };
        var exact = new Option<bool>("--exact") { Description = "Compute each quantity exactly (relative gap 1e-6), even when the threshold is decided earlier." };
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the result cache." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"The result cache folder (default: ${Core.Checking.Cache.ResultCache.DirectoryVariable}, else .verifygate/cache in the repository root)." };

        var absolutePaths = new Option<bool>("--absolute-paths") { Description = "Print full paths instead of paths relative to the current directory (human output)." };
        var inputsFile = new Option<string?>("--inputs-file") { Description = "Write the full paths of the property files checked and of the models they refer to, one a line, to this file." };
        var noStepSummary = new Option<bool>("--no-step-summary") { Description = $"Do not append a Markdown summary to ${StepSummary.Variable} (GitHub Actions)." };

        var cores = new Option<int?>("--cores") { Description = $"Solves running at once, shared by all properties (default: ${CoreBudget.EnvironmentVariable}, else the processor count)." };
        cores.Validators.Add(result =>
        {
            // From the token: GetValueOrDefault throws on text that is no number at all.
            if (result.Tokens is [var token] && CoreBudget.Parse(token.Value) is null)
                result.AddError($"--cores must be a positive whole number, not {token.Value}");
        });

        var shard = new Option<string?>("--shard") { Description = "Check only part i of n of the properties (i/n, 1 <= i <= n): n jobs with --shard 1/n ... n/n check every property once." };
        shard.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && Shard.Parse(token.Value) is null)
                result.AddError($"--shard must be {Shard.Expected}, not {token.Value}");
        });

        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report of the results (pictures of the bounds) to this file." };

        var command = new Command("check", "Check the properties of property files and report each outcome.")
        {
            paths, property, timeLimit, solver, json, exact, noCache, cacheDir, absolutePaths, inputsFile, noStepSummary, cores, shard, html,
        };
        command.SetAction(parse =>
        {
            var arguments = new CheckArguments
            {
                Paths = parse.GetValue(paths) ?? [],
                Property = parse.GetValue(property),
                TimeLimitSeconds = parse.GetValue(timeLimit),
                Solver = parse.GetValue(solver) switch { "scip" => SolverChoice.Scip, "highs" => SolverChoice.Highs, "gurobi" => SolverChoice.Gurobi, _ => null },
                Json = parse.GetValue(json),
                Exact = parse.GetValue(exact),
                NoCache = parse.GetValue(noCache),
                CacheDirectory = parse.GetValue(cacheDir),
                AbsolutePaths = parse.GetValue(absolutePaths),
                InputsFile = parse.GetValue(inputsFile),
                StepSummaryFile = parse.GetValue(noStepSummary) ? null : stepSummaryFile(),
                Cores = parse.GetValue(cores),
                Shard = Shard.Parse(parse.GetValue(shard)),
                HtmlReport = parse.GetValue(html),
            };
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!ReferenceEquals(error, Console.Error)) return Run(arguments, output, error);
            // The real process: progress on stderr, and Ctrl-C / SIGTERM cancel the run.
            using var signals = new TerminationSignals();
            using var live = Console.IsErrorRedirected ? null : new ProgressLine(error);
            return Run(arguments, output, error, live ?? (IProgress<CheckProgress>)new StartLines(error), signals.Token);
        });
        return command;
    }

    /// <param name="progress">Where the running property is shown (a <see cref="ProgressLine"/> on a terminal,
    /// <see cref="StartLines"/> otherwise); null for nothing.</param>
    /// <param name="cancellation">Stops the running solves; the results so far are printed and the exit code is
    /// <see cref="ExitCodes.Cancelled"/>.</param>
    public static int Run(CheckArguments arguments, TextWriter output, TextWriter error,
        IProgress<CheckProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        if (arguments.Cores is int cores && cores != CoreBudget.Shared.Size) CoreBudget.Configure(cores);
        var files = SpecDiscovery.Find(arguments.Paths);
        if (arguments.InputsFile is { } inputs && !WriteInputs(inputs, files, error)) return ExitCodes.UsageOrError;
        if (files.Count == 0)
        {
            error.WriteLine($"verifygate: no property files ({SpecDiscovery.Pattern}) found in {string.Join(", ", arguments.Paths)}");
            return ExitCodes.UsageOrError;
        }
        var options = new CheckOptions
        {
            Property = arguments.Property,
            TimeLimitSeconds = arguments.TimeLimitSeconds,
            Solver = arguments.Solver,
            Exact = arguments.Exact,
            UseCache = !arguments.NoCache,
            CacheDirectory = arguments.CacheDirectory,
            Shard = arguments.Shard,
        };
        var checker = new Checker();
        var results = new List<CheckResult>();
        // Each line as its property finishes (the progress line has erased itself by then), so that a
        // process killed later leaves the finished results on screen.
        void Print(CheckResult result)
        {
            if (!arguments.Json) output.WriteLine(HumanReport.Line(result, arguments.AbsolutePaths));
        }
        using (var models = new ModelStore())
        {
            foreach (string file in files)
            {
                if (cancellation.IsCancellationRequested) break;
                results.AddRange(checker.CheckFile(file, options, models, progress, cancellation, Print));
            }
        }
        bool cancelled = cancellation.IsCancellationRequested;
        if (arguments.Property is { } name && results.Count == 0 && !cancelled && arguments.Shard is null)
        {
            error.WriteLine($"verifygate: no property named \"{name}\" in {string.Join(", ", arguments.Paths)}");
            return ExitCodes.UsageOrError;
        }

        if (arguments.Json) output.WriteLine(ResultJson.Serialize(results));
        else HumanReport.WriteTail(results, clock.Elapsed, output, arguments.AbsolutePaths);
        if (arguments.StepSummaryFile is { } summary) AppendStepSummary(summary, results, arguments.Shard, error);
        if (arguments.HtmlReport is { } report && !WriteHtmlReport(report, results, arguments, error)) return ExitCodes.UsageOrError;
        if (!cancelled) return ExitCodeOf(results);
        output.Flush();
        error.WriteLine("verifygate: cancelled: results are those reached when the run was stopped; properties not yet started were not checked");
        return ExitCodes.Cancelled;
    }

    /// <summary>The inputs file does not depend on the outcome, so it is written before checking (a build
    /// tool reads it whatever the exit code). False, with a message, when it cannot be written.</summary>
    private static bool WriteInputs(string path, IReadOnlyList<string> files, TextWriter error)
    {
        try
        {
            string full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var lines = SpecInputs.Of(files);
            File.WriteAllText(full, string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"verifygate: cannot write the inputs file {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>A report asked for and not written is an error (exit code 2): a CI job would upload nothing.</summary>
    private static bool WriteHtmlReport(string path, IReadOnlyList<CheckResult> results, CheckArguments arguments, TextWriter error)
    {
        try
        {
            string title = arguments.Shard is { } part ? $"VerifyGate report (shard {part})" : "VerifyGate report";
            Core.Reporting.HtmlReport.Write(path, results, DisplayPath.Of, title);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"verifygate: cannot write the HTML report {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>A job summary that cannot be written is worth a warning, not a different exit code.</summary>
    private static void AppendStepSummary(string path, IReadOnlyList<CheckResult> results, Shard? shard, TextWriter error)
    {
        try
        {
            StepSummary.Append(path, results, DisplayPath.Of, shard);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"verifygate: warning: cannot append the job summary to {path}: {e.Message}");
        }
    }

    /// <summary>2 when any property is in error, else 1 when any failed, else 0 (inconclusive with warn passes).</summary>
    public static int ExitCodeOf(IReadOnlyList<CheckResult> results) =>
        results.Any(r => r.Outcome == Outcome.Error) ? ExitCodes.UsageOrError
        : results.Any(r => r.Outcome == Outcome.Failed) ? ExitCodes.SomeFailed
        : ExitCodes.AllPassed;
}
