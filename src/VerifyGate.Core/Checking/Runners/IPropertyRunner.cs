using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Checking.Runners;

/// <summary>Computes certified bounds on one kind's quantity. The checker does everything else
/// (loading, validation, caching, judging the threshold), so a new kind only adds a runner.</summary>
public interface IPropertyRunner
{
    PropertyKind Kind { get; }

    /// <summary>The quantity's name in messages, e.g. "L_inf,inf".</summary>
    string QuantityName(ResolvedProperty property);

    /// <summary>Certified bounds; throws (any exception) when the solve fails, which becomes an error result.</summary>
    BoundsRun Run(PropertyRunContext context);
}

/// <summary>What a runner gets: the property sized to its model, the model, the ONNX Runtime oracle
/// every witness must satisfy, and the run's limits.</summary>
public sealed record PropertyRunContext
{
    public required ResolvedProperty Property { get; init; }
    public required LoadedModel Model { get; init; }
    public required IModelOracle Oracle { get; init; }
    public required IMipSolver Solver { get; init; }
    public required double TimeLimitSeconds { get; init; }
    public required bool Exact { get; init; }
    /// <summary>Loads further models (the reference of a matching property), once per check run.</summary>
    public required ModelStore Models { get; init; }
    public IProgress<BoundsProgress>? Progress { get; init; }
    public CancellationToken Cancellation { get; init; }
}

/// <summary>A runner's answer: certified bounds of the quantity, with the witness behind the bound that
/// can show a violation (the lower one for atMost kinds, the upper one for atLeast kinds).</summary>
public sealed record BoundsRun
{
    public double? Lower { get; init; }
    public double? Upper { get; init; }
    public Witness? Witness { get; init; }
    /// <summary>The time limit (or a cancellation) stopped the run before it finished.</summary>
    public bool TimedOut { get; init; }
    /// <summary>The engine's resolution for this property: an atMost threshold below it is judged against it.</summary>
    public double? Resolution { get; init; }
    /// <summary>The run's cancellation token fired (Ctrl-C, SIGTERM, a test-run cancel): the bounds are those
    /// reached by then, the result is never cached.</summary>
    public bool Cancelled { get; init; }
    /// <summary>The quantity is a margin whose condition breaks at 0 itself (a label must be the strict maximum):
    /// atLeast 0 then passes only above 0, and a witness at 0 violates it.</summary>
    public bool StrictAtZero { get; init; }
    public required string Solver { get; init; }
    public double Seconds { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>The bounds over the run, as the engine reported them (empty when it reported none).</summary>
    public IReadOnlyList<BoundSample> Trace { get; init; } = [];

    /// <summary>An engine's certified bounds as a runner's answer; <paramref name="leadingNotes"/> come first.</summary>
    public static BoundsRun From(CertifiedBounds bounds, params IReadOnlyList<string> leadingNotes) => new()
    {
        Lower = bounds.Lower,
        Upper = bounds.Upper,
        Witness = bounds.Witness,
        TimedOut = bounds.TimedOut,
        Resolution = bounds.Resolution,
        Cancelled = bounds.Cancelled,
        Solver = bounds.Solver,
        Seconds = bounds.Elapsed.TotalSeconds,
        Notes = [.. leadingNotes, .. bounds.Notes],
    };
}
