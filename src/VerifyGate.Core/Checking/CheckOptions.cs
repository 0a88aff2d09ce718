using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking;

/// <summary>How a check run differs from what the property files say.</summary>
public sealed record CheckOptions
{
    /// <summary>The time limit of a property that sets none (in the property or the file's defaults) and gets no --time-limit.</summary>
    public const double DefaultTimeLimitSeconds = 60;

    /// <summary>Check only the property of this name (in every file given).</summary>
    public string? Property { get; init; }
    /// <summary>The time limit of properties that set no <c>timeLimitSeconds</c> (a property's own limit wins).</summary>
    public double? TimeLimitSeconds { get; init; }
    /// <summary>Overrides every property's <c>solver</c>.</summary>
    public SolverChoice? Solver { get; init; }
    /// <summary>Compute each quantity to its exact value (relative gap 1e-6) even when the threshold is decided earlier.</summary>
    public bool Exact { get; init; }
    /// <summary>Read and write the result cache.</summary>
    public bool UseCache { get; init; } = true;
    /// <summary>The cache folder; null: VERIFYGATE_CACHE_DIR, else .verifygate/cache beside the repository's .git.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Check only the properties of this part (<see cref="Checking.Shard"/>), keyed by the property file's path
    /// relative to the current directory (the gate runs the CLI in the repository root); null: all.</summary>
    public Shard? Shard { get; init; }

    public static CheckOptions Default { get; } = new();
}
