namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>A conjunction of constraints held as a tree of concatenations: joining two is O(1) and shares both, so
/// the disjunctive normal form of a long conjunction (784 bounds and one <c>or</c> of 9 alternatives) costs
/// linear time and memory rather than one copy of the bounds per step.</summary>
internal sealed class Conjunction
{
    public static readonly Conjunction Empty = new(null, null, null, 0);

    private readonly Constraint? _leaf;
    private readonly Conjunction? _left, _right;

    private Conjunction(Constraint? leaf, Conjunction? left, Conjunction? right, long count)
    {
        _leaf = leaf;
        _left = left;
        _right = right;
        Count = count;
    }

    public long Count { get; }

    public static Conjunction Of(Constraint constraint) => new(constraint, null, null, 1);

    public static Conjunction Join(Conjunction a, Conjunction b) =>
        a.Count == 0 ? b : b.Count == 0 ? a : new(null, a, b, a.Count + b.Count);

    /// <summary>The constraints in source order; iterative, since a conjunction of many asserts is a deep tree.</summary>
    public IEnumerable<Constraint> InOrder()
    {
        var pending = new Stack<Conjunction>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node._leaf is not null) yield return node._leaf;
            if (node._right is not null) pending.Push(node._right);
            if (node._left is not null) pending.Push(node._left);
        }
    }
}
