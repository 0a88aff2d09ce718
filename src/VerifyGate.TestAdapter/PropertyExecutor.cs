using System.Diagnostics;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using VerifyGate.Core.Checking;

namespace VerifyGate.TestAdapter;

/// <summary>Checks properties as tests. Properties run in parallel (RunConfiguration.MaxCpuCount, one at a
/// time with DisableParallelization); <see cref="Cancel"/> stops the running solves (their results say
/// "cancelled") and starts no more. A RunConfiguration.TestSessionTimeout does the same shortly before it
/// runs out (<see cref="SessionDeadline"/>) and fails the run with an error message.</summary>
[ExtensionUri(TestCases.ExecutorUriText)]
public sealed class PropertyExecutor : ITestExecutor
{
    private readonly CancellationTokenSource _cancellation = new();
    private volatile bool _cancelled;
    private int _notStarted;

    /// <summary>The GitHub Actions job summary to append the run's results to (default: <c>$GITHUB_STEP_SUMMARY</c>).</summary>
    internal Func<string?> StepSummaryFile { get; init; } = StepSummary.PathFromEnvironment;

    public void RunTests(IEnumerable<string>? sources, IRunContext? runContext, IFrameworkHandle? frameworkHandle)
    {
        if (sources is null || frameworkHandle is null) return;
        if (CaseFilter.FromOrReport(runContext, frameworkHandle) is not { } filter) return;
        Run(Sources.Discover(sources).Where(t => filter.Matches(t.Test)).ToList(), runContext, frameworkHandle);
    }

    /// <summary>Runs tests the host chose (Test Explorer); each is found again in its file by its name.</summary>
    public void RunTests(IEnumerable<TestCase>? tests, IRunContext? runContext, IFrameworkHandle? frameworkHandle)
    {
        if (tests is null || frameworkHandle is null) return;
        var chosen = tests.ToList();
        var current = Sources.Discover(chosen.Select(t => t.Source)).ToDictionary(t => (t.Test.Source, t.Test.FullyQualifiedName));
        var work = new List<PropertyTest>();
        foreach (var test in chosen)
        {
            if (current.TryGetValue((test.Source, test.FullyQualifiedName), out var found)) work.Add(found with { Test = test });
            else frameworkHandle.RecordResult(new TestResult(test)
            {
                Outcome = TestOutcome.NotFound,
                ErrorMessage = $"the property {test.FullyQualifiedName} is no longer in its property file (discover the tests again)",
            });
        }
        Run(work, runContext, frameworkHandle);
    }

    public void Cancel()
    {
        _cancelled = true;
        _cancellation.Cancel();
    }

    private void Run(IReadOnlyList<PropertyTest> chosen, IRunContext? runContext, IFrameworkHandle handle)
    {
        if (chosen.Count == 0) return;
        var warnings = new List<string>();
        var settings = AdapterSettings.Parse(runContext?.RunSettings?.SettingsXml, warnings);
        var work = chosen.Where(t => ShardSelection.Includes(t, settings)).ToList();
        if (settings.Cores is int cores && cores != Core.Solving.CoreBudget.Shared.Size) Core.Solving.CoreBudget.Configure(cores);
        foreach (string warning in warnings) handle.SendMessage(TestMessageLevel.Warning, $"VerifyGate: {warning}");
        // Each test assembly has its own manifest, so its own project settings under the run settings.
        var options = new Dictionary<string, CheckOptions>(StringComparer.Ordinal);
        foreach (var source in work.GroupBy(t => t.Test.Source, StringComparer.Ordinal))
        {
            var manifest = source.First().Manifest;
            foreach (string warning in manifest.Warnings)
                handle.SendMessage(TestMessageLevel.Warning, $"VerifyGate: {Path.GetFileName(Manifest.PathFor(source.Key))}: {warning}");
            options[source.Key] = OptionPrecedence.Resolve(settings, manifest.Settings);
        }
        var checker = new Checker();
        var checkedResults = new List<CheckResult>();
        using (var deadline = new SessionDeadline(settings.TestSessionTimeoutMilliseconds, Cancel))
        using (var models = new ModelStore())
        {
            Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism },
                test => RunOne(test, checker, options[test.Test.Source], models, handle, checkedResults));
            if (deadline.Reached)
                handle.SendMessage(TestMessageLevel.Error, $"VerifyGate: the test session timeout of {deadline.Timeout!.Value.TotalSeconds:0.###} s " +
                    $"(RunConfiguration.TestSessionTimeout) was running out: the running properties were cancelled, {_notStarted} not started");
        }
        var shards = chosen.Select(t => settings.Shard ?? t.Manifest.Settings.Shard).Distinct().ToList();
        AppendStepSummary(checkedResults, shards.Count == 1 ? shards[0] : null, handle);
        // Written even when a shard holds none of the properties: a CI job's artifact then says so instead of missing.
        WriteHtmlReport(checkedResults, chosen, settings, shards.Count == 1 ? shards[0] : null, handle);
    }

    /// <summary>The run setting's report (a relative path is taken from the first repository root), else the project's.</summary>
    private static void WriteHtmlReport(List<CheckResult> results, IReadOnlyList<PropertyTest> work, AdapterSettings settings,
        Core.Checking.Shard? shard, IFrameworkHandle handle)
    {
        string? path = settings.HtmlReport is { } asked ? Path.GetFullPath(Path.Combine(work[0].Root, asked))
            : work.Select(t => t.Manifest.Settings.HtmlReport).FirstOrDefault(p => p is not null);
        if (path is null) return;
        var ordered = results.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ToList();
        try
        {
            Core.Reporting.HtmlReport.Write(path, ordered, file => file, shard is null ? "VerifyGate report" : $"VerifyGate report (shard {shard})");
            handle.SendMessage(TestMessageLevel.Informational, $"VerifyGate: HTML report: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            handle.SendMessage(TestMessageLevel.Warning, $"VerifyGate: cannot write the HTML report {path}: {e.Message}");
        }
    }

    /// <summary>One section for the whole run, rows in file and line order; files relative to their repository root.</summary>
    private void AppendStepSummary(List<CheckResult> results, Core.Checking.Shard? shard, IFrameworkHandle handle)
    {
        if (results.Count == 0 || StepSummaryFile() is not { } path) return;
        var ordered = results.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Column).ToList();
        try
        {
            StepSummary.Append(path, ordered, file => file, shard);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            handle.SendMessage(TestMessageLevel.Warning, $"VerifyGate: cannot append the job summary to {path}: {e.Message}");
        }
    }

    private void RunOne(PropertyTest item, Checker checker, CheckOptions options, ModelStore models, IFrameworkHandle handle,
        List<CheckResult> checkedResults)
    {
        if (_cancelled)
        {
            Interlocked.Increment(ref _notStarted);
            return;
        }
        var (test, property, manifest) = item;
        string root = manifest.Root;
        if (!Report(() => handle.RecordStart(test))) return;
        RunningBreadcrumbs.Started(property);
        var clock = Stopwatch.StartNew();
        TestResult result;
        try
        {
            // The shard was applied to the tests; the checker's own shard keys would be relative to the working directory.
            var results = checker.CheckFile(property.SpecPath, options with { Property = property.Property, Shard = null }, models, null, _cancellation.Token);
            var found = results.Where(r => r.Property == property.Property).ElementAtOrDefault(property.Ordinal);
            if (found is not null)
                lock (checkedResults) checkedResults.Add(found with { File = Path.GetRelativePath(root, found.File).Replace('\\', '/') });
            result = found is not null
                ? ResultRenderer.Render(test, property, found, root, clock.Elapsed)
                : Failure(test, $"the property file {property.RelativeSpec} changed since the tests were discovered: " +
                                $"it has no property '{property.Property}' now (discover the tests again)", clock.Elapsed);
        }
        catch (OperationCanceledException) when (_cancelled)
        {
            result = new TestResult(test) { Outcome = TestOutcome.Skipped, ErrorMessage = "the run was cancelled", Duration = clock.Elapsed };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = Failure(test, $"VerifyGate failed on property '{property.Property}': {e.GetType().Name}: {e.Message}", clock.Elapsed);
        }
        Report(() =>
        {
            handle.RecordResult(result);
            handle.RecordEnd(test, result.Outcome);
        });
        RunningBreadcrumbs.Finished(property, result.Outcome.ToString().ToLowerInvariant());
    }

    /// <summary>Microsoft.Testing.Platform's bridge throws once its run is cancelled (Ctrl-C, <c>--timeout</c>) instead of
    /// taking more results; VSTest's handle keeps taking them. False when the host refused.</summary>
    private bool Report(Action record)
    {
        try
        {
            record();
            return true;
        }
        catch (OperationCanceledException) when (_cancelled)
        {
            return false;
        }
    }

    private static TestResult Failure(TestCase test, string message, TimeSpan duration) =>
        new(test) { Outcome = TestOutcome.Failed, ErrorMessage = message, Duration = duration };
}
