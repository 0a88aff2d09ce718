using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Search;

/// <summary>The search's certified interval: <see cref="Upper"/> the largest upper bound over the open and the
/// finished nodes (each capped by its ancestors'), <see cref="Lower"/> the best witness found in any node.</summary>
public sealed record SearchResult(
    double? Lower,
    double Upper,
    Witness? Witness,
    bool GoalReached,
    bool TimedOut,
    bool Cancelled,
    int NodesBounded,
    int NodesOpen,
    TimeSpan Elapsed,
    IReadOnlyList<string> Notes);

/// <summary>The search's anytime state, for progress displays.</summary>
public readonly record struct SearchProgress(TimeSpan Elapsed, double? Lower, double Upper, int OpenNodes);
