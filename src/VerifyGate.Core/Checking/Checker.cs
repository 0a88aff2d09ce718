using VerifyGate.Core.Problems;
using VerifyGate.Core.Checking.Cache;
using VerifyGate.Core.Checking.Runners;
using VerifyGate.Core.Numerics;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking;

/// <summary>Checks property files: loads each file, imports its model once, validates every property
/// against the model, runs the kind's <see cref="IPropertyRunner"/> (or takes the result from the cache)
/// and judges the outcome. A mistake in one file or property becomes an <see cref="Outcome.Error"/>
/// result and never stops the others. Results come in file order, then property order.
/// Properties run one after another; the engines parallelise each solve internally.</summary>
public sealed class Checker
{
    private readonly IReadOnlyDictionary<PropertyKind, IPropertyRunner> _runners;

    /// <summary>A checker with the runners of every kind implemented so far.</summary>
    public Checker() : this(DefaultRunners) { }

    public Checker(IEnumerable<IPropertyRunner> runners) => _runners = runners.ToDictionary(r => r.Kind);

    public static IReadOnlyList<IPropertyRunner> DefaultRunners { get; } = [new LipschitzRunner(), .. TwoCopyRunner.All, new RobustnessRunner()];

    /// <param name="paths">Property files, or folders searched recursively for *.verify.json.</param>
    public IReadOnlyList<CheckResult> Check(IEnumerable<string> paths, CheckOptions options,
        IProgress<CheckProgress>? progress = null, CancellationToken cancellation = default)
    {
        using var models = new ModelStore();
        var results = new List<CheckResult>();
        foreach (string file in SpecDiscovery.Find(paths))
            results.AddRange(CheckFile(file, options, models, progress, cancellation));
        return results;
    }

    /// <summary>Every property of one file (or only <see cref="CheckOptions.Property"/>).</summary>
    public IReadOnlyList<CheckResult> CheckFile(string specPath, CheckOptions options,
        IProgress<CheckProgress>? progress = null, CancellationToken cancellation = default)
    {
        using var models = new ModelStore();
        return CheckFile(specPath, options, models, progress, cancellation);
    }

    /// <summary>The one property of the file with this name; an error result when the file has none of that name.</summary>
    public CheckResult CheckProperty(string specPath, string propertyName, CheckOptions options,
        IProgress<CheckProgress>? progress = null, CancellationToken cancellation = default)
    {
        var results = CheckFile(specPath, options with { Property = propertyName }, progress, cancellation);
        return results.FirstOrDefault(r => r.Property == propertyName) ?? results.FirstOrDefault(r => r.Property == CheckResult.FileLevel)
            ?? ErrorResults.For(specPath, propertyName, "", SourcePosition.FileStart,
                [Diagnostic.ForFile(specPath, SpecErrorCodes.InvalidValue, $"the file has no property named \"{propertyName}\"")]);
    }

    /// <summary><see cref="CheckFile(string, CheckOptions, IProgress{CheckProgress}?, CancellationToken)"/> sharing
    /// imported models with other files of the same run.</summary>
    public IReadOnlyList<CheckResult> CheckFile(string specPath, CheckOptions options, ModelStore models,
        IProgress<CheckProgress>? progress, CancellationToken cancellation) =>
        CheckFile(specPath, options, models, progress, cancellation, onResult: null);

    /// <summary>As above, handing each result to <paramref name="onResult"/> as soon as it is known (a host
    /// prints it at once, so a crash later in the file leaves it on screen). Once
    /// <paramref name="cancellation"/> fires, properties not yet started are left out of the results.</summary>
    public IReadOnlyList<CheckResult> CheckFile(string specPath, CheckOptions options, ModelStore models,
        IProgress<CheckProgress>? progress, CancellationToken cancellation, Action<CheckResult>? onResult)
    {
        var results = new List<CheckResult>();
        void Add(CheckResult result)
        {
            results.Add(result);
            onResult?.Invoke(result);
        }
        string? relativeSpec = options.Shard is null ? null : Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(specPath));
        bool InShard(string name) => options.Shard is null || options.Shard.Contains(relativeSpec!, name);
        bool Selected(string? name) => (options.Property is null || name == options.Property) && InShard(name ?? "");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(specPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var (_, unreadable) = SpecLoader.Load(specPath);
            if (InShard(CheckResult.FileLevel)) Add(ErrorResults.For(specPath, CheckResult.FileLevel, "", SourcePosition.FileStart, unreadable));
            return results;
        }
        var (file, diagnostics) = SpecLoader.Load(specPath, bytes);
        var entries = SpecOutline.Read(bytes);
        var loadErrors = ErrorResults.FromLoad(specPath, file, diagnostics, entries);
        if (loadErrors.FileResult is { } fileResult)
        {
            if (InShard(CheckResult.FileLevel)) Add(fileResult);
            return results;
        }
        if (file is null) return results;

        var loaded = file.Properties.ToDictionary(p => p.Position);
        var order = entries.Count > 0 ? entries.Select(e => e.Start).ToList() : file.Properties.Select(p => p.Position).ToList();
        var run = new Lazy<FileRun>(() => new FileRun(this, file, options, models, progress, cancellation));
        foreach (var start in order)
        {
            if (loadErrors.ByEntry.TryGetValue(start, out var error))
            {
                if (Selected(error.Property)) Add(error);
            }
            else if (loaded.TryGetValue(start, out var spec) && Selected(spec.Name) && !cancellation.IsCancellationRequested)
                Add(run.Value.Check(spec));
        }
        return results;
    }

    /// <summary>One property file's run: its model (imported on the first property that needs it) and cache.</summary>
    private sealed class FileRun(Checker checker, SpecFile file, CheckOptions options, ModelStore models,
        IProgress<CheckProgress>? progress, CancellationToken cancellation)
    {
        private readonly ResultCache? _cache = options.UseCache ? new ResultCache(ResultCache.LocationFor(file.Path, options.CacheDirectory)) : null;

        public CheckResult Check(PropertySpec spec)
        {
            LoadedModel model;
            try
            {
                model = models.Get(file.ModelPath);
            }
            catch (VerifyGateException e)
            {
                return ErrorResults.For(spec, ModelDiagnostic(e.Diagnostic));
            }
            var network = model.Imported.Network;
            var (resolved, problems) = SpecValidator.Resolve(spec, network.InputSize, network.OutputSize);
            if (resolved is null)
                return ErrorResults.For(spec.File, spec.Name, spec.KindName, ErrorResults.NamePosition(spec), problems) with { Threshold = ErrorResults.ThresholdOf(spec) };

            if (!checker._runners.TryGetValue(spec.Kind, out var runner))
                return ErrorResults.For(spec, ErrorResults.At(spec, "kind", CheckCodes.KindNotImplemented, $"kind {spec.KindName} is not implemented yet"));

            var choice = options.Solver ?? spec.Solver;
            var (solver, unavailable) = SolverCatalog.Get(choice);
            if (solver is null)
                return ErrorResults.For(spec, ErrorResults.At(spec, options.Solver is null ? "solver" : "name", CheckCodes.SolverUnavailable, unavailable!))
                    with { Solver = SolverCatalog.Name(choice) };

            double timeLimit = spec.TimeLimitSeconds ?? options.TimeLimitSeconds ?? CheckOptions.DefaultTimeLimitSeconds;
            string quantity = runner.QuantityName(resolved);
            string? key = null;
            if (_cache is not null)
            {
                string? referenceHash = null;
                if (spec.ReferencePath is { } reference)
                {
                    try { referenceHash = models.Get(reference).Sha256; }
                    catch (VerifyGateException e) { return ErrorResults.For(spec, Relocate(spec, e.Diagnostic, "reference")); }
                }
                key = CacheKey.Compute(model.Sha256, resolved, referenceHash, options.Exact, timeLimit, solver.Version, SolverCatalog.Settings);
                if (_cache.TryGet(key) is { } hit)
                {
                    var cached = Build(spec, hit, quantity, timeLimit, cached: true);
                    if (cached.Outcome is Outcome.Passed or Outcome.Failed && cached.Diagnostic?.Code != CheckCodes.Inconclusive) return cached;
                }
            }

            BoundsRun bounds;
            var relay = new ProgressRelay(file.Path, spec.Name, progress);
            relay.Start();
            try
            {
                var context = new PropertyRunContext
                {
                    Property = resolved,
                    Model = model,
                    Oracle = model.Oracle,
                    Solver = BudgetedSolver.Over(solver, CoreBudget.Shared),
                    TimeLimitSeconds = timeLimit,
                    Exact = options.Exact,
                    Models = models,
                    Progress = relay,
                    Cancellation = cancellation,
                };
                bounds = runner.Run(context);
            }
            catch (VerifyGateException e)
            {
                relay.Finish();
                return ErrorResults.For(spec, ModelDiagnostic(e.Diagnostic)) with { Solver = solver.Version };
            }
            catch (MagnitudeLimitException e)
            {
                relay.Finish();
                return ErrorResults.For(spec, MagnitudeDiagnostic.For(spec, e)) with { Solver = solver.Version };
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                bounds = new BoundsRun { Solver = solver.Version, Cancelled = true };
            }
            catch (Exception e)
            {
                relay.Finish();
                return ErrorResults.For(spec, ErrorResults.At(spec, "kind", CheckCodes.SolverFailure,
                    $"the check failed: {Describe(e)}")) with { Solver = solver.Version, Notes = SolverMessagesOf(e) };
            }
            relay.Finish();
            // Also covers a runner that does not look at the token: whatever it returned, the run was cut short.
            if (cancellation.IsCancellationRequested) bounds = bounds with { Cancelled = true };
            bounds = bounds with { Trace = relay.Trace.Finish(new BoundSample(bounds.Seconds, bounds.Lower, bounds.Upper)) };
            var result = Build(spec, bounds, quantity, timeLimit, cached: false);
            bool decided = result.Outcome == Outcome.Passed || result.Diagnostic?.Code == CheckCodes.Violated;
            // A cancelled run is never cached, even when decided: with --exact its bounds are not final.
            if (key is not null && decided && !bounds.Cancelled) _cache!.Put(key, bounds);
            return result;
        }

        private static CheckResult Build(PropertySpec spec, BoundsRun bounds, string quantity, double timeLimit, bool cached)
        {
            var verdict = OutcomeJudge.Judge(bounds, spec, quantity, timeLimit);
            var at = ErrorResults.NamePosition(spec);
            return new CheckResult
            {
                File = spec.File,
                Line = at.Line,
                Column = at.Column,
                Property = spec.Name,
                Kind = spec.KindName,
                Outcome = verdict.Outcome,
                Lower = bounds.Lower,
                Upper = bounds.Upper,
                Threshold = ErrorResults.ThresholdOf(spec),
                Seconds = bounds.Seconds,
                Solver = bounds.Solver,
                Cached = cached,
                Witness = bounds.Witness is { } witness && (witness.IsPair || witness.IsPoint) ? witness : null,
                Message = verdict.Message,
                Diagnostic = verdict.Diagnostic,
                Diagnostics = verdict.Diagnostic is { } d ? [d] : [],
                Notes = bounds.Notes,
                Trace = bounds.Trace,
                Ball = spec.Center is { } center ? new InputBall([.. center], spec.InputNorm, spec.MaxRadius) : null,
            };
        }

        /// <summary>A model's own diagnostic names the model file; the user fixes it in the property file, at "model".</summary>
        private Diagnostic ModelDiagnostic(Diagnostic cause)
        {
            string name = Path.GetFileName(file.ModelPath);
            return new Diagnostic(file.Path, file.ModelPosition.Line, file.ModelPosition.Column, cause.Code, $"model '{name}': {cause.Message}");
        }

        private static Diagnostic Relocate(PropertySpec spec, Diagnostic cause, string field)
        {
            var at = spec.Positions.Of(field);
            return new Diagnostic(spec.File, at.Line, at.Column, cause.Code, $"{field} model '{Path.GetFileName(cause.File)}': {cause.Message}");
        }
    }

    /// <summary>The causes of a failure in one line (the engine's parallel loop wraps them in an AggregateException).</summary>
    private static string Describe(Exception e) => e switch
    {
        AggregateException a => string.Join("; ", a.Flatten().InnerExceptions.Select(Describe).Distinct()),
        SolverFailureException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    /// <summary>What the solver printed before it failed (the engine's parallel loop may wrap several failures).</summary>
    private static IReadOnlyList<string> SolverMessagesOf(Exception e) => e switch
    {
        AggregateException a => a.Flatten().InnerExceptions.SelectMany(SolverMessagesOf).Distinct().ToArray(),
        SolverFailureException f => f.SolverMessages,
        _ => [],
    };

    /// <summary>Records engine progress as the result's trace, and forwards it synchronously, tagged with the property,
    /// to the host's progress (Progress&lt;T&gt; would post it) when there is one.</summary>
    private sealed class ProgressRelay(string file, string property, IProgress<CheckProgress>? target) : IProgress<BoundsProgress>
    {
        private BoundsProgress _last;

        public BoundTrace Trace { get; } = new();

        public void Start() => target?.Report(new CheckProgress(file, property, TimeSpan.Zero, null, null));

        public void Report(BoundsProgress value)
        {
            _last = value;
            Trace.Add(new BoundSample(value.Elapsed.TotalSeconds, value.Lower, value.Upper));
            target?.Report(new CheckProgress(file, property, value.Elapsed, value.Lower, value.Upper, OpenNodes: value.OpenNodes));
        }

        public void Finish() => target?.Report(new CheckProgress(file, property, _last.Elapsed, _last.Lower, _last.Upper, Finished: true));
    }
}
