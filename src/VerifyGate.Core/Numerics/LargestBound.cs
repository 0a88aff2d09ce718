using VerifyGate.Core.Bounds;
using VerifyGate.Core.Encoding;

namespace VerifyGate.Core.Numerics;

/// <summary>The bound of largest magnitude among a network's computed nodes: the constants the encodings
/// write into the MIP (variable bounds and big-M coefficients).</summary>
/// <param name="NodeName">The model node the value belongs to.</param>
/// <param name="Index">The value's index within the node.</param>
public readonly record struct LargestBound(string NodeName, int Index, double Magnitude)
{
    /// <summary>Over every node after the input (the input box is the domain, checked on its own).
    /// A NaN bound counts as infinitely large.</summary>
    public static LargestBound Of(NetworkBounds bounds)
    {
        var largest = new LargestBound("", 0, 0);
        var nodes = bounds.Network.Nodes;
        for (int n = 1; n < nodes.Count; n++)
            for (int j = 0; j < nodes[n].Size; j++)
                largest = Larger(largest, nodes[n].Name, j, Math.Max(-bounds.Lower(n, j), bounds.Upper(n, j)));
        return largest;
    }

    /// <summary>Over the tangent bounds (the big-M constants of the Lipschitz tangent encoding).</summary>
    public static LargestBound Of(NetworkBounds bounds, TangentBounds tangents)
    {
        var largest = new LargestBound("", 0, 0);
        var nodes = bounds.Network.Nodes;
        for (int n = 1; n < nodes.Count; n++)
            for (int j = 0; j < nodes[n].Size; j++)
                largest = Larger(largest, nodes[n].Name, j, tangents.Magnitude(n, j));
        return largest;
    }

    private static LargestBound Larger(LargestBound current, string node, int index, double magnitude)
    {
        if (double.IsNaN(magnitude)) magnitude = double.PositiveInfinity;
        return magnitude > current.Magnitude ? new LargestBound(node, index, magnitude) : current;
    }
}
