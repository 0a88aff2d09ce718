using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Bounds;

/// <summary>Bounds over the part of a box where one unstable ReLU is in a given phase: its input z clipped to
/// [max(l, 0), u] (active) or [l, min(u, 0)] (inactive), and every later node bounded again from there.
/// Soundness: on that part the ReLU is exactly the identity (or the negative slope), so every relaxation the
/// later bounds use holds there; they are concretised over the whole box, a superset. Bounds that cross by more
/// than rounding prove the part empty (<see cref="NetworkBounds.IsEmpty"/>).</summary>
public static class PhaseSplit
{
    /// <summary>The bounds of <paramref name="parent"/>'s part where neuron <paramref name="neuron"/> of activation
    /// node <paramref name="reluNode"/> is active (or not); null when that part is empty.</summary>
    public static NetworkBounds? Fix(NetworkBounds parent, int reluNode, int neuron, bool active)
    {
        var network = parent.Network;
        var relu = network.Nodes[reluNode] as ReluNode
                   ?? throw new ArgumentException($"node {reluNode} ('{network.Nodes[reluNode].Name}') is not an activation");
        var bounds = parent.ForSubdomain();
        var lower = bounds.Lower(relu.Source);
        var upper = bounds.Upper(relu.Source);
        if (active) lower[neuron] = Math.Max(lower[neuron], 0);
        else upper[neuron] = Math.Min(upper[neuron], 0);
        if (lower[neuron] > upper[neuron]) return null;
        bounds.Tighten(relu.Source, lower, upper);
        for (int node = relu.Source + 1; node < network.Nodes.Count && !bounds.IsEmpty; node++)
            BoundPropagation.BoundNode(bounds, node, parent.Method);
        return bounds.IsEmpty ? null : bounds;
    }

    /// <summary>Each ReLU's phase where its input's bounds fix it (active when l ≥ 0): the one pattern of bounds
    /// without unstable neurons.</summary>
    public static ActivationPattern StablePattern(NetworkBounds bounds) =>
        new(bounds.Network.Activations.ToDictionary(a => a.Index,
            a => bounds.States(a.Index).Select(s => s == NeuronState.StableActive).ToArray()));
}
