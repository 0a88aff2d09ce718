using VerifyGate.Core.Checking;

namespace VerifyGate.Core.Search;

/// <summary>What a property kind supplies to <see cref="BranchAndBound{TNode}"/>: how to bound one node and
/// how to split it. The quantity is maximised; a node's bound covers every point of it.
/// Implementations are called from several workers at once.</summary>
public interface ISearchDomain<TNode>
{
    /// <summary>Certified bounds on the quantity over <paramref name="node"/>, computed within about
    /// <paramref name="remainingSeconds"/> of the search's time (the domain picks its own slice of it).</summary>
    NodeResult Bound(TNode node, int depth, double remainingSeconds, CancellationToken cancellation);

    /// <summary>Nodes that together cover <paramref name="node"/>; null when it cannot be split any more
    /// (its bound is then final).</summary>
    IReadOnlyList<TNode>? Split(TNode node, int depth);
}

/// <summary>A node's answer. <see cref="Upper"/> is a certified upper bound over the node (+∞ when nothing
/// is proven); <see cref="Lower"/> the value of <see cref="Witness"/>, a confirmed point (pair) in the node;
/// <see cref="Final"/> when the node needs no more work (its bound is exact, or as good as it gets).</summary>
public sealed record NodeResult(double Upper, double? Lower, Witness? Witness, bool Final, IReadOnlyList<string> Notes);
