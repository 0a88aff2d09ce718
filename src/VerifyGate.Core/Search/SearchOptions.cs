using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Search;

/// <summary>How <see cref="BranchAndBound{TNode}"/> works its nodes.</summary>
public sealed record SearchOptions
{
    /// <summary>Nodes bounded at the same time.</summary>
    public int Workers { get; init; } = CoreBudget.Shared.Size;
    /// <summary>A node this deep is never split again: its bound is final.</summary>
    public int MaximumDepth { get; init; } = 60;
    /// <summary>Nodes shallower than this are split without being bounded (tests use it to force splitting).</summary>
    public int SplitWithoutBoundingBelowDepth { get; init; }
    /// <summary>Less time than this left ends the search.</summary>
    public double MinimumRemainingSeconds { get; init; } = 0.05;
    public int MaximumNotes { get; init; } = 20;
}
