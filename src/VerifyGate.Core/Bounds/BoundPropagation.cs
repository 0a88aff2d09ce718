using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Entry point: sound bounds of every node of a network over an input box.</summary>
public static class BoundPropagation
{
    /// <summary>Bounds every node over lower &lt;= x &lt;= upper (fixed inputs, lower = upper, allowed).</summary>
    /// <exception cref="ArgumentException">wrong lengths, NaN or infinite ends, or lower &gt; upper.</exception>
    public static NetworkBounds Compute(Network network, double[] lower, double[] upper, BoundMethod method)
    {
        if (method == BoundMethod.LpTightened) return LpTightening.Run(network, lower, upper).Bounds;
        ValidateInputs(network, lower, upper);
        var bounds = new NetworkBounds(network, lower, upper, method);
        for (int node = 1; node < network.Nodes.Count; node++)
            BoundNode(bounds, node, method);
        return bounds;
    }

    /// <summary>Computes the bounds of one node from the current bounds of the nodes before it and
    /// intersects them into <paramref name="bounds"/>. Symbolic bounds are intersected with interval
    /// bounds, so they are never looser. A refinement (LP tightening) can call this node by node in
    /// topological order and then <see cref="NetworkBounds.Tighten"/> the node further.
    /// <see cref="BoundMethod.LpTightened"/> bounds one node symbolically here (its LPs are per layer,
    /// in <see cref="LpTightening"/>).</summary>
    public static void BoundNode(NetworkBounds bounds, int node, BoundMethod method)
    {
        var network = bounds.Network;
        var current = network.Nodes[node];
        var (lower, upper) = IntervalStep.Node(current, bounds);
        bounds.Tighten(node, lower, upper);
        if (method != BoundMethod.Interval && current is AffineNode affine && !ReadsOnlyInput(network, affine))
        {
            var (symbolicLower, symbolicUpper) = BackSubstitution.Node(network, node, bounds);
            bounds.Tighten(node, symbolicLower, symbolicUpper);
        }
    }

    /// <summary>An affine map of the input alone is bounded exactly by interval arithmetic.</summary>
    internal static bool ReadsOnlyInput(Network network, AffineNode node) =>
        node.Terms.Count == 1 && network.Nodes[node.Terms[0].Source] is InputNode;

    internal static void ValidateInputs(Network network, double[] lower, double[] upper)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Length != network.InputSize || upper.Length != network.InputSize)
            throw new ArgumentException(
                $"the network takes {network.InputSize} inputs; the box has {lower.Length} lower and {upper.Length} upper ends");
        for (int i = 0; i < lower.Length; i++)
        {
            if (!double.IsFinite(lower[i]) || !double.IsFinite(upper[i]))
                throw new ArgumentException($"input {i}: the box ends [{lower[i]}, {upper[i]}] must be finite numbers");
            if (lower[i] > upper[i])
                throw new ArgumentException($"input {i}: lower end {lower[i]} is above upper end {upper[i]}");
        }
    }
}
