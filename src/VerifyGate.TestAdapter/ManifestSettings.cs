using VerifyGate.Core.Checking;
using VerifyGate.Core.Specs;

namespace VerifyGate.TestAdapter;

/// <summary>The test project's VerifyGate MSBuild properties (VerifyGateTimeLimitSeconds, VerifyGateUseCache,
/// VerifyGateCacheDir, VerifyGateExact, VerifyGateSolver, VerifyGateShard) as the build wrote them into the manifest: the
/// defaults of a run, which run settings override (see <see cref="OptionPrecedence"/>). Null: not set.</summary>
public sealed record ManifestSettings
{
    public double? TimeLimitSeconds { get; init; }
    public bool? UseCache { get; init; }
    /// <summary>A full path (the build resolves a relative VerifyGateCacheDir against the project folder).</summary>
    public string? CacheDirectory { get; init; }
    public bool? Exact { get; init; }
    public SolverChoice? Solver { get; init; }
    /// <summary>VerifyGateShard: run only this part of the properties.</summary>
    public Shard? Shard { get; init; }
    /// <summary>VerifyGateHtmlReport as a full path (the build resolves it against the project folder).</summary>
    public string? HtmlReport { get; init; }

    public static ManifestSettings None { get; } = new();
}
